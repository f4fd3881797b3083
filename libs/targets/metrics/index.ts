import { assistedEnterprises } from './assisted-enterprises.metric';
import { enforcementCasesFiled } from './enforcement-cases-filed.metric';
import type { Metric } from './metric';

export * from './metric';
export { assistedEnterprises, enforcementCasesFiled };

/** Every metric a target may name, by its stable key. */
export const METRICS: ReadonlyMap<string, Metric> = new Map(
  [assistedEnterprises, enforcementCasesFiled].map((metric) => [metric.key, metric]),
);
