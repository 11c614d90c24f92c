/**
 * The snapshot as written: every column the fixes need, as raw text (no trimming, no normalising), so that
 * `currentValue` and the undo files hold today's values exactly. Tables `raw_<object>`; a column the CSV lacks is
 * NULL. The engine has already validated the files (header, encoding, shape) before this reads them.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { readHeader } from '../header.js';
import { findObjectFiles } from '../load.js';
import type { SnapshotObject } from '../schema.js';
import { ident, lit } from '../sql.js';
import { CARRIED_FIELDS, CONSENT_FIELDS } from '../vocabulary.js';

export const RAW_COLUMNS = {
    Lead: [
        'Id',
        'Name',
        'FirstName',
        'LastName',
        'OwnerId',
        'IsConverted',
        'ConvertedDate',
        'ConvertedContactId',
        'ConvertedOpportunityId',
        ...CARRIED_FIELDS,
        ...CONSENT_FIELDS
    ],
    Contact: ['Id', 'Name', 'FirstName', 'LastName', 'OwnerId', 'LeadSource', ...CONSENT_FIELDS],
    Opportunity: ['Id', 'Name', 'OwnerId', 'Amount', 'CampaignId', 'CreatedDate', ...CARRIED_FIELDS],
    CampaignMember: ['Id', 'CampaignId', 'LeadId', 'ContactId', 'HasResponded', 'FirstRespondedDate', 'CreatedDate'],
    OpportunityContactRole: ['OpportunityId', 'ContactId'],
    Campaign: ['Id', 'Name']
} as const satisfies Partial<Record<SnapshotObject, readonly string[]>>;

export type RawObject = keyof typeof RAW_COLUMNS;

/** Loads `raw_<object>` tables for the objects present; returns the objects loaded and the columns each has. */
export async function loadRaw(conn: DuckDBConnection, dir: string): Promise<Map<RawObject, Set<string>>> {
    const files = await findObjectFiles(dir);
    const present = new Map<RawObject, Set<string>>();
    for (const object of Object.keys(RAW_COLUMNS) as RawObject[]) {
        const file = files[object];
        if (!file) continue;
        const header = await readHeader(file);
        const lower = header.map((h) => h.toLowerCase());
        const colSpec = `{${header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
        const has = new Set<string>();
        const select = RAW_COLUMNS[object].map((field) => {
            let idx = header.indexOf(field);
            if (idx < 0) idx = lower.indexOf(field.toLowerCase());
            if (idx < 0) return `NULL::VARCHAR AS ${ident(field)}`;
            has.add(field);
            return `COALESCE(c${idx}, '') AS ${ident(field)}`;
        });
        const source = `read_csv(${lit(file)}, header=false, skip=1, columns=${colSpec}, auto_detect=false, strict_mode=true, delim=',', quote='"', escape='"', null_padding=false)`;
        await conn.run(
            `CREATE OR REPLACE TABLE ${ident(`raw_${object.toLowerCase()}`)} AS SELECT ${select.join(', ')} FROM ${source}`
        );
        present.set(object, has);
    }
    return present;
}

/** `Name`, else `FirstName LastName` (Leads and Contacts export the parts; absent columns are NULL). */
export function nameSql(alias: string, object: 'Lead' | 'Contact' | 'Opportunity'): string {
    if (object === 'Opportunity') return `COALESCE(${alias}.Name, '')`;
    return `COALESCE(NULLIF(${alias}.Name, ''), trim(COALESCE(${alias}.FirstName, '') || ' ' || COALESCE(${alias}.LastName, '')))`;
}

/** The record context columns of `fixes.csv` for alias `a` of `object`: rec_id, rec_name, rec_owner, rec_amount. */
export function recordSql(a: string, object: 'Lead' | 'Contact' | 'Opportunity'): string {
    const amount = object === 'Opportunity' ? `COALESCE(${a}.Amount, '')` : `''`;
    return `${a}.Id AS rec_id, ${nameSql(a, object)} AS rec_name, COALESCE(${a}.OwnerId, '') AS rec_owner, ${amount} AS rec_amount`;
}
