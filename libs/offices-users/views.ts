import { ApiProperty } from '@nestjs/swagger';
import type { Office } from './office.entity';
import { ROLES, type Role } from './role';
import type { User } from './user.entity';

export class OfficeView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'SZ-NS' }) code!: string;
  @ApiProperty({ example: 'Nanshan District Office' }) name!: string;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() version!: number;

  static of(office: Office): OfficeView {
    const { id, code, name, createdAt, updatedAt, version } = office;
    return { id, code, name, createdAt, updatedAt, version };
  }
}

/** A user as the API shows it: never the password hash. */
export class UserView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'email' }) email!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) officeId!: string | null;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiProperty() version!: number;

  static of(user: User): UserView {
    const { id, email, name, role, officeId, active, createdAt, updatedAt, version } = user;
    return { id, email, name, role, officeId, active, createdAt, updatedAt, version };
  }
}
