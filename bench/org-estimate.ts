/**
 * How many API requests the org source (`src/audit/org`) would send to pull a snapshot of the generated volumes,
 * from its own planning functions: per object one describe, one `SELECT COUNT()`, then REST pages (2,000 records)
 * below the REST threshold or a Bulk API 2.0 job (create + polls + result pages of `bulkPageSize` records) above it;
 * plus the `Attribution_Rules__mdt` describe and query. Pure arithmetic.
 */
import { DEFAULT_OBJECTS } from '../src/audit/org/objects.js';
import { chooseVia } from '../src/audit/org/plan.js';
import { minimumRequests } from '../src/audit/org/pull.js';

/** The org source's defaults (`PullOptions`): REST below 10,000 records, 50,000 records per Bulk results page. */
export const ORG_DEFAULTS = { restMaxRecords: 10_000, bulkPageSize: 50_000 } as const;
/** Records of the objects the generator does not write: the stock LeadStatus picklist rows; no stage history. */
const NOT_GENERATED: Record<string, number> = { LeadStatus: 5, OpportunityHistory: 0 };
/** describe + query of `Attribution_Rules__mdt.Default`. */
const RULES_REQUESTS = 2;
/** Extra polls per Bulk job assumed for the conservative figure (1 s backing off ×1.5 to 10 s ≈ 1 minute). */
export const EXTRA_POLLS_PER_JOB = 9;

export type ObjectEstimate = { object: string; records: number; via: 'rest' | 'bulk2'; requests: number };
export type OrgEstimate = {
    objects: ObjectEstimate[];
    records: number;
    /** Requests with one poll per Bulk job (the minimum). */
    requests: number;
    /** Requests if every Bulk job needs `EXTRA_POLLS_PER_JOB` more polls. */
    requestsConservative: number;
    /** The target: one request per 10,000 records read. */
    budget: number;
    meetsTarget: boolean;
};

export function estimateOrgRequests(rows: Readonly<Record<string, number>>): OrgEstimate {
    const objects: ObjectEstimate[] = DEFAULT_OBJECTS.map((spec) => {
        const records = rows[spec.name] ?? NOT_GENERATED[spec.name] ?? 0;
        const via = chooseVia(records, ORG_DEFAULTS.restMaxRecords);
        const requests = 2 + minimumRequests(via, records, ORG_DEFAULTS.bulkPageSize);
        return { object: spec.name, records, via, requests };
    });
    const records = objects.reduce((s, o) => s + o.records, 0);
    const requests = objects.reduce((s, o) => s + o.requests, 0) + RULES_REQUESTS;
    const bulkJobs = objects.filter((o) => o.via === 'bulk2').length;
    const budget = Math.floor(records / 10_000);
    return {
        objects,
        records,
        requests,
        requestsConservative: requests + bulkJobs * EXTRA_POLLS_PER_JOB,
        budget,
        meetsTarget: requests + bulkJobs * EXTRA_POLLS_PER_JOB <= Math.max(1, budget)
    };
}
