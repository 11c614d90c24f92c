/**
 * The standard fields the preview serves (labels and types as an org's English describe gives them; Salesforce
 * Object Reference). Only what the cards and the frame read: a field missing here is answered as the UI API answers
 * an unknown field (INVALID_FIELD for `fields`, left out for `optionalFields`).
 */
export type UiDataType =
    | 'Boolean'
    | 'Currency'
    | 'Date'
    | 'DateTime'
    | 'Double'
    | 'Email'
    | 'Id'
    | 'Picklist'
    | 'Reference'
    | 'String'
    | 'TextArea';

export interface FieldMeta {
    apiName: string;
    label: string;
    dataType: UiDataType;
    inlineHelpText: string | null;
    defaultValue: string | null;
    required: boolean;
    updateable: boolean;
    custom: boolean;
    length: number;
    /** For lookups: the target object and the relationship name used in paths such as `Campaign.Name`. */
    referenceTo?: string;
    relationshipName?: string;
    /** Computed by the platform from other fields (Name of a Lead or Contact). */
    compound?: readonly string[];
}

function std(apiName: string, label: string, dataType: UiDataType, extra: Partial<FieldMeta> = {}): FieldMeta {
    return {
        apiName,
        label,
        dataType,
        inlineHelpText: null,
        defaultValue: null,
        required: false,
        updateable: dataType !== 'Id',
        custom: false,
        length: dataType === 'String' ? 255 : 0,
        ...extra
    };
}

const readOnly = { updateable: false };
const ref = (referenceTo: string, relationshipName: string): Partial<FieldMeta> => ({ referenceTo, relationshipName });
const personName = { updateable: false, compound: ['FirstName', 'LastName'] } as const;
/** Owner and consent columns of the sample snapshot (the audit's money and consent checks read them). */
const owner = (): FieldMeta => std('OwnerId', 'Owner ID', 'Reference', ref('User', 'Owner'));
const consent = (): FieldMeta[] => [
    std('HasOptedOutOfEmail', 'Email Opt Out', 'Boolean'),
    std('DoNotCall', 'Do Not Call', 'Boolean')
];

export const STANDARD_FIELDS: Readonly<Record<string, readonly FieldMeta[]>> = {
    Lead: [
        std('Id', 'Lead ID', 'Id'),
        std('Name', 'Full Name', 'String', personName),
        std('FirstName', 'First Name', 'String'),
        std('LastName', 'Last Name', 'String', { required: true }),
        std('Company', 'Company', 'String', { required: true }),
        std('Email', 'Email', 'Email'),
        std('LeadSource', 'Lead Source', 'Picklist'),
        std('Status', 'Lead Status', 'Picklist', { required: true }),
        std('IsConverted', 'Converted', 'Boolean', readOnly),
        std('ConvertedDate', 'Converted Date', 'Date', readOnly),
        std('ConvertedAccountId', 'Converted Account ID', 'Reference', {
            ...ref('Account', 'ConvertedAccount'),
            ...readOnly
        }),
        std('ConvertedContactId', 'Converted Contact ID', 'Reference', {
            ...ref('Contact', 'ConvertedContact'),
            ...readOnly
        }),
        std('ConvertedOpportunityId', 'Converted Opportunity ID', 'Reference', {
            ...ref('Opportunity', 'ConvertedOpportunity'),
            ...readOnly
        }),
        std('LastActivityDate', 'Last Activity', 'Date', readOnly),
        std('CreatedDate', 'Created Date', 'DateTime', readOnly),
        owner(),
        ...consent()
    ],
    Opportunity: [
        std('Id', 'Opportunity ID', 'Id'),
        std('Name', 'Opportunity Name', 'String', { required: true }),
        std('AccountId', 'Account ID', 'Reference', ref('Account', 'Account')),
        std('CampaignId', 'Primary Campaign Source', 'Reference', ref('Campaign', 'Campaign')),
        std('LeadSource', 'Lead Source', 'Picklist'),
        std('StageName', 'Stage', 'Picklist', { required: true }),
        std('IsClosed', 'Closed', 'Boolean', readOnly),
        std('IsWon', 'Won', 'Boolean', readOnly),
        std('Amount', 'Amount', 'Currency'),
        std('CloseDate', 'Close Date', 'Date', { required: true }),
        std('CreatedDate', 'Created Date', 'DateTime', readOnly),
        owner()
    ],
    OpportunityContactRole: [
        std('Id', 'Contact Role ID', 'Id'),
        std('OpportunityId', 'Opportunity ID', 'Reference', { ...ref('Opportunity', 'Opportunity'), ...readOnly }),
        std('ContactId', 'Contact ID', 'Reference', ref('Contact', 'Contact')),
        std('Role', 'Role', 'Picklist'),
        std('IsPrimary', 'Primary', 'Boolean')
    ],
    Contact: [
        std('Id', 'Contact ID', 'Id'),
        std('Name', 'Full Name', 'String', personName),
        std('FirstName', 'First Name', 'String'),
        std('LastName', 'Last Name', 'String', { required: true }),
        std('Email', 'Email', 'Email'),
        std('AccountId', 'Account ID', 'Reference', ref('Account', 'Account')),
        std('LeadSource', 'Lead Source', 'Picklist'),
        owner(),
        ...consent()
    ],
    Account: [std('Id', 'Account ID', 'Id'), std('Name', 'Account Name', 'String', { required: true })],
    // Read by the Convert with Guardrails stand-in (preview/convert.ts) and the deal stand-ins (preview/deal-apex.ts):
    // campaign responses and the converted status.
    CampaignMember: [
        std('Id', 'Campaign Member ID', 'Id'),
        std('CampaignId', 'Campaign ID', 'Reference', { ...ref('Campaign', 'Campaign'), ...readOnly }),
        std('LeadId', 'Lead ID', 'Reference', { ...ref('Lead', 'Lead'), ...readOnly }),
        std('ContactId', 'Contact ID', 'Reference', { ...ref('Contact', 'Contact'), ...readOnly }),
        std('Status', 'Status', 'Picklist'),
        std('HasResponded', 'Responded', 'Boolean', readOnly),
        std('FirstRespondedDate', 'First Responded Date', 'Date', readOnly),
        std('CreatedDate', 'Created Date', 'DateTime', readOnly)
    ],
    LeadStatus: [
        std('Id', 'Lead Status ID', 'Id'),
        std('MasterLabel', 'Master Label', 'String', readOnly),
        std('ApiName', 'API Name', 'String', readOnly),
        std('IsConverted', 'Converted', 'Boolean', readOnly)
    ],
    User: [std('Id', 'User ID', 'Id'), std('Name', 'Full Name', 'String', readOnly)],
    Campaign: [
        std('Id', 'Campaign ID', 'Id'),
        std('Name', 'Campaign Name', 'String', { required: true }),
        std('Type', 'Type', 'Picklist')
    ]
};
