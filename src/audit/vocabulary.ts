/**
 * The attribution vocabulary, defined once: the UTM fields, the Persona values (the `Persona` global value set), the
 * fields a conversion must carry over, the audit's check ids (report order) and the history `Field` values the
 * audit reads. The engine, the checks, the bench and sample generators and the tests import these; none spells them.
 */

/** The five UTM fields on Lead, Contact and Opportunity (Text 255). */
export const UTM_FIELDS = [
    'UTM_Source__c',
    'UTM_Medium__c',
    'UTM_Campaign__c',
    'UTM_Term__c',
    'UTM_Content__c'
] as const;

/** The `Persona` global value set, in its order (`Persona__c` on Lead, Contact and Opportunity). */
export const PERSONAS = [
    'Decision Maker',
    'Economic Buyer',
    'Champion',
    'Influencer',
    'Technical Evaluator',
    'End User'
] as const;

/** Fields a Lead conversion must carry over to its Opportunity (compared by the `converted-lead-lost-*` checks). */
export const CARRIED_FIELDS = ['LeadSource', 'Persona__c', ...UTM_FIELDS] as const;

/** The consent flags on Lead and Contact (`consent-lost-at-conversion`). */
export const CONSENT_FIELDS = ['HasOptedOutOfEmail', 'DoNotCall'] as const;

/**
 * `Field` values of the field history objects for the attribution fields: a lookup's history names the relationship
 * (`Campaign` for `Opportunity.CampaignId`), and `created` marks the record's creation row.
 */
export const HISTORY_FIELDS = {
    Opportunity: { LeadSource: 'LeadSource', CampaignId: 'Campaign' },
    Lead: { LeadSource: 'LeadSource' }
} as const;
export const HISTORY_CREATED = 'created';

/** Checks that read only the core objects (Lead, Contact, Account, Opportunity, Contact Roles, campaigns). */
export const CORE_CHECK_IDS = [
    'opportunity-missing-primary-campaign',
    'opportunity-missing-contact-role',
    'converted-lead-lost-lead-source',
    'converted-lead-lost-persona',
    'converted-lead-lost-utm',
    'converted-lead-lost-campaign',
    'duplicate-lead-email',
    'lead-matches-contact-email',
    'aged-open-lead',
    'lead-source-drift',
    'lead-status-mismatch'
] as const;

/** Checks whose inputs an org may not have (Customizable Campaign Influence, consent fields, field history). */
export const EXTENDED_CHECK_IDS = [
    'campaign-influence-gap',
    'consent-lost-at-conversion',
    'attribution-overwritten'
] as const;

/** Every check id, in report order. Ids are stable: reports, thresholds, baselines and tests use them. */
export const CHECK_IDS = [...CORE_CHECK_IDS, ...EXTENDED_CHECK_IDS] as const;
export type CheckId = (typeof CHECK_IDS)[number];
