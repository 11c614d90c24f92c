/**
 * The JSON report: `{ generatedAt, asOf, source, rules, governedLeadSources, convertedStatuses, openStatuses,
 * checks: [{ id, title, status, count, population, share, recordIds, reason?, details? }], funnel, health, warnings }`.
 */
import type { AuditReport } from '../engine.js';

export function renderJson(report: AuditReport): string {
    return JSON.stringify(report, null, 2) + '\n';
}
