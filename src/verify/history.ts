/**
 * Field history tracking: which attribution fields the kit tracks, what the platform allows, and what the kit
 * assumes of the org. Defined once here; the gate's `history` check, its tests and the docs read these.
 *
 * Sources (Salesforce Help / developer docs, read 2026-12):
 * - "Track Object Field History": a combination of up to 20 standard and custom fields per object; Account,
 *   Contact, Lead and Opportunity each have an object-level "Enable <Object> History" switch; formula, roll-up
 *   summary and auto-number fields cannot be tracked.
 * - "Field Audit Trail": up to 200 tracked fields per object with a Shield or Field Audit Trail licence (older
 *   guides say 60). The kit never assumes that licence.
 * - OpportunityHistory (Stage History) records every StageName change in every org, outside that budget.
 */
import { UTM_FIELDS } from '../audit/schema.js';

/** Help "Track Object Field History": up to 20 standard and custom fields per object without Field Audit Trail. */
export const TRACKED_FIELDS_PER_OBJECT = 20;

/**
 * Tracked-field slots of each object the kit leaves to the org's own tracking. The kit takes at most
 * `TRACKED_FIELDS_PER_OBJECT - ORG_HEADROOM` (10) fields of an object, so an org that already tracks up to 10 fields
 * there can deploy; one that tracks more must check its count first (README: "Field history").
 */
export const ORG_HEADROOM = 10;

export const KIT_TRACKED_FIELDS_MAX = TRACKED_FIELDS_PER_OBJECT - ORG_HEADROOM;

/**
 * The attribution fields whose overwrites must be traceable, per object: each must be a project field file with
 * `<trackHistory>true</trackHistory>` (custom fields in force-app, standard fields in unpackaged/).
 */
export const ATTRIBUTION_TRACKED_FIELDS: Readonly<Record<string, readonly string[]>> = {
    Lead: ['LeadSource', 'Persona__c', ...UTM_FIELDS],
    Contact: ['LeadSource', 'Persona__c', ...UTM_FIELDS],
    Opportunity: ['LeadSource', 'CampaignId', 'Persona__c', ...UTM_FIELDS]
};

/** Attribution fields deliberately not tracked in field history, with the reason (shown by the gate). */
export const NOT_TRACKED: Readonly<Record<string, string>> = {
    'Opportunity.StageName':
        'OpportunityHistory (Stage History) already records every stage change in every org, without using one of the 20 tracked-field slots'
};

/**
 * Standard objects whose history has an object-level switch the kit assumes is on, and the install step that turns
 * it on. A tracked field on any other standard object fails the gate until it is listed here with its step.
 * Deploying a partial standard `CustomObject` file (`Lead.object-meta.xml` with only `enableHistory`) is not how
 * the kit does it: the Metadata API says an object update must specify all relevant fields, and what it does to the
 * object's omitted settings (sharing, feeds, search layouts) is not documented.
 */
export const HISTORY_ENABLED_OBJECTS: Readonly<Record<string, string>> = {
    Lead: 'Setup → Object Manager → Lead → Fields & Relationships → Set History Tracking → Enable Lead History',
    Contact:
        'Setup → Object Manager → Contact → Fields & Relationships → Set History Tracking → Enable Contact History',
    Opportunity:
        'Setup → Object Manager → Opportunity → Fields & Relationships → Set History Tracking → Enable Opportunity Field History'
};

/** Standard objects that support field history (Help "Field History Tracking"), by API name. */
export const HISTORY_CAPABLE_STANDARD_OBJECTS: ReadonlySet<string> = new Set([
    'Account',
    'Asset',
    'Campaign',
    'Case',
    'Contact',
    'Contract',
    'ContractLineItem',
    'Crisis',
    'Employee',
    'EmployeeCrisisAssessment',
    'Entitlement',
    'Individual',
    'InternalOrganizationUnit',
    'Lead',
    'Opportunity',
    'Order',
    'OrderItem',
    'PricebookEntry',
    'Product2',
    'ServiceAppointment',
    'ServiceContract',
    'Solution',
    'WorkOrder',
    'WorkOrderLineItem'
]);

/** Standard objects with an object-level "Enable <Object> History" switch (Help "Track Object Field History"). */
export const OBJECTS_WITH_HISTORY_SWITCH: ReadonlySet<string> = new Set(['Account', 'Contact', 'Lead', 'Opportunity']);

/** Field types Help lists as not trackable (formula fields are recognised by their <formula>). */
export const UNTRACKABLE_FIELD_TYPES: ReadonlySet<string> = new Set(['Summary', 'AutoNumber']);

/** What the history check needs to know; the gate passes the constants above, tests may pass others. */
export interface HistoryFacts {
    limitPerObject: number;
    headroom: number;
    attributionFields: Readonly<Record<string, readonly string[]>>;
    historyEnabledObjects: Readonly<Record<string, string>>;
}

export const HISTORY_FACTS: HistoryFacts = {
    limitPerObject: TRACKED_FIELDS_PER_OBJECT,
    headroom: ORG_HEADROOM,
    attributionFields: ATTRIBUTION_TRACKED_FIELDS,
    historyEnabledObjects: HISTORY_ENABLED_OBJECTS
};
