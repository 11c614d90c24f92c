/**
 * Shared types and helpers of the audit checks. A check is a definition (`CheckDefinition`): its id and title, what
 * it means and what to do about it, the objects and fields it `needs` (absent → the engine skips it with the reason)
 * and `mayRead` (optional columns), and a `run` over the normalised DuckDB tables returning the exact offending
 * record Ids, the population and typed details. The engine derives loading, skipping and results from these.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RulesConfig } from '../config.js';
import type { LoadResult } from '../load.js';
import type { CheckMoney } from '../money.js';
import type { Reads } from '../reads.js';
import type { SnapshotObject } from '../schema.js';

export type CheckStatus = 'pass' | 'fail' | 'skipped';

export type CheckResult = {
    id: string;
    title: string;
    /** What a finding means and what to do (from the definition). */
    meaning?: string;
    action?: string;
    status: CheckStatus;
    /** Offending records. */
    count: number;
    /** Records the check looked at (the denominator of `share`). */
    population: number;
    /** count / population (0 when the population is empty). */
    share: number;
    recordIds: string[];
    reason?: string;
    details?: Record<string, unknown>;
    /** Open pipeline at risk, Closed Won amount without attribution and the owners of the findings. */
    money?: CheckMoney;
};

export type CheckContext = {
    conn: DuckDBConnection;
    loaded: LoadResult;
    rules: RulesConfig;
    asOf: Date;
    governedLeadSources: string[];
    /** Converted statuses: configured, stock and the snapshot's LeadStatus rows with IsConverted. */
    convertedStatuses: string[];
    /** Open statuses: configured plus Salesforce's stock open statuses. */
    openStatuses: string[];
};

/** What a check's run found: the offending record Ids, the records it looked at, typed details; or why it cannot run. */
export type CheckOutcome<D extends object = Record<string, unknown>> =
    { recordIds: string[]; population: number; details?: D } | { skip: string };

export type CheckDefinition<D extends object = object> = {
    /** Stable id, one of `CHECK_IDS` (`src/audit/vocabulary.ts`). */
    id: string;
    title: string;
    /** What a finding means, for a RevOps reader (the HTML report and docs/audit.md). */
    meaning: string;
    /** What to do about the findings. */
    action: string;
    /** Objects and fields without which the check cannot run: the first absent one skips it with the reason. */
    needs: Reads;
    /** Optional columns the check reads when present (loaded as NULL columns when the CSV lacks them). */
    mayRead?: Reads;
    run: (ctx: CheckContext) => Promise<CheckOutcome<D>>;
};

/** Why a check cannot run: the first absent object or column among those it needs; `undefined` when all are there. */
export function missingInput(ctx: Pick<CheckContext, 'loaded'>, needs: Reads): string | undefined {
    for (const [object, fields] of Object.entries(needs) as [SnapshotObject, readonly string[]][]) {
        const loaded = ctx.loaded.objects[object];
        if (!loaded) return `no ${object}.csv in the snapshot`;
        const absent = fields.filter((f) => !loaded.fields.has(f));
        if (absent.length > 0) return `${object}.csv has no ${absent.join(', ')} column${absent.length > 1 ? 's' : ''}`;
    }
    return undefined;
}

export function skipped(id: string, title: string, reason: string): CheckResult {
    return { id, title, status: 'skipped', count: 0, population: 0, share: 0, recordIds: [], reason };
}

/**
 * A check that ran over no records says nothing (never "pass, 0 of 0"): it becomes `skipped` with the reason
 * "no records", naming the snapshot files with 0 rows, so it neither passes nor raises the health score.
 */
export function skipWhenEmpty(check: CheckResult, loaded: LoadResult): CheckResult {
    if (check.status === 'skipped' || check.population > 0) return check;
    const empty = Object.values(loaded.objects)
        .filter((o) => o !== undefined && o.rows === 0)
        .map((o) => o?.file.split(/[\\/]/).pop() ?? '');
    const reason = `no records: its population is empty${empty.length > 0 ? ` (0 rows in ${empty.join(', ')})` : ''}`;
    return { ...skipped(check.id, check.title, reason), ...(check.details ? { details: check.details } : {}) };
}

export function result(
    id: string,
    title: string,
    recordIds: string[],
    population: number,
    details?: Record<string, unknown>
): CheckResult {
    const count = recordIds.length;
    return {
        id,
        title,
        status: count > 0 ? 'fail' : 'pass',
        count,
        population,
        share: population > 0 ? count / population : 0,
        recordIds,
        ...(details ? { details } : {})
    };
}

/** Runs a query returning one `Id` column; the Ids sorted. */
export async function queryIds(conn: DuckDBConnection, sql: string): Promise<string[]> {
    const reader = await conn.runAndReadAll(`SELECT Id FROM (${sql}) ORDER BY Id`);
    return reader.getColumnsJS()[0]?.map((v) => String(v)) ?? [];
}

/** Runs a query returning one number. */
export async function queryNumber(conn: DuckDBConnection, sql: string): Promise<number> {
    const reader = await conn.runAndReadAll(sql);
    const v = reader.getColumnsJS()[0]?.[0];
    return v === null || v === undefined ? 0 : Number(v);
}

/** Runs a query and returns plain JS row objects. */
export async function queryRows(conn: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
    const reader = await conn.runAndReadAll(sql);
    return reader.getRowObjectsJS() as Record<string, unknown>[];
}

/** Leads that are converted (IsConverted true). */
export const CONVERTED = `"IsConverted"`;
