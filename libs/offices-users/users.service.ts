import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, type EntityManager, Repository } from 'typeorm';
import { assertVersion, ConflictError, NotFoundError, type Page, ValidationError } from '#libs/common';
import { escapeLike, translateUniqueViolation, pageNewestFirst } from '#libs/database';
import type { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { Office } from './office.entity';
import { PasswordHasher } from './password-hasher';
import { OFFICE_ROLES, type Role } from './role';
import { User } from './user.entity';
import { UserView } from './views';

@Injectable()
export class UsersService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
  ) {}

  async create(dto: CreateUserDto): Promise<User> {
    const officeId = dto.officeId ?? null;
    await this.assertOfficeFits(this.dataSource.manager, dto.role, officeId);
    const passwordHash = await this.passwords.hash(dto.password);
    return translateDuplicateEmail(() =>
      this.users.save(
        this.users.create({ email: dto.email, name: dto.name, role: dto.role, officeId, active: true, passwordHash }),
      ),
    ).then((user) => this.get(user.id));
  }

  list(query: ListUsersQueryDto): Promise<Page<UserView>> {
    const users = this.users.createQueryBuilder('user');
    if (query.officeId !== undefined) users.andWhere('user.office_id = :officeId', { officeId: query.officeId });
    if (query.role !== undefined) users.andWhere('user.role = :role', { role: query.role });
    if (query.q !== undefined) {
      users.andWhere('(user.name ILIKE :pattern OR user.email ILIKE :pattern)', {
        pattern: `%${escapeLike(query.q)}%`,
      });
    }
    return pageNewestFirst(users, query, UserView.of);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (user === null) throw new NotFoundError('User');
    return user;
  }

  async update(actorId: string, id: string, dto: UpdateUserDto): Promise<User> {
    if (actorId === id && dto.active === false) {
      throw new ConflictError('self-deactivation', 'You cannot deactivate your own account');
    }
    const passwordHash = dto.password === undefined ? undefined : await this.passwords.hash(dto.password);
    await this.dataSource.transaction(async (manager) => {
      const user = await manager.findOne(User, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (user === null) throw new NotFoundError('User');
      assertVersion(user, dto.version, 'User');
      const role = dto.role ?? user.role;
      const officeId = dto.officeId === undefined ? user.officeId : dto.officeId;
      await this.assertOfficeFits(manager, role, officeId);
      const wasActive = user.active;
      Object.assign(user, {
        name: dto.name ?? user.name,
        role,
        officeId,
        active: dto.active ?? user.active,
        ...(passwordHash === undefined ? {} : { passwordHash }),
      });
      await manager.save(User, user);
      if (wasActive && !user.active) {
        // Access and refresh tokens name their session; revoking the sessions here (with the
        // deactivation, in one transaction) is what makes deactivation effective at once.
        await manager.query(
          `UPDATE auth_sessions SET revoked_at = now(), revoked_reason = 'user_deactivated'
            WHERE user_id = $1 AND revoked_at IS NULL`,
          [id],
        );
      }
    });
    return this.get(id);
  }

  /** The first admin comes from ADMIN_EMAIL/ADMIN_PASSWORD; nothing happens once any admin exists. */
  async ensureInitialAdmin(email: string, password: string): Promise<User | null> {
    const passwordHash = await this.passwords.hash(password);
    return this.dataSource.transaction(async (manager) => {
      // Serialises concurrent api starts so that exactly one of them creates the admin.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [7_201_802]);
      const adminExists = await manager.existsBy(User, { role: 'admin' });
      const emailTaken = await manager
        .createQueryBuilder(User, 'user')
        .where('lower(user.email) = lower(:email)', { email })
        .getExists();
      if (adminExists || emailTaken) return null;
      return manager.save(
        User,
        manager.create(User, {
          email,
          name: 'Administrator',
          role: 'admin',
          officeId: null,
          active: true,
          passwordHash,
        }),
      );
    });
  }

  private async assertOfficeFits(manager: EntityManager, role: Role, officeId: string | null): Promise<void> {
    if (officeId === null) {
      if (OFFICE_ROLES.includes(role)) throw ValidationError.of('officeId', `is required for the ${role} role`);
      return;
    }
    if (!(await manager.existsBy(Office, { id: officeId }))) {
      throw ValidationError.of('officeId', 'does not name an existing office');
    }
  }
}

function translateDuplicateEmail<T>(work: () => Promise<T>): Promise<T> {
  return translateUniqueViolation(
    'users_email_key',
    () => new ConflictError('duplicate-email', 'A user with this e-mail already exists'),
    work,
  );
}
