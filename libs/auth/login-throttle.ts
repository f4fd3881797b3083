import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '#libs/config';
import { TooManyRequestsError } from '#libs/common';

/**
 * Counts failed logins per (e-mail, client address) in PostgreSQL, so the limit holds across
 * any number of api copies. Keyed by both so that nobody can lock a colleague out from afar.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const { maxFailures, failureWindowSeconds } = this.config.login;
    const [row] = await this.dataSource.query<{ failures: number; oldest: Date | null }[]>(
      `SELECT count(*)::int AS failures, min(failed_at) AS oldest FROM login_failures
        WHERE email = $1 AND ip = $2 AND failed_at > now() - make_interval(secs => $3)`,
      [email, ip, failureWindowSeconds],
    );
    if (row !== undefined && row.failures >= maxFailures && row.oldest !== null) {
      const retryAfter = Math.max(
        1,
        Math.ceil((row.oldest.getTime() + failureWindowSeconds * 1000 - Date.now()) / 1000),
      );
      throw new TooManyRequestsError('Too many failed logins; try again later', retryAfter);
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.dataSource.query(
      `WITH expired AS (
         DELETE FROM login_failures WHERE failed_at < now() - make_interval(secs => $3)
       )
       INSERT INTO login_failures (email, ip) VALUES ($1, $2)`,
      [email, ip, this.config.login.failureWindowSeconds],
    );
  }

  async reset(email: string, ip: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE email = $1 AND ip = $2', [email, ip]);
  }
}
