import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '#libs/auth';
import { type Page, PageOf, PageQueryDto } from '#libs/common';
import { CreateOfficeDto, OfficesService, OfficeView, UpdateOfficeDto } from '#libs/offices-users';
import { IdPipe } from '../http/id.pipe';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';

@ApiTags('offices')
@ApiAuthenticated()
@Controller('offices')
export class OfficesController {
  constructor(private readonly offices: OfficesService) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: OfficeView })
  @ApiProblems(400, 403, 409)
  async create(@Body() dto: CreateOfficeDto): Promise<OfficeView> {
    return OfficeView.of(await this.offices.create(dto));
  }

  @Get()
  @ApiOkResponse({ type: PageOf(OfficeView), description: 'Every role may read the offices' })
  @ApiProblems(400)
  list(@Query() query: PageQueryDto): Promise<Page<OfficeView>> {
    return this.offices.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: OfficeView })
  @ApiProblems(404)
  async get(@Param('id', IdPipe) id: string): Promise<OfficeView> {
    return OfficeView.of(await this.offices.get(id));
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOkResponse({ type: OfficeView })
  @ApiProblems(400, 403, 404, 409)
  async update(@Param('id', IdPipe) id: string, @Body() dto: UpdateOfficeDto): Promise<OfficeView> {
    return OfficeView.of(await this.offices.update(id, dto));
  }
}
