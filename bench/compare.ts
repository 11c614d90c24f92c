/**
 * Compares the audit's per-check counts (and the `details` numbers the plan also knows) with the planted counts.
 * Pure; used by `run.ts` and the generator test.
 */
import type { AuditReport } from '../src/audit/engine.js';
import { CHECK_IDS, type Plan } from './plan.js';

export type AuditCount = { id: string; count: number; details?: Record<string, unknown> };
export type CountRow = { id: string; expected: number; actual: number | undefined; ok: boolean };

/** One row per check id (then per planted detail as `<check> › <detail>`), in report order; extra checks fail. */
export function compareCounts(plan: Plan, checks: readonly AuditCount[]): CountRow[] {
    const byId = new Map(checks.map((c) => [c.id, c]));
    const rows: CountRow[] = [];
    for (const id of CHECK_IDS) {
        const check = byId.get(id);
        const expected = plan.planted[id];
        rows.push({ id, expected, actual: check?.count, ok: check?.count === expected });
        for (const [key, value] of Object.entries(plan.plantedDetails[id] ?? {})) {
            const actual = check?.details?.[key];
            const n = typeof actual === 'number' ? actual : undefined;
            rows.push({ id: `${id} › ${key}`, expected: value, actual: n, ok: n === value });
        }
    }
    for (const check of checks) {
        if (!(CHECK_IDS as readonly string[]).includes(check.id)) {
            rows.push({ id: check.id, expected: 0, actual: check.count, ok: check.count === 0 });
        }
    }
    return rows;
}

export type CheckCount = { id: string; status: string; count: number; details?: Record<string, unknown> };

/** The per-check counts, details and loaded rows of a report. */
export function summariseReport(report: AuditReport): { rows: Record<string, number>; checks: CheckCount[] } {
    const checks: CheckCount[] = report.checks.map((c) => ({
        id: c.id,
        status: c.status,
        count: c.count,
        ...(c.details ? { details: c.details } : {})
    }));
    const rows: Record<string, number> = {};
    for (const [name, o] of Object.entries(report.source.objects)) rows[name] = o.rows;
    return { rows, checks };
}
