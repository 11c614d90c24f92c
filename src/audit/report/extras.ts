/**
 * What a run adds to the report beyond the engine's result: the fix list written (`--fixes`), the trend against an
 * earlier report (`--baseline`), and the context reused from a saved org snapshot (`audit-context.json`). JSON carries
 * them as `fixes`, `trend` and `context`; the other formats render a section each when present.
 */
import type { AuditReport } from '../engine.js';
import type { SnapshotContextNote } from '../baseline/context.js';
import type { Trend } from '../baseline/trend.js';
import type { FixesSummary } from '../fixes/types.js';

export type ReportExtras = { fixes?: FixesSummary; trend?: Trend; context?: SnapshotContextNote };
export type ExtendedReport = AuditReport & ReportExtras;

export function extrasOf(report: AuditReport): ReportExtras {
    return report as ExtendedReport;
}
