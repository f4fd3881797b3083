import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CaseworkModule } from '#libs/casework';
import { AssistanceRequest } from './assistance-request.entity';
import { AssistanceService } from './assistance.service';

@Module({
  imports: [TypeOrmModule.forFeature([AssistanceRequest]), CaseworkModule],
  providers: [AssistanceService],
  exports: [AssistanceService],
})
export class AssistanceModule {}
