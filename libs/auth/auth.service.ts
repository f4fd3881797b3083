import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock, isUuid, UnauthorizedError } from '#libs/common';
import { AppConfig } from '#libs/config';
import { PasswordHasher, User, UserView } from '#libs/offices-users';
import { AuthSession } from './auth-session.entity';
import type { AuthenticatedUser } from './authenticated-user';
import type { TokenPairView } from './dto/auth.dto';
import { LoginThrottle } from './login-throttle';
import { RefreshToken } from './refresh-token.entity';

/** Claims of an access token. `sid` ties it to a session so that ending the session ends the token. */
export interface AccessTokenClaims {
  readonly sub: string;
  readonly sid: string;
}

const INVALID_CREDENTIALS = 'Invalid email or password';
const INVALID_REFRESH = 'The refresh token is invalid, expired or already used';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** A refresh token is `<token id>.<secret>`: the id finds the row, the secret proves possession. */
function parseRefreshToken(token: string): { id: string; secret: string } | null {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match === null ? null : { id: match[1] as string, secret: match[2] as string };
}

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The same 401 for an unknown e-mail, a wrong password and a deactivated account. */
  async verifyCredentials(rawEmail: string, password: string, ip: string): Promise<User> {
    const email = rawEmail.trim().toLowerCase();
    await this.throttle.assertAllowed(email, ip);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('lower(user.email) = :email', { email })
      .getOne();
    const passwordMatches = await this.passwords.verify(user?.passwordHash, password);
    if (user === null || !passwordMatches || !user.active) {
      await this.throttle.recordFailure(email, ip);
      throw new UnauthorizedError(INVALID_CREDENTIALS);
    }
    await this.throttle.reset(email, ip);
    return user;
  }

  async startSession(user: User): Promise<TokenPairView> {
    return this.dataSource.transaction(async (manager) => {
      const session = await manager.save(AuthSession, manager.create(AuthSession, { userId: user.id }));
      return this.issueTokens(manager, user, session.id);
    });
  }

  /**
   * Exchanges a refresh token for a new pair. A token presented twice means it leaked:
   * its whole session is revoked, so neither the thief nor the owner can continue.
   */
  async refresh(refreshToken: string): Promise<TokenPairView> {
    const parsed = parseRefreshToken(refreshToken);
    if (parsed === null) throw new UnauthorizedError(INVALID_REFRESH);
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await manager.findOne(RefreshToken, {
        where: { id: parsed.id },
        lock: { mode: 'pessimistic_write' },
      });
      if (token === null || !sameHash(token.tokenHash, sha256(parsed.secret))) return null;
      const session = await manager.findOneBy(AuthSession, { id: token.sessionId });
      if (session === null || session.revokedAt !== null) return null;
      if (token.usedAt !== null) {
        await this.revokeSession(manager, session.id, 'refresh_token_reused');
        return null;
      }
      const now = this.clock.now();
      if (token.expiresAt <= now) return null;
      const user = await manager.findOneBy(User, { id: session.userId });
      if (user === null || !user.active) return null;
      await manager.update(RefreshToken, { id: token.id }, { usedAt: now });
      return this.issueTokens(manager, user, session.id);
    });
    if (outcome === null) throw new UnauthorizedError(INVALID_REFRESH);
    return outcome;
  }

  /**
   * Ends the session of the access token (expired or not, as long as we signed it) and the
   * session of the refresh token, whichever are given. False when neither names a session.
   */
  async logout(accessToken: string | undefined, refreshToken: string | undefined): Promise<boolean> {
    const accessSession = accessToken === undefined ? undefined : await this.sessionOfAccessToken(accessToken);
    const parsed = refreshToken === undefined ? null : parseRefreshToken(refreshToken);
    return this.dataSource.transaction(async (manager) => {
      const sessions = new Set<string>();
      if (accessSession !== undefined) sessions.add(accessSession);
      if (parsed !== null) {
        const token = await manager.findOneBy(RefreshToken, { id: parsed.id });
        if (token !== null && sameHash(token.tokenHash, sha256(parsed.secret))) sessions.add(token.sessionId);
      }
      for (const sessionId of sessions) await this.revokeSession(manager, sessionId, 'logout');
      return sessions.size > 0;
    });
  }

  private async sessionOfAccessToken(token: string): Promise<string | undefined> {
    try {
      const claims = await this.jwt.verifyAsync<Partial<AccessTokenClaims>>(token, {
        algorithms: ['HS256'],
        ignoreExpiration: true,
      });
      return isUuid(claims.sid) ? claims.sid : undefined;
    } catch {
      return undefined;
    }
  }

  /** Checks an access token's subject against the database: active user, live session. */
  async resolveAccess(claims: AccessTokenClaims): Promise<AuthenticatedUser | null> {
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .innerJoin(
        AuthSession,
        'session',
        'session.user_id = user.id AND session.id = :sessionId AND session.revoked_at IS NULL',
        {
          sessionId: claims.sid,
        },
      )
      .where('user.id = :userId AND user.active', { userId: claims.sub })
      .getOne();
    if (user === null) return null;
    const { id, email, name, role, officeId } = user;
    return { id, email, name, role, officeId, sessionId: claims.sid };
  }

  private async issueTokens(manager: EntityManager, user: User, sessionId: string): Promise<TokenPairView> {
    const claims: AccessTokenClaims = { sub: user.id, sid: sessionId };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwt.accessTtlSeconds });
    const id = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await manager.insert(RefreshToken, {
      id,
      sessionId,
      tokenHash: sha256(secret),
      expiresAt: new Date(this.clock.now().getTime() + this.config.jwt.refreshTtlSeconds * 1000),
    });
    return {
      accessToken,
      refreshToken: `${id}.${secret}`,
      expiresIn: this.config.jwt.accessTtlSeconds,
      user: UserView.of(user),
    };
  }

  private async revokeSession(manager: EntityManager, sessionId: string, reason: string): Promise<void> {
    await manager
      .createQueryBuilder()
      .update(AuthSession)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('id = :sessionId AND revoked_at IS NULL', { sessionId })
      .execute();
  }
}
