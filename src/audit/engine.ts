/**
 * The audit engine: loads a snapshot directory into an in-memory DuckDB (columnar, spills to disk past its memory
 * limit), runs every check and the funnel, and returns the report. Both sources (an export snapshot and an org pull,
 * which writes the same `<Object>.csv` format) go through here.
 */
import os from 'node:os';
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { DuckDBInstance } from '@duckdb/node-api';
import { tempTag, trackTemp } from './cleanup.js';
import { CHECKS, type CheckContext, type CheckDefinition, type CheckResult } from './checks/index.js';
import { missingInput, result, skipWhenEmpty, skipped } from './checks/types.js';
import { STOCK_CONVERTED_STATUSES, STOCK_OPEN_STATUSES, loadGovernedLeadSources, type RulesConfig } from './config.js';
import { computeFunnel, type Funnel } from './funnel.js';
import { loadSnapshot, type LoadResult } from './load.js';
import { attachMoney } from './money.js';
import { ENGINE_READS, FUNNEL_READS, MONEY_READS, columnPlan, type ColumnPlan } from './reads.js';
import { MACROS } from './sql.js';

export type AuditOptions = {
    snapshotDir: string;
    rules: RulesConfig;
    asOf: Date;
    governedLeadSources?: string[];
    /** Extra converted statuses (e.g. the org's LeadStatus rows with IsConverted). */
    convertedStatuses?: string[];
    /** DuckDB memory limit (default 1GB) and threads (default 2). */
    memoryLimit?: string;
    threads?: number;
    /** The check definitions to run (default: every check, `CHECKS`). */
    checks?: readonly CheckDefinition[];
};

export type Health = {
    score: number | null;
    definition: string;
    checksRun: number;
    checksSkipped: number;
    checksFailed: number;
};

export type SourceInfo = {
    kind: 'snapshot' | 'org';
    dir: string;
    objects: Record<string, { file: string; rows: number; missingFields: string[] }>;
    absentObjects: string[];
    org?: Record<string, unknown>;
};

export type AuditReport = {
    generatedAt: string;
    asOf: string;
    source: SourceInfo;
    rules: RulesConfig;
    governedLeadSources: string[];
    convertedStatuses: string[];
    openStatuses: string[];
    checks: CheckResult[];
    funnel: Funnel;
    health: Health;
    warnings: string[];
    /** Wall time per phase in milliseconds (load = CSV parse + normalise). */
    timings: { loadMs: number; checksMs: number; funnelMs: number; totalMs: number };
};

export const HEALTH_DEFINITION = '100 × mean over checks that ran (not skipped) of (1 − share of offending records)';

/** Health score: 100 × mean of (1 − share) over non-skipped checks, one decimal; null when no check ran. */
export function healthOf(checks: readonly CheckResult[]): Health {
    const ran = checks.filter((c) => c.status !== 'skipped');
    const score =
        ran.length > 0 ? Math.round((1000 * ran.reduce((sum, c) => sum + (1 - c.share), 0)) / ran.length) / 10 : null;
    return {
        score,
        definition: HEALTH_DEFINITION,
        checksRun: ran.length,
        checksSkipped: checks.length - ran.length,
        checksFailed: ran.filter((c) => c.status === 'fail').length
    };
}

function unique(values: Iterable<string>): string[] {
    const seen = new Map<string, string>();
    for (const v of values) {
        const t = v.trim();
        if (t && !seen.has(t.toLowerCase())) seen.set(t.toLowerCase(), t);
    }
    return [...seen.values()];
}

async function snapshotConvertedStatuses(ctx: { conn: CheckContext['conn']; loaded: LoadResult }): Promise<string[]> {
    const ls = ctx.loaded.objects.LeadStatus;
    if (!ls) return [];
    const cols = ['MasterLabel', 'ApiName'].filter((f) => ls.fields.has(f));
    if (cols.length === 0) return [];
    const reader = await ctx.conn.runAndReadAll(`SELECT ${cols.join(', ')} FROM leadstatus WHERE IsConverted`);
    return reader
        .getRowObjectsJS()
        .flatMap((r) => cols.map((c) => r[c]))
        .filter((v): v is string => typeof v === 'string');
}

/** Columns to load: the union of what the definitions need and may read, and what the funnel and money read. */
export function planFor(checks: readonly CheckDefinition[]): ColumnPlan {
    return columnPlan([...checks.flatMap((c) => [c.needs, c.mayRead ?? {}]), FUNNEL_READS, MONEY_READS, ENGINE_READS]);
}

