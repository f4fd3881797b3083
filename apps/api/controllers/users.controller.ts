import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles } from '#libs/auth';
import { type Page, PageOf } from '#libs/common';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto, UsersService, UserView } from '#libs/offices-users';
import { IdPipe } from '../http/id.pipe';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';

@ApiTags('users')
@ApiAuthenticated()
@ApiProblems(403)
@Roles('admin')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @ApiCreatedResponse({ type: UserView })
  @ApiProblems(400, 409)
  async create(@Body() dto: CreateUserDto): Promise<UserView> {
    return UserView.of(await this.users.create(dto));
  }

  @Get()
  @ApiOkResponse({ type: PageOf(UserView) })
  @ApiProblems(400)
  list(@Query() query: ListUsersQueryDto): Promise<Page<UserView>> {
    return this.users.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: UserView })
  @ApiProblems(404)
  async get(@Param('id', IdPipe) id: string): Promise<UserView> {
    return UserView.of(await this.users.get(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserView, description: "`active: false` ends the user's sessions at once" })
  @ApiProblems(400, 404, 409)
  async update(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', IdPipe) id: string,
    @Body() dto: UpdateUserDto,
  ): Promise<UserView> {
    return UserView.of(await this.users.update(actor.id, id, dto));
  }
}
