/**
 * Shared types and helpers of the audit checks. A check reads the normalised DuckDB tables and returns a result with
 * the exact offending record Ids; a check whose input (object or column) is absent is `skipped` with the reason.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RulesConfig } from '../config.js';
import type { LoadResult } from '../load.js';
import type { SnapshotObject } from '../schema.js';

export type CheckStatus = 'pass' | 'fail' | 'skipped';

export type CheckResult = {
    id: string;
    title: string;
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

export type CheckDefinition = { id: string; title: string; run: (ctx: CheckContext) => Promise<CheckResult> };

/** Why a check cannot run: the first absent object or column among those it needs; `undefined` when all are there. */
export function missingInput(
    ctx: CheckContext,
    needs: Partial<Record<SnapshotObject, readonly string[]>>
): string | undefined {
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
