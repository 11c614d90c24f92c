/**
 * Reads the bundled export snapshot (data/sample-snapshot/<Object>.csv, the one source of the sample data set) with
 * DuckDB, as the audit does: every value a string, null as ''.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export type Row = Record<string, string>;
export type SnapshotRows = Record<string, Row[]>;

/** The snapshot objects the sample data set is built from (LeadStatus is org configuration: demo-org). */
export const SAMPLE_OBJECTS = [
    'Account',
    'Campaign',
    'Contact',
    'Lead',
    'CampaignMember',
    'Opportunity',
    'OpportunityContactRole'
] as const;

export async function readSnapshot(dir: string): Promise<SnapshotRows> {
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const out: SnapshotRows = {};
    try {
        for (const object of SAMPLE_OBJECTS) {
            const file = path.join(dir, `${object}.csv`);
            if (!existsSync(file)) throw new Error(`${file}: missing (the sample data set needs every object)`);
            const reader = await conn.runAndReadAll(
                `SELECT * FROM read_csv('${file.replaceAll("'", "''")}', header = true, all_varchar = true, strict_mode = true)`
            );
            out[object] = (reader.getRowObjectsJS() as Record<string, string | null>[]).map((r) =>
                Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? '']))
            );
        }
    } finally {
        conn.closeSync();
        instance.closeSync();
    }
    return out;
}
