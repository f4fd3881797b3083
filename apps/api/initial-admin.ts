import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '#libs/config';
import { UsersService } from '#libs/offices-users';

/** Creates the first admin from ADMIN_EMAIL/ADMIN_PASSWORD when the system has no admin yet. */
@Injectable()
export class InitialAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(InitialAdmin.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { email, password } = this.config.admin;
    if (email === undefined || password === undefined) return;
    const created = await this.users.ensureInitialAdmin(email, password);
    if (created !== null) this.logger.log(`created the initial admin ${created.email}`);
  }
}
