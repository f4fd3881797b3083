import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, ArrayUnique, IsArray, IsIn, IsString, IsUrl, Length, MaxLength } from 'class-validator';
import { Trim, Omittable } from '#libs/common';
import { NOTIFICATION_EVENTS, type NotificationEvent } from '../notification';

/** The receiver's operator chooses the secret; only an empty one is refused (a strong one is generated when none is given). */
export const WEBHOOK_SECRET_MIN_LENGTH = 1;
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
  @Omittable()
  @IsString()
  @Length(WEBHOOK_SECRET_MIN_LENGTH, WEBHOOK_SECRET_MAX_LENGTH)
  secret?: string;
}
