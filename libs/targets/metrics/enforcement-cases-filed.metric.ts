import type { EntityManager } from 'typeorm';
import { type Metric, type MetricScope, scalar } from './metric';

/** Enforcement cases filed in the period (SPEC §1: up more than 20 % a year). */
export const enforcementCasesFiled: Metric = {
  key: 'enforcement_cases_filed',
  description: 'Administrative enforcement cases (patent and trademark) filed in the period',
  count(manager: EntityManager, { from, to, officeId, industry }: MetricScope): Promise<number> {
    return scalar(
      manager,
      `SELECT count(*) AS value
         FROM enforcement_cases enforcement_case
         LEFT JOIN enterprises respondent ON respondent.id = enforcement_case.respondent_enterprise_id
        WHERE enforcement_case.filed_at >= $1 AND enforcement_case.filed_at < $2
          AND ($3::uuid IS NULL OR enforcement_case.office_id = $3)
          AND ($4::text IS NULL OR respondent.industry = $4)`,
      [from, to, officeId ?? null, industry ?? null],
    );
  },
  async hasRecordsBefore(manager: EntityManager, instant: Date): Promise<boolean> {
    return (
      (await scalar(
        manager,
        'SELECT count(*) AS value FROM (SELECT 1 FROM enforcement_cases WHERE created_at < $1 LIMIT 1) AS any_row',
        [instant],
      )) > 0
    );
  },
};
