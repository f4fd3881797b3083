import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy as JwtStrategyBase } from 'passport-jwt';
import { Strategy as LocalStrategyBase } from 'passport-local';
import { isUuid, UnauthorizedError } from '#libs/common';
import { AppConfig } from '#libs/config';
import type { User } from '#libs/offices-users';
import { type AccessTokenClaims, AuthService } from './auth.service';
import type { AuthenticatedUser } from './authenticated-user';

@Injectable()
export class LocalStrategy extends PassportStrategy(LocalStrategyBase, 'local') {
  constructor(private readonly auth: AuthService) {
    super({ usernameField: 'email', passwordField: 'password', passReqToCallback: true });
  }

  validate(request: { ip: string }, email: string, password: string): Promise<User> {
    return this.auth.verifyCredentials(email, password, request.ip);
  }
}

@Injectable()
export class JwtStrategy extends PassportStrategy(JwtStrategyBase, 'jwt') {
  constructor(
    private readonly auth: AuthService,
    config: AppConfig,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwt.secret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  async validate(claims: unknown): Promise<AuthenticatedUser> {
    if (!isAccessTokenClaims(claims)) throw new UnauthorizedError('The access token is malformed');
    const user = await this.auth.resolveAccess(claims);
    if (user === null) throw new UnauthorizedError('The session has ended or the account is deactivated');
    return user;
  }
}

function isAccessTokenClaims(claims: unknown): claims is AccessTokenClaims {
  const { sub, sid } = (claims ?? {}) as Record<string, unknown>;
  return isUuid(sub) && isUuid(sid);
}
