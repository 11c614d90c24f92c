/**
 * The objects and fields the org source reads: the audit's snapshot schema (`src/audit/schema.ts`). The core
 * objects must be readable (every org has them; a missing one means the running user lacks access), while the
 * objects of `OPTIONAL_OBJECTS` may be absent: the org's describe decides (CampaignInfluence and
 * CampaignInfluenceModel exist only with Customizable Campaign Influence enabled; a user without access to User,
 * field history or LeadStatus gets the checks that need them skipped with the reason). Optional fields the org does
 * not have (custom fields not deployed yet, consent fields hidden by field-level security) are left out of the
 * snapshot and the engine skips the checks that need them.
 */
import { SCHEMA, SNAPSHOT_OBJECTS, type SnapshotObject } from '../schema.js';
import { HISTORY_CREATED, HISTORY_FIELDS } from '../vocabulary.js';
import type { OrgObjectSpec } from './types.js';

export const OPTIONAL_OBJECTS: ReadonlySet<string> = new Set([
    'OpportunityHistory',
    'LeadStatus',
    'User',
    'CampaignInfluenceModel',
    'CampaignInfluence',
    'OpportunityFieldHistory',
    'LeadHistory'
]);

/** Field history is kept for every tracked field: only the rows of the attribution fields (and `created`) are read. */
const historyWhere = (fields: Record<string, string>): string =>
    `Field IN (${[...Object.values(fields), HISTORY_CREATED].map((f) => `'${f}'`).join(', ')})`;
export const OBJECT_WHERE: Partial<Record<SnapshotObject, string>> = {
    OpportunityFieldHistory: historyWhere(HISTORY_FIELDS.Opportunity),
    LeadHistory: historyWhere(HISTORY_FIELDS.Lead)
};

export const DEFAULT_OBJECTS: readonly OrgObjectSpec[] = SNAPSHOT_OBJECTS.map((name) => {
    const where = OBJECT_WHERE[name];
    return {
        name,
        required: SCHEMA[name].required,
        optional: SCHEMA[name].optional,
        optionalObject: OPTIONAL_OBJECTS.has(name),
        ...(where ? { where } : {})
    };
});

/** The custom metadata type whose `Default` record overrides the shipped rules. */
export const RULES_TYPE = 'Attribution_Rules__mdt';
export const RULES_RECORD = 'Default';
