/**
 * The objects and API field names the audit reads from a snapshot (`<Object>.csv` per object).
 *
 * Every object is optional as a whole (a check whose object is absent is `skipped` with the reason), but an object
 * that is present must carry its `required` fields or the snapshot is rejected. `optional` fields may be missing: the
 * checks that need them are `skipped`. Header names are matched exactly first, then case-insensitively.
 */
import { CONSENT_FIELDS, UTM_FIELDS } from './vocabulary.js';

/** `rawtext` keeps surrounding spaces (a Lead Source "Webinar " is drift); blank-only values are still NULL. */
export type FieldKind = 'id' | 'ref' | 'text' | 'rawtext' | 'email' | 'bool' | 'datetime' | 'date' | 'number';

export type ObjectSpec = {
    name: SnapshotObject;
    /** A present CSV without these columns is an input error. */
    required: readonly string[];
    optional: readonly string[];
    kinds: Readonly<Record<string, FieldKind>>;
};

export { UTM_FIELDS } from './vocabulary.js';

export const SNAPSHOT_OBJECTS = [
    'Lead',
    'Contact',
    'Account',
    'Opportunity',
    'OpportunityContactRole',
    'Campaign',
    'CampaignMember',
    'OpportunityHistory',
    'LeadStatus',
    'User',
    'CampaignInfluenceModel',
    'CampaignInfluence',
    'OpportunityFieldHistory',
    'LeadHistory'
] as const;
export type SnapshotObject = (typeof SNAPSHOT_OBJECTS)[number];

const utmKinds = Object.fromEntries(UTM_FIELDS.map((f) => [f, 'text' as const]));
const consentKinds = Object.fromEntries(CONSENT_FIELDS.map((f) => [f, 'bool' as const]));
/** Field history rows (`OpportunityFieldHistory`, `LeadHistory`): which field changed, from what to what, who, when. */
const historyOptional = ['Id', 'OldValue', 'NewValue', 'DataType', 'CreatedById', 'CreatedDate'] as const;
const historyKinds = {
    Id: 'id',
    Field: 'text',
    OldValue: 'rawtext',
    NewValue: 'rawtext',
    DataType: 'text',
    CreatedById: 'ref',
    CreatedDate: 'datetime'
} as const;

