/**
 * What the audit reads, derived from declarations: every check definition declares the objects and fields it
 * `needs` and `mayRead`; the funnel, the money breakdown and the engine declare theirs here. The loader loads the
 * union (`columnPlan`) and nothing else, so a check can never query a column that was not loaded.
 */
import { CARRIED_FIELDS } from './vocabulary.js';
import type { SnapshotObject } from './schema.js';

/** Objects and their fields (API names, as in the CSV header). */
export type Reads = Partial<Record<SnapshotObject, readonly string[]>>;
/** Fields to load per object. */
export type ColumnPlan = Partial<Record<SnapshotObject, string[]>>;

/** What `src/audit/funnel.ts` reads (the funnel and the sourced pipeline). */
export const FUNNEL_READS: Reads = {
    Lead: ['Id', 'IsConverted', 'LeadSource', 'Status', 'MQL_Date__c', 'SQL_Date__c', 'ConvertedOpportunityId'],
    Opportunity: ['Id', 'IsWon', 'IsClosed', 'StageName', 'LeadSource', 'Amount'],
    CampaignMember: ['LeadId', 'CampaignId'],
    Campaign: ['Id', 'Name']
};

/** What `src/audit/money.ts` reads: amounts and owners of the findings' Opportunities, owner names. */
export const MONEY_READS: Reads = {
    Lead: ['Id', 'OwnerId', 'ConvertedOpportunityId'],
    Contact: ['Id', 'OwnerId'],
    Opportunity: ['Id', 'OwnerId', 'Amount', 'IsClosed', 'IsWon'],
    User: ['Id', 'Name']
};

/** What the engine itself reads: converted statuses from the snapshot's LeadStatus rows. */
export const ENGINE_READS: Reads = { LeadStatus: ['IsConverted', 'MasterLabel', 'ApiName'] };

/** The shared converted-Lead join (`checks/conversion.ts`): every carried field on both sides, and the campaign. */
export const CONVERTED_JOIN_READS: Reads = {
    Lead: ['Id', 'IsConverted', 'ConvertedOpportunityId', ...CARRIED_FIELDS],
    Opportunity: ['Id', 'CampaignId', ...CARRIED_FIELDS]
};

/** Union of declarations, fields in first-seen order. */
export function columnPlan(declarations: readonly Reads[]): ColumnPlan {
    const plan: Partial<Record<SnapshotObject, Set<string>>> = {};
    for (const reads of declarations) {
        for (const [object, fields] of Object.entries(reads) as [SnapshotObject, readonly string[]][]) {
            const set = (plan[object] ??= new Set<string>());
            for (const f of fields) set.add(f);
        }
    }
    return Object.fromEntries(Object.entries(plan).map(([o, set]) => [o, [...set]])) as ColumnPlan;
}

/** Merges two declarations (e.g. a check's `needs` and `mayRead`). */
export function mergeReads(...reads: (Reads | undefined)[]): Reads {
    return columnPlan(reads.filter((r): r is Reads => r !== undefined));
}
