import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ScopedActor } from '#libs/casework';
import { Clock, localYear } from '#libs/common';
import { AppConfig } from '#libs/config';
import { countAnnual, NOTHING_COUNTED } from './annual-counts';
import { annualStatsView } from './annual-stats';
import type { AnnualStatsQueryDto } from './dto/annual-stats-query.dto';
import { statsScope } from './stats-scope';
import type { AnnualStatsView } from './views';

/** Annual statistics: SQL aggregates only, whatever the number of records. */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async annual(actor: ScopedActor, query: AnnualStatsQueryDto): Promise<AnnualStatsView> {
    const year = query.year ?? localYear(this.clock.now(), this.config.timezone);
    const scope = statsScope(actor, { ...query, year }, this.config.timezone);
    // One snapshot, so that breakdowns add up to their totals while casework goes on.
    const counts = scope.visible
      ? await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
          await manager.query('SET TRANSACTION READ ONLY');
          return countAnnual(manager, scope);
        })
      : NOTHING_COUNTED;
    return annualStatsView(scope, counts);
  }
}
