import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateIf,
} from 'class-validator';
import { PageQueryDto, Trim, Omittable } from '#libs/common';
import { ROLES, type Role } from '../role';

const lowerCase = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value,
);

export const PASSWORD_MIN_LENGTH = 8;

export class CreateUserDto {
  @ApiProperty({ format: 'email' })
  @lowerCase
  @IsEmail()
  @Length(3, 254)
  email!: string;

  @ApiProperty()
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: ROLES })
  @IsIn(ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for caseworkers and supervisors' })
  @ValidateIf((dto: CreateUserDto) => dto.role !== 'admin' || dto.officeId !== undefined)
  @IsUUID()
  officeId?: string;

  @ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: 256 })
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 256)
  password!: string;
}

export class UpdateUserDto {
  @ApiProperty({ description: 'The version you read' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional()
  @Omittable()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Omittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID()
  officeId?: string | null;

  @ApiPropertyOptional({ description: 'false deactivates the user at once' })
  @Omittable()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: PASSWORD_MIN_LENGTH, maxLength: 256 })
  @Omittable()
  @IsString()
  @Length(PASSWORD_MIN_LENGTH, 256)
  password?: string;
}

export class ListUsersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  officeId?: string;

  @ApiPropertyOptional({ enum: ROLES })
  @Omittable()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ description: 'Matches name or e-mail' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  q?: string;
}
