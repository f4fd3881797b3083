import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlertsModule } from '#libs/alerts';
import { EvaluationService } from './evaluation.service';
import { ProgressService } from './progress.service';
import { Target } from './target.entity';
import { TargetBaseline } from './target-baseline.entity';
import { TargetEvaluation } from './target-evaluation.entity';
import { TargetsService } from './targets.service';

@Module({
  imports: [TypeOrmModule.forFeature([Target, TargetBaseline, TargetEvaluation]), AlertsModule],
  providers: [ProgressService, EvaluationService, TargetsService],
  exports: [ProgressService, EvaluationService, TargetsService],
})
export class TargetsModule {}
