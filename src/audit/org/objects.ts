/**
 * The objects and fields the org source reads by default: the audit's snapshot schema, plus LeadStatus (the org's
 * converted statuses). Custom fields are optional: an org without them yet still gets a snapshot, and the engine
 * skips the checks that need them.
 */
import type { OrgObjectSpec } from './types.js';

const UTM = ['UTM_Source__c', 'UTM_Medium__c', 'UTM_Campaign__c', 'UTM_Term__c', 'UTM_Content__c'] as const;

export const DEFAULT_OBJECTS: readonly OrgObjectSpec[] = [
    {
        name: 'Lead',
        required: ['Id', 'IsConverted', 'ConvertedDate', 'ConvertedAccountId', 'ConvertedContactId'],
        optional: [
            'ConvertedOpportunityId',
            'LeadSource',
            'Status',
            'Email',
            'CreatedDate',
            'LastActivityDate',
            'Persona__c',
            ...UTM,
            'MQL_Date__c',
            'SQL_Date__c'
        ]
    },
    { name: 'Contact', required: ['Id'], optional: ['AccountId', 'Email', 'LeadSource', 'Persona__c', ...UTM] },
    { name: 'Account', required: ['Id'], optional: ['Name'] },
    {
        name: 'Opportunity',
        required: ['Id', 'StageName', 'IsClosed', 'IsWon', 'CreatedDate'],
        optional: ['AccountId', 'CampaignId', 'LeadSource', 'Amount', 'CloseDate', 'Persona__c', ...UTM]
    },
    {
        name: 'OpportunityContactRole',
        required: ['Id', 'OpportunityId', 'ContactId'],
        optional: ['Role', 'IsPrimary']
    },
    { name: 'Campaign', required: ['Id'], optional: ['Name', 'Type'] },
    {
        name: 'CampaignMember',
        required: ['Id', 'CampaignId'],
        optional: ['LeadId', 'ContactId', 'Status', 'HasResponded', 'FirstRespondedDate', 'CreatedDate']
    },
    {
        name: 'OpportunityHistory',
        required: ['Id', 'OpportunityId', 'StageName', 'CreatedDate'],
        optional: [],
        optionalObject: true
    },
    { name: 'LeadStatus', required: ['Id', 'MasterLabel', 'IsConverted'], optional: ['ApiName'], optionalObject: true }
];

/** The custom metadata type whose `Default` record overrides the shipped rules. */
export const RULES_TYPE = 'Attribution_Rules__mdt';
export const RULES_RECORD = 'Default';
