import { type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { ForbiddenError, UnauthorizedError, validateInput } from '#libs/common';
import type { Role } from '#libs/offices-users';
import type { AuthenticatedUser } from './authenticated-user';
import { ALLOWED_ROLES, IS_PUBLIC } from './decorators';
import { LoginDto } from './dto/auth.dto';

/** Global: every route needs a valid access token unless marked {@link Public}. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    return isPublic === true || super.canActivate(context);
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof Error) throw error;
    if (user === false || user === undefined || user === null) {
      throw new UnauthorizedError('A valid access token is required');
    }
    return user;
  }
}

/** Global: enforces {@link Roles}; runs after {@link JwtAuthGuard}. */
@Injectable()
export class RolesGuard {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (roles === undefined) return true;
    const user = context.switchToHttp().getRequest<{ user?: AuthenticatedUser }>().user;
    if (user === undefined || !roles.includes(user.role)) {
      throw new ForbiddenError(`This action needs the role ${roles.join(' or ')}`);
    }
    return true;
  }
}

/** Login: the body is validated first (400 for malformed input), then passport-local checks it. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ body: unknown }>();
    await validateInput(LoginDto, request.body);
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<TUser>(error: unknown, user: TUser | false): TUser {
    if (error instanceof Error) throw error;
    if (user === false || user === undefined || user === null) throw new UnauthorizedError('Invalid email or password');
    return user;
  }
}
