import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '#libs/calendar';
import { CaseworkModule } from '#libs/casework';
import { EnforcementCase } from './enforcement-case.entity';
import { EnforcementService } from './enforcement.service';

@Module({
  imports: [TypeOrmModule.forFeature([EnforcementCase]), CaseworkModule, CalendarModule],
  providers: [EnforcementService],
  exports: [EnforcementService],
})
export class EnforcementModule {}
