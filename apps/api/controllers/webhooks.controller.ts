import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { type Page, PageOf, PageQueryDto } from '#libs/common';
import {
  CreatedWebhookView,
  CreateWebhookDto,
  WebhookDeliveryView,
  WebhooksService,
  WebhookView,
} from '#libs/notifications';
import { IdPipe } from '../http/id.pipe';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';

@ApiTags('webhooks')
@ApiAuthenticated()
@ApiProblems(403)
@Roles('admin')
@Controller('webhooks')
export class WebhooksController {
  constructor(private readonly webhooks: WebhooksService) {}

  @Post()
  @ApiCreatedResponse({
    type: CreatedWebhookView,
    description: 'The webhook with its `secret`, which no later response shows',
  })
  @ApiProblems(400)
  create(@Body() dto: CreateWebhookDto): Promise<CreatedWebhookView> {
    return this.webhooks.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(WebhookView), description: 'Newest first; deleted webhooks are left out' })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto): Promise<Page<WebhookView>> {
    return this.webhooks.list(query);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Nothing more is sent to it; what it was still owed is marked failed' })
  @ApiProblems(404)
  delete(@Param('id', IdPipe) id: string): Promise<void> {
    return this.webhooks.delete(id);
  }

  @Get(':id/deliveries')
  @ApiOkResponse({
    type: PageOf(WebhookDeliveryView),
    description: "Newest first, each with its attempts; a deleted webhook's log stays readable",
  })
  @ApiProblems(400, 404)
  deliveries(@Param('id', IdPipe) id: string, @Query() query: PageQueryDto): Promise<Page<WebhookDeliveryView>> {
    return this.webhooks.deliveryLog(id, query);
  }
}
