import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '#libs/auth';
import { type Page, PageOf } from '#libs/common';
import {
  CreateEnterpriseDto,
  EnterprisesService,
  EnterpriseView,
  ListEnterprisesQueryDto,
  UpdateEnterpriseDto,
} from '#libs/enterprises';
import { IdPipe } from '../http/id.pipe';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';

@ApiTags('enterprises')
@ApiAuthenticated()
@Controller('enterprises')
export class EnterprisesController {
  constructor(private readonly enterprises: EnterprisesService) {}

  @Post()
  @Roles('caseworker', 'supervisor', 'admin')
  @ApiCreatedResponse({ type: EnterpriseView })
  @ApiProblems(400, 403, 409)
  async create(@CurrentUser() user: AuthenticatedUser, @Body() dto: CreateEnterpriseDto): Promise<EnterpriseView> {
    return EnterpriseView.of(await this.enterprises.create(user.id, dto));
  }

  @Get()
  @ApiOkResponse({ type: PageOf(EnterpriseView) })
  @ApiProblems(400)
  list(@Query() query: ListEnterprisesQueryDto): Promise<Page<EnterpriseView>> {
    return this.enterprises.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: EnterpriseView })
  @ApiProblems(404)
  async get(@Param('id', IdPipe) id: string): Promise<EnterpriseView> {
    return EnterpriseView.of(await this.enterprises.get(id));
  }

  @Patch(':id')
  @Roles('caseworker', 'supervisor', 'admin')
  @ApiOkResponse({ type: EnterpriseView })
  @ApiProblems(400, 403, 404, 409)
  async update(@Param('id', IdPipe) id: string, @Body() dto: UpdateEnterpriseDto): Promise<EnterpriseView> {
    return EnterpriseView.of(await this.enterprises.update(id, dto));
  }
}
