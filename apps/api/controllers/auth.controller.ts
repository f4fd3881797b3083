import { Body, Controller, Get, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { UnauthorizedError } from '#libs/common';
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

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'The session is over; its access and refresh tokens no longer work' })
  @ApiProblems(400, 401)
  async logout(@Req() request: FastifyRequest, @Body() dto: LogoutDto): Promise<void> {
    // The access token, the refresh token, or both: a client whose access token has expired
    // must still be able to end its session.
    const header = request.headers.authorization;
    const accessToken = header?.startsWith('Bearer ') === true ? header.slice('Bearer '.length) : undefined;
    if (!(await this.auth.logout(accessToken, dto.refreshToken))) {
      throw new UnauthorizedError('Give the access token or the refresh token of the session to end');
    }
  }

  @Get('me')
  @ApiAuthenticated()
  @ApiOkResponse({ type: UserView })
  async me(@CurrentUser() user: AuthenticatedUser): Promise<UserView> {
    return UserView.of(await this.users.get(user.id));
  }
}
