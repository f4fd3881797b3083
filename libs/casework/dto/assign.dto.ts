import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsUUID, Min, ValidateIf } from 'class-validator';

export class AssignDto {
  @ApiProperty({ description: 'The version you read' })
  @IsInt()
  @Min(1)
  version!: number;

  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'An active caseworker or supervisor of the office; null unassigns',
  })
  @ValidateIf((_dto, value) => value !== null)
  @IsUUID()
  assigneeId!: string | null;
}
