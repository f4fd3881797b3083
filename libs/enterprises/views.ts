import { ApiProperty } from '@nestjs/swagger';
import type { Enterprise } from './enterprise.entity';
import { ENTERPRISE_SIZES, type EnterpriseSize, INDUSTRIES, type Industry } from './industry';

export class EnterpriseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ example: '91440300708461136T' }) creditCode!: string;
  @ApiProperty({ enum: INDUSTRIES }) industry!: Industry;
  @ApiProperty({ enum: ENTERPRISE_SIZES, nullable: true }) size!: EnterpriseSize | null;
  @ApiProperty({ nullable: true, type: String }) district!: string | null;
  @ApiProperty({ nullable: true, type: String }) address!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactName!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone!: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) createdById!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() version!: number;

  static of(enterprise: Enterprise): EnterpriseView {
    return { ...enterprise };
  }
}