export const SCHEMA: Readonly<Record<SnapshotObject, ObjectSpec>> = {
    Lead: {
        name: 'Lead',
        required: ['Id'],
        optional: [
            'IsConverted',
            'ConvertedDate',
            'ConvertedAccountId',
            'ConvertedContactId',
            'ConvertedOpportunityId',
            'LeadSource',
            'Status',
            'Email',
            'CreatedDate',
            'LastActivityDate',
            'Persona__c',
            ...UTM_FIELDS,
            'MQL_Date__c',
            'SQL_Date__c',
            'Name',
            'OwnerId',
            ...CONSENT_FIELDS
        ],
        kinds: {
            Id: 'id',
            IsConverted: 'bool',
            ConvertedDate: 'date',
            ConvertedAccountId: 'ref',
            ConvertedContactId: 'ref',
            ConvertedOpportunityId: 'ref',
            LeadSource: 'rawtext',
            Status: 'text',
            Email: 'email',
            CreatedDate: 'datetime',
            LastActivityDate: 'date',
            Persona__c: 'text',
            ...utmKinds,
            MQL_Date__c: 'date',
            SQL_Date__c: 'date',
            Name: 'text',
            OwnerId: 'ref',
            ...consentKinds
        }
    },
    Contact: {
        name: 'Contact',
        required: ['Id'],
        optional: [
            'AccountId',
            'Email',
            'LeadSource',
            'Persona__c',
            ...UTM_FIELDS,
            'Name',
            'OwnerId',
            ...CONSENT_FIELDS
        ],
        kinds: {
            Id: 'id',
            AccountId: 'ref',
            Email: 'email',
            LeadSource: 'rawtext',
            Persona__c: 'text',
            ...utmKinds,
            Name: 'text',
            OwnerId: 'ref',
            ...consentKinds
        }
    },
    Account: { name: 'Account', required: ['Id'], optional: ['Name'], kinds: { Id: 'id', Name: 'text' } },
    Opportunity: {
        name: 'Opportunity',
        required: ['Id'],
        optional: [
            'AccountId',
            'CampaignId',
            'LeadSource',
            'StageName',
            'IsClosed',
            'IsWon',
            'Amount',
            'CreatedDate',
            'CloseDate',
            'Persona__c',
            ...UTM_FIELDS,
            'Name',
            'OwnerId'
        ],
        kinds: {
            Id: 'id',
            AccountId: 'ref',
            CampaignId: 'ref',
            LeadSource: 'rawtext',
            StageName: 'text',
            IsClosed: 'bool',
            IsWon: 'bool',
            Amount: 'number',
            CreatedDate: 'datetime',
            CloseDate: 'date',
            Persona__c: 'text',
            ...utmKinds,
            Name: 'text',
            OwnerId: 'ref'
        }
    },
    OpportunityContactRole: {
        name: 'OpportunityContactRole',
        required: ['Id', 'OpportunityId'],
        optional: ['ContactId', 'Role', 'IsPrimary'],
        kinds: { Id: 'id', OpportunityId: 'ref', ContactId: 'ref', Role: 'text', IsPrimary: 'bool' }
    },
    Campaign: {
        name: 'Campaign',
        required: ['Id'],
        optional: ['Name', 'Type'],
        kinds: { Id: 'id', Name: 'text', Type: 'text' }
    },
    CampaignMember: {
        name: 'CampaignMember',
        required: ['Id', 'CampaignId'],
        optional: ['LeadId', 'ContactId', 'Status', 'HasResponded', 'FirstRespondedDate', 'CreatedDate'],
        kinds: {
            Id: 'id',
            CampaignId: 'ref',
            LeadId: 'ref',
            ContactId: 'ref',
            Status: 'text',
            HasResponded: 'bool',
            FirstRespondedDate: 'date',
            CreatedDate: 'datetime'
        }
    },
    OpportunityHistory: {
        name: 'OpportunityHistory',
        required: ['OpportunityId'],
        optional: ['Id', 'StageName', 'CreatedDate'],
        kinds: { Id: 'id', OpportunityId: 'ref', StageName: 'text', CreatedDate: 'datetime' }
    },
    LeadStatus: {
        name: 'LeadStatus',
        required: ['IsConverted'],
        optional: ['Id', 'MasterLabel', 'ApiName'],
        kinds: { Id: 'id', IsConverted: 'bool', MasterLabel: 'text', ApiName: 'text' }
    },
    User: { name: 'User', required: ['Id'], optional: ['Name'], kinds: { Id: 'id', Name: 'text' } },
    CampaignInfluenceModel: {
        name: 'CampaignInfluenceModel',
        required: ['Id'],
        optional: ['IsDefaultModel', 'DeveloperName', 'MasterLabel'],
        kinds: { Id: 'id', IsDefaultModel: 'bool', DeveloperName: 'text', MasterLabel: 'text' }
    },
    CampaignInfluence: {
        name: 'CampaignInfluence',
        required: ['OpportunityId'],
        optional: ['Id', 'CampaignId', 'ModelId', 'ContactId', 'Influence'],
        kinds: {
            Id: 'id',
            OpportunityId: 'ref',
            CampaignId: 'ref',
            ModelId: 'ref',
            ContactId: 'ref',
            Influence: 'number'
        }
    },
    OpportunityFieldHistory: {
        name: 'OpportunityFieldHistory',
        required: ['OpportunityId', 'Field'],
        optional: historyOptional,
        kinds: { OpportunityId: 'ref', ...historyKinds }
    },
    LeadHistory: {
        name: 'LeadHistory',
        required: ['LeadId', 'Field'],
        optional: historyOptional,
        kinds: { LeadId: 'ref', ...historyKinds }
    }
};

/** All fields (required then optional) of an object, in schema order. */
export function fieldsOf(object: SnapshotObject): string[] {
    const spec = SCHEMA[object];
    return [...spec.required, ...spec.optional];
}
