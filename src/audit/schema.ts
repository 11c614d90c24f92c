/**
 * The objects and API field names the audit reads from a snapshot (`<Object>.csv` per object).
 *
 * Every object is optional as a whole (a check whose object is absent is `skipped` with the reason), but an object
 * that is present must carry its `required` fields or the snapshot is rejected. `optional` fields may be missing: the
 * checks that need them are `skipped`. Header names are matched exactly first, then case-insensitively.
 */
/** `rawtext` keeps surrounding spaces (a Lead Source "Webinar " is drift); blank-only values are still NULL. */
export type FieldKind = 'id' | 'ref' | 'text' | 'rawtext' | 'email' | 'bool' | 'datetime' | 'date' | 'number';

export type ObjectSpec = {
    name: SnapshotObject;
    /** A present CSV without these columns is an input error. */
    required: readonly string[];
    optional: readonly string[];
    kinds: Readonly<Record<string, FieldKind>>;
};

export const UTM_FIELDS = [
    'UTM_Source__c',
    'UTM_Medium__c',
    'UTM_Campaign__c',
    'UTM_Term__c',
    'UTM_Content__c'
] as const;

export const SNAPSHOT_OBJECTS = [
    'Lead',
    'Contact',
    'Account',
    'Opportunity',
    'OpportunityContactRole',
    'Campaign',
    'CampaignMember',
    'OpportunityHistory',
    'LeadStatus'
] as const;
export type SnapshotObject = (typeof SNAPSHOT_OBJECTS)[number];

const utmKinds = Object.fromEntries(UTM_FIELDS.map((f) => [f, 'text' as const]));

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
            'SQL_Date__c'
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
            SQL_Date__c: 'date'
        }
    },
    Contact: {
        name: 'Contact',
        required: ['Id'],
        optional: ['AccountId', 'Email', 'LeadSource', 'Persona__c', ...UTM_FIELDS],
        kinds: { Id: 'id', AccountId: 'ref', Email: 'email', LeadSource: 'rawtext', Persona__c: 'text', ...utmKinds }
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
            ...UTM_FIELDS
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
            ...utmKinds
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
    }
};

/**
 * Fields the checks and the funnel never read: their presence is recorded (and reported), but they are not loaded
 * into the tables, which keeps large snapshots fast. Everything else in the schema is loaded.
 */
export const NOT_LOADED: Readonly<Record<SnapshotObject, readonly string[]>> = {
    Lead: ['ConvertedDate', 'ConvertedAccountId', 'ConvertedContactId'],
    Contact: ['AccountId', 'Persona__c', ...UTM_FIELDS],
    Account: ['Id', 'Name'],
    Opportunity: ['AccountId', 'CreatedDate', 'CloseDate'],
    OpportunityContactRole: ['Id', 'ContactId', 'Role', 'IsPrimary'],
    Campaign: ['Type'],
    CampaignMember: ['Id', 'ContactId', 'Status', 'FirstRespondedDate', 'CreatedDate'],
    OpportunityHistory: ['Id', 'OpportunityId', 'StageName', 'CreatedDate'],
    LeadStatus: ['Id']
};

/** Fields of an object that are loaded into its table. */
export function loadedFieldsOf(object: SnapshotObject): string[] {
    const skip = new Set(NOT_LOADED[object]);
    return fieldsOf(object).filter((f) => !skip.has(f));
}

/** All fields (required then optional) of an object, in schema order. */
export function fieldsOf(object: SnapshotObject): string[] {
    const spec = SCHEMA[object];
    return [...spec.required, ...spec.optional];
}
