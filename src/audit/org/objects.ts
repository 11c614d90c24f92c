/**
 * The objects and fields the org source reads: the audit's snapshot schema (`src/audit/schema.ts`). The core
 * objects must be readable (every org has them; a missing one means the running user lacks access), while the
 * objects of `OPTIONAL_OBJECTS` may be absent: the org's describe decides (CampaignInfluence and
 * CampaignInfluenceModel exist only with Customizable Campaign Influence enabled; a user without access to User,
 * field history or LeadStatus gets the checks that need them skipped with the reason). Optional fields the org does
 * not have (custom fields not deployed yet, consent fields hidden by field-level security) are left out of the
 * snapshot and the engine skips the checks that need them.
 */
import { SCHEMA, SNAPSHOT_OBJECTS } from '../schema.js';
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

export const DEFAULT_OBJECTS: readonly OrgObjectSpec[] = SNAPSHOT_OBJECTS.map((name) => ({
    name,
    required: SCHEMA[name].required,
    optional: SCHEMA[name].optional,
    optionalObject: OPTIONAL_OBJECTS.has(name)
}));

/** The custom metadata type whose `Default` record overrides the shipped rules. */
export const RULES_TYPE = 'Attribution_Rules__mdt';
export const RULES_RECORD = 'Default';
