import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { PageQueryDto, Trim } from '#libs/common';
import { ENTERPRISE_SIZES, type EnterpriseSize, INDUSTRIES, type Industry } from '../industry';
import { IsCreditCode } from './is-credit-code';

const upperCase = Transform(({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value,
);

export class CreateEnterpriseDto {
  @ApiProperty({ example: 'Shenzhen Example New Energy Co., Ltd.' })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '91440300708461136T', description: 'Unified Social Credit Code (GB 32100-2015)' })
  @upperCase
  @IsCreditCode()
  creditCode!: string;

  @ApiProperty({ enum: INDUSTRIES })
  @IsIn(INDUSTRIES)
  industry!: Industry;

  @ApiPropertyOptional({ enum: ENTERPRISE_SIZES })
  @IsOptional()
  @IsIn(ENTERPRISE_SIZES)
  size?: EnterpriseSize;

  @ApiPropertyOptional({ example: 'Nanshan' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 64)
  district?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 300)
  address?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  contactName?: string;

  @ApiPropertyOptional({ example: '+86 755 1234 5678' })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(/^\+?[0-9 ()-]{5,32}$/, { message: 'contactPhone must be a telephone number' })
  contactPhone?: string;

  @ApiPropertyOptional({ format: 'email' })
  @IsOptional()
  @Trim()
  @IsEmail()
  @Length(3, 254)
  contactEmail?: string;
}

export class UpdateEnterpriseDto extends PartialType(CreateEnterpriseDto, { skipNullProperties: false }) {
  @ApiProperty({ description: 'The version you read' })
  @IsInt()
  @Min(1)
  version!: number;
}

export class ListEnterprisesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Matches the name or the start of the credit code' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 100)
  q?: string;

  @ApiPropertyOptional({ enum: INDUSTRIES })
  @IsOptional()
  @IsIn(INDUSTRIES)
  industry?: Industry;

  @ApiPropertyOptional({ enum: ENTERPRISE_SIZES })
  @IsOptional()
  @IsIn(ENTERPRISE_SIZES)
  size?: EnterpriseSize;

  @ApiPropertyOptional()
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 64)
  district?: string;
}
