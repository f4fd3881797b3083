import { Omittable } from '#libs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { UserView } from '#libs/offices-users';

export class LoginDto {
  @ApiProperty({ format: 'email', example: 'admin@ipr.local' })
  @IsString()
  @Length(1, 254)
  email!: string;

  @ApiProperty()
  @IsString()
  @Length(1, 256)
  password!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  refreshToken!: string;
}

export class LogoutDto {
  @ApiPropertyOptional({
    description: "Ends the session of this refresh token (the access token's session ends anyway)",
  })
  @Omittable()
  @IsString()
  @Length(1, 200)
  refreshToken?: string;
}

export class TokenPairView {
  @ApiProperty({ description: 'JWT for the Authorization: Bearer header' }) accessToken!: string;
  @ApiProperty({ description: 'Opaque; exchange it once at /auth/refresh' }) refreshToken!: string;
  @ApiProperty({ description: 'Seconds until the access token expires' }) expiresIn!: number;
  @ApiProperty({ type: UserView }) user!: UserView;
}
