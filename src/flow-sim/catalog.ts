/**
 * Field catalog of the objects our flows touch. The interpreter refuses any field that is not listed here, so a
 * typo in a flow (or a field renamed in a mutation test) fails loudly instead of reading `undefined`.
 *
 * Standard fields follow the Salesforce object reference; custom fields follow the naming contract in DEVELOPERS.md.
 */

export type FieldType = 'id' | 'reference' | 'text' | 'picklist' | 'boolean' | 'date' | 'datetime' | 'number';

export type Value = string | number | boolean | null;

const UTM = {
    UTM_Source__c: 'text',
    UTM_Medium__c: 'text',
    UTM_Campaign__c: 'text',
    UTM_Term__c: 'text',
    UTM_Content__c: 'text'
} as const satisfies Record<string, FieldType>;

const SYSTEM = { Id: 'id', CreatedDate: 'datetime', LastModifiedDate: 'datetime' } as const satisfies Record<
    string,
    FieldType
>;

export const CATALOG: Readonly<Record<string, Readonly<Record<string, FieldType>>>> = {
    Account: { ...SYSTEM, Name: 'text', AccountSource: 'picklist' },
    Campaign: { ...SYSTEM, Name: 'text', IsActive: 'boolean', Type: 'picklist' },
    CampaignMember: {
        ...SYSTEM,
        CampaignId: 'reference',
        LeadId: 'reference',
        ContactId: 'reference',
        Status: 'picklist',
        HasResponded: 'boolean',
        FirstRespondedDate: 'date'
    },
    Lead: {
        ...SYSTEM,
        FirstName: 'text',
        LastName: 'text',
        Company: 'text',
        Email: 'text',
        Title: 'text',
        Status: 'picklist',
        LeadSource: 'picklist',
        IsConverted: 'boolean',
        ConvertedDate: 'date',
        ConvertedAccountId: 'reference',
        ConvertedContactId: 'reference',
        ConvertedOpportunityId: 'reference',
        Persona__c: 'picklist',
        ...UTM,
        MQL_Date__c: 'date',
        SQL_Date__c: 'date',
        BANT_Budget__c: 'boolean',
        BANT_Authority__c: 'boolean',
        BANT_Need__c: 'boolean',
        BANT_Timeline__c: 'boolean',
        Meeting_Booked__c: 'boolean'
    },
    Contact: {
        ...SYSTEM,
        AccountId: 'reference',
        FirstName: 'text',
        LastName: 'text',
        Email: 'text',
        Title: 'text',
        LeadSource: 'picklist',
        Persona__c: 'picklist',
        ...UTM
    },
    Opportunity: {
        ...SYSTEM,
        Name: 'text',
        AccountId: 'reference',
        StageName: 'picklist',
        CloseDate: 'date',
        Amount: 'number',
        LeadSource: 'picklist',
        CampaignId: 'reference',
        IsClosed: 'boolean',
        IsWon: 'boolean',
        Persona__c: 'picklist',
        ...UTM
    },
    OpportunityContactRole: {
        ...SYSTEM,
        OpportunityId: 'reference',
        ContactId: 'reference',
        Role: 'picklist',
        IsPrimary: 'boolean'
    },
    User: { ...SYSTEM, Username: 'text', ProfileId: 'reference', Attribution_Guardrails_Bypass__c: 'boolean' },
    Attribution_Rules__mdt: {
        Id: 'id',
        DeveloperName: 'text',
        MasterLabel: 'text',
        Exempt_Lead_Sources__c: 'text',
        Sales_Sourced_Lead_Sources__c: 'text',
        Stage_Order__c: 'text',
        Campaign_Exempt_Stages__c: 'text',
        Contact_Role_Required_Stage__c: 'text',
        Open_Lead_Statuses__c: 'text',
        Converted_Lead_Statuses__c: 'text',
        MQL_Lead_Statuses__c: 'text',
        SQL_Lead_Statuses__c: 'text',
        Aged_Lead_Days__c: 'number',
        Campaign_Lookback_Days__c: 'number'
    },
    Attribution_Guardrail_Fault__c: {
        ...SYSTEM,
        Name: 'text',
        Flow__c: 'text',
        Element__c: 'text',
        Record_Id__c: 'text',
        Interview_Guid__c: 'text',
        Message__c: 'text'
    },
    Persona_Role_Mapping__mdt: {
        Id: 'id',
        DeveloperName: 'text',
        MasterLabel: 'text',
        Persona__c: 'text',
        Contact_Role__c: 'text'
    }
};

/** Three-character key prefixes used for generated Ids (the real ones, so Ids look familiar in failures). */
export const ID_PREFIX: Readonly<Record<string, string>> = {
    Account: '001',
    Contact: '003',
    Opportunity: '006',
    Lead: '00Q',
    OpportunityContactRole: '00K',
    Campaign: '701',
    CampaignMember: '00v',
    Attribution_Guardrail_Fault__c: 'a00',
    User: '005',
    Attribution_Rules__mdt: 'm00',
    Persona_Role_Mapping__mdt: 'm01'
};

export function isCustomMetadata(objectName: string): boolean {
    return objectName.endsWith('__mdt');
}

export function objectFields(objectName: string, context: string): Readonly<Record<string, FieldType>> {
    const fields = CATALOG[objectName];
    if (!fields) {
        throw new Error(`${context}: object ${objectName} is not in the flow-sim field catalog`);
    }
    return fields;
}

export function fieldType(objectName: string, field: string, context: string): FieldType {
    const type = objectFields(objectName, context)[field];
    if (!type) {
        throw new Error(`${context}: field ${objectName}.${field} does not exist (not in the flow-sim field catalog)`);
    }
    return type;
}

/** Checks a literal value against a field type; returns the value normalised (dates as YYYY-MM-DD). */
export function coerceFieldValue(objectName: string, field: string, value: Value, context: string): Value {
    const type = fieldType(objectName, field, context);
    if (value === null || value === '') {
        return type === 'boolean' ? false : null;
    }
    const fail = (): never => {
        throw new Error(`${context}: ${objectName}.${field} is ${type}, got ${JSON.stringify(value)}`);
    };
    switch (type) {
        case 'boolean':
            return typeof value === 'boolean' ? value : fail();
        case 'number':
            return typeof value === 'number' ? value : fail();
        case 'date':
            return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : fail();
        case 'datetime':
            return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : fail();
        default:
            return typeof value === 'string' ? value : fail();
    }
}
