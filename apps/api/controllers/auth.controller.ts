import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBody, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  AuthService,
  type AuthenticatedUser,
  CurrentUser,
  LocalAuthGuard,
  LoginDto,
  LogoutDto,
  Public,
  RefreshDto,
  TokenPairView,
} from '#libs/auth';
import { type User, UsersService, UserView } from '#libs/offices-users';
import { ApiAuthenticated, ApiProblems } from '../http/openapi';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @UseGuards(LocalAuthGuard)
  @ApiBody({ type: LoginDto })
  @ApiOkResponse({ type: TokenPairView })
  @ApiProblems(400, 401, 429)
  login(@Req() request: { user: User }): Promise<TokenPairView> {
    return this.auth.startSession(request.user);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairView, description: 'A new pair; the presented refresh token is spent' })
  @ApiProblems(400, 401)
  refresh(@Body() dto: RefreshDto): Promise<TokenPairView> {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is over; its access and refresh tokens no longer work' })
  @ApiAuthenticated()
  @ApiProblems(400)
  async logout(@CurrentUser() user: AuthenticatedUser, @Body() dto: LogoutDto): Promise<void> {
    await this.auth.logout(user.sessionId, dto.refreshToken);
  }

  @Get('me')
  @ApiAuthenticated()
  @ApiOkResponse({ type: UserView })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return UserView.of(await this.users.get(user.id));
  }
}
