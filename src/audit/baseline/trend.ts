/**
 * The trend against an earlier report (`--baseline`): per check, the count then and now, the records newly broken
 * (findings now that were not then) and the records fixed (findings then that are not now). A check absent from
 * either report, or skipped in either, has no record lists (nothing to compare), and says why.
 */
import type { AuditReport } from '../engine.js';
import type { Baseline } from './schema.js';

export type TrendCheck = {
    id: string;
    then: { status: string; count: number } | null;
    now: { status: string; count: number } | null;
    /** now − then (null when either side did not run). */
    delta: number | null;
    newlyBroken: string[];
    fixed: string[];
    note?: string;
};

export type Trend = {
    baseline: { file: string; generatedAt: string; asOf: string; source?: string };
    checks: TrendCheck[];
    /** Differences of the rules or governed values between the two runs (counts may differ because of them). */
    notes: string[];
};

function diff(a: readonly string[], b: readonly string[]): string[] {
    const other = new Set(b);
    return a.filter((id) => !other.has(id)).sort();
}

function sameJson(a: unknown, b: unknown): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

export function computeTrend(report: AuditReport, baseline: Baseline, file: string): Trend {
    const thenById = new Map(baseline.checks.map((c) => [c.id, c]));
    const nowIds = new Set(report.checks.map((c) => c.id));
    const checks: TrendCheck[] = report.checks.map((now) => {
        const then = thenById.get(now.id);
        const nowSide = { status: now.status, count: now.count };
        if (!then)
            return {
                id: now.id,
                then: null,
                now: nowSide,
                delta: null,
                newlyBroken: [],
                fixed: [],
                note: 'not in the baseline (a check added since)'
            };
        const thenSide = { status: then.status, count: then.count };
        if (then.status === 'skipped' || now.status === 'skipped') {
            const which = then.status === 'skipped' ? 'then' : 'now';
            return {
                id: now.id,
                then: thenSide,
                now: nowSide,
                delta: null,
                newlyBroken: [],
                fixed: [],
                note: `skipped ${which}: nothing to compare`
            };
        }
        return {
            id: now.id,
            then: thenSide,
            now: nowSide,
            delta: now.count - then.count,
            newlyBroken: diff(now.recordIds, then.recordIds),
            fixed: diff(then.recordIds, now.recordIds)
        };
    });
    for (const then of baseline.checks) {
        if (nowIds.has(then.id)) continue;
        checks.push({
            id: then.id,
            then: { status: then.status, count: then.count },
            now: null,
            delta: null,
            newlyBroken: [],
            fixed: [],
            note: 'not run now (a check removed or renamed since)'
        });
    }
    const notes: string[] = [];
    if (baseline.rules && !sameJson(baseline.rules, report.rules))
        notes.push('the rules differ from the baseline run’s: counts may change because of them');
    if (baseline.governedLeadSources && !sameJson(baseline.governedLeadSources, report.governedLeadSources))
        notes.push('the governed Lead Source values differ from the baseline run’s');
    return {
        baseline: {
            file,
            generatedAt: baseline.generatedAt,
            asOf: baseline.asOf,
            ...(baseline.source ? { source: `${baseline.source.kind} ${baseline.source.dir}` } : {})
        },
        checks,
        notes
    };
}
