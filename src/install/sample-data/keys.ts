/**
 * Natural keys of the sample records: how a snapshot row and the record the setup creates in an org are matched
 * (an org gives new Ids). Lead e-mails repeat on purpose (planted duplicates), so a Lead is keyed by name and the
 * e-mail exactly as written; Opportunity names repeat for converted Leads of one Account, so a converted
 * Opportunity is keyed by its Lead.
 */
import type { Row } from './snapshot.js';

import { CARRIED_FIELDS, UTM_FIELDS } from '../../audit/vocabulary.js';

export { UTM_FIELDS };
/** The values a conversion carries (the audit's vocabulary); the sample's Contacts and Opportunities hold them too. */
export const ATTRIBUTION_FIELDS: readonly string[] = CARRIED_FIELDS;

export const leadKey = (r: Row): string => `${r.FirstName ?? ''} ${r.LastName ?? ''} <${r.Email ?? ''}>`;
export const convertedOppKey = (lead: string): string => `converted from ${lead}`;

/** Index rows by Id, failing loudly on a missing or repeated Id. */
export function byId(rows: readonly Row[], object: string): Map<string, Row> {
    const map = new Map<string, Row>();
    rows.forEach((r, i) => {
        const id = r.Id ?? '';
        if (id === '' || map.has(id))
            throw new Error(`${object}.csv: line ${i + 2}: Id "${id}" is missing or repeated`);
        map.set(id, r);
    });
    return map;
}

export function uniqueKeys(rows: readonly Row[], key: (r: Row) => string, what: string): void {
    const seen = new Set<string>();
    for (const r of rows) {
        const k = key(r);
        if (seen.has(k))
            throw new Error(`${what}: two records share the key "${k}"; the sample data needs unique keys`);
        seen.add(k);
    }
}

export function need(map: Map<string, Row>, id: string, what: string): Row {
    const row = map.get(id);
    if (!row) throw new Error(`${what}: refers to ${id}, which is not in the snapshot`);
    return row;
}
