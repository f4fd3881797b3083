import type { EntityManager } from 'typeorm';
import { type Metric, type MetricScope, scalar } from './metric';

/** Distinct enterprises with an assistance request approved in the period (SPEC §1: ≥ 120 a year). */
export const assistedEnterprises: Metric = {
  key: 'assisted_enterprises',
  description: 'Distinct enterprises with an assistance request approved in the period',
  count(manager: EntityManager, { from, to, officeId, industry }: MetricScope): Promise<number> {
    return scalar(
      manager,
      `SELECT count(DISTINCT request.enterprise_id) AS value
         FROM assistance_requests request
         JOIN enterprises enterprise ON enterprise.id = request.enterprise_id
        WHERE request.approved_at >= $1 AND request.approved_at < $2
          AND ($3::uuid IS NULL OR request.office_id = $3)
          AND ($4::text IS NULL OR enterprise.industry = $4)`,
      [from, to, officeId ?? null, industry ?? null],
    );
  },
  async hasRecordsBefore(manager: EntityManager, instant: Date): Promise<boolean> {
    return (
      (await scalar(
        manager,
        'SELECT count(*) AS value FROM (SELECT 1 FROM assistance_requests WHERE created_at < $1 LIMIT 1) AS any_row',
        [instant],
      )) > 0
    );
  },
};