/** Runs one definition: skipped with the reason when an input it needs is absent or its run says so. */
export async function runCheck(check: CheckDefinition, ctx: CheckContext): Promise<CheckResult> {
    const guide = { meaning: check.meaning, action: check.action };
    const reason = missingInput(ctx, check.needs);
    if (reason) return { ...skipped(check.id, check.title, reason), ...guide };
    const outcome = await check.run(ctx);
    if ('skip' in outcome) return { ...skipped(check.id, check.title, outcome.skip), ...guide };
    const details = outcome.details as Record<string, unknown> | undefined;
    const found = result(check.id, check.title, outcome.recordIds, outcome.population, details);
    return { ...skipWhenEmpty(found, ctx.loaded), ...guide };
}

/** Formats a date as YYYY-MM-DD (UTC). */
export function isoDate(d: Date): string {
    return d.toISOString().slice(0, 10);
}

let runs = 0;

export async function runAudit(options: AuditOptions): Promise<AuditReport> {
    // DuckDB spills past its memory limit into a directory of this run's own (removed after it, on a signal, or swept)
    const spill = path.join(os.tmpdir(), `${tempTag()}duckdb-${++runs}`);
    const untrack = trackTemp(spill);
    const instance = await DuckDBInstance.create(':memory:', {
        threads: String(options.threads ?? 2),
        memory_limit: options.memoryLimit ?? '1GB',
        temp_directory: spill,
        preserve_insertion_order: 'false'
    });
    const conn = await instance.connect();
    const t0 = performance.now();
    try {
        await conn.run(`SET TimeZone = 'UTC'`);
        for (const macro of MACROS) await conn.run(macro);
        const definitions = options.checks ?? CHECKS;
        const loaded = await loadSnapshot(conn, options.snapshotDir, planFor(definitions));
        const t1 = performance.now();
        const governedLeadSources = options.governedLeadSources ?? (await loadGovernedLeadSources());
        const convertedStatuses = unique([
            ...options.rules.convertedLeadStatuses,
            ...STOCK_CONVERTED_STATUSES,
            ...(options.convertedStatuses ?? []),
            ...(await snapshotConvertedStatuses({ conn, loaded }))
        ]);
        const openStatuses = unique([...options.rules.openLeadStatuses, ...STOCK_OPEN_STATUSES]);
        const ctx: CheckContext = {
            conn,
            loaded,
            rules: options.rules,
            asOf: options.asOf,
            governedLeadSources,
            convertedStatuses,
            openStatuses
        };
        const checks: CheckResult[] = [];
        for (const check of definitions) checks.push(await runCheck(check, ctx));
        await attachMoney(conn, loaded, checks);
        const t2 = performance.now();
        const funnel = await computeFunnel(conn, loaded, options.rules);
        const t3 = performance.now();
        const objects: SourceInfo['objects'] = {};
        for (const [name, o] of Object.entries(loaded.objects)) {
            if (o) objects[name] = { file: path.basename(o.file), rows: o.rows, missingFields: o.missing };
        }
        return {
            generatedAt: new Date().toISOString(),
            asOf: isoDate(options.asOf),
            source: {
                kind: 'snapshot',
                dir: options.snapshotDir,
                objects,
                absentObjects: Object.keys(objects).length > 0 ? absent(loaded, definitions) : []
            },
            rules: options.rules,
            governedLeadSources,
            convertedStatuses,
            openStatuses,
            checks,
            funnel,
            health: healthOf(checks),
            warnings: loaded.warnings,
            timings: {
                loadMs: Math.round(t1 - t0),
                checksMs: Math.round(t2 - t1),
                funnelMs: Math.round(t3 - t2),
                totalMs: Math.round(t3 - t0)
            }
        };
    } finally {
        conn.closeSync();
        instance.closeSync();
        await rm(spill, { recursive: true, force: true });
        untrack();
    }
}

/** Objects a check or the funnel needs that the snapshot lacks. */
function absent(loaded: LoadResult, checks: readonly CheckDefinition[]): string[] {
    const needed = new Set([...checks.flatMap((c) => Object.keys(c.needs)), ...Object.keys(FUNNEL_READS)]);
    return [...needed].filter((o) => !(o in loaded.objects));
}
