import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Office } from './office.entity';
import { OfficesService } from './offices.service';
import { PasswordHasher } from './password-hasher';
import { User } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([Office, User])],
  providers: [OfficesService, UsersService, PasswordHasher],
  exports: [OfficesService, UsersService, PasswordHasher, TypeOrmModule],
})
export class OfficesUsersModule {}
