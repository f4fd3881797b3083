import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  MaxLength,
} from 'class-validator';
import { Trim } from '#libs/common';
import { NOTIFICATION_EVENTS, type NotificationEvent } from '../notification';

export const WEBHOOK_SECRET_MIN_LENGTH = 16;
export const WEBHOOK_SECRET_MAX_LENGTH = 256;

export class CreateWebhookDto {
  @ApiProperty({ format: 'uri', example: 'https://alerts.example.org/ipr' })
  @Trim()
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
    { message: 'url must be an http or https URL' },
  )
  @MaxLength(2048)
  url!: string;

  @ApiProperty({ enum: NOTIFICATION_EVENTS, isArray: true, example: ['alert.raised', 'alert.resolved'] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(NOTIFICATION_EVENTS, { each: true })
  events!: NotificationEvent[];

  @ApiPropertyOptional({
    minLength: WEBHOOK_SECRET_MIN_LENGTH,
    maxLength: WEBHOOK_SECRET_MAX_LENGTH,
    description: 'HMAC key of X-Signature; generated when absent',
  })
  @IsOptional()
  @IsString()
  @Length(WEBHOOK_SECRET_MIN_LENGTH, WEBHOOK_SECRET_MAX_LENGTH)
  secret?: string;
}
