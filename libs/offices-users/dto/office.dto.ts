import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsString, Length, Matches, Min } from 'class-validator';
import { Trim, Omittable } from '#libs/common';

const OFFICE_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export class CreateOfficeDto {
  @ApiProperty({ example: 'SZ-NS', description: 'Unique office code' })
  @Trim()
  @IsString()
  @Length(2, 32)
  @Matches(OFFICE_CODE, { message: 'code may contain letters, digits, "-" and "_" only' })
  code!: string;

  @ApiProperty({ example: 'Nanshan District Office' })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class UpdateOfficeDto {
  @ApiProperty({ description: 'The version you read; a newer one on the server means someone else changed it' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiPropertyOptional({ example: 'SZ-NS' })
  @Omittable()
  @Trim()
  @IsString()
  @Length(2, 32)
  @Matches(OFFICE_CODE, { message: 'code may contain letters, digits, "-" and "_" only' })
  code?: string;

  @ApiPropertyOptional()
  @Omittable()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;
}
