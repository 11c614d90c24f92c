/**
 * Which value set governs which field, from the project's naming contract (DEVELOPERS.md): standard picklists use
 * standard value sets (checked when the project ships that set, e.g. demo-org/standardValueSets), custom picklists
 * their global value set, and the `;`-separated lists in custom metadata records name values of a set too.
 */

/** Standard picklist fields and the standard value set behind them. */
export const STANDARD_PICKLISTS: Readonly<Record<string, string>> = {
    'Lead.LeadSource': 'LeadSource',
    'Contact.LeadSource': 'LeadSource',
    'Opportunity.LeadSource': 'LeadSource',
    'Account.AccountSource': 'LeadSource',
    'Lead.Status': 'LeadStatus',
    'Opportunity.StageName': 'OpportunityStage',
    'OpportunityContactRole.Role': 'ContactRole'
};

/** Custom metadata fields whose (`;`-separated) values must belong to a value set. */
export const RECORD_VALUE_LISTS: Readonly<Record<string, string>> = {
    'Attribution_Rules__mdt.Exempt_Lead_Sources__c': 'LeadSource',
    'Attribution_Rules__mdt.Sales_Sourced_Lead_Sources__c': 'LeadSource',
    'Attribution_Rules__mdt.Stage_Order__c': 'OpportunityStage',
    'Attribution_Rules__mdt.Campaign_Exempt_Stages__c': 'OpportunityStage',
    'Attribution_Rules__mdt.Contact_Role_Required_Stage__c': 'OpportunityStage',
    'Attribution_Rules__mdt.Open_Lead_Statuses__c': 'LeadStatus',
    'Attribution_Rules__mdt.Converted_Lead_Statuses__c': 'LeadStatus',
    'Attribution_Rules__mdt.MQL_Lead_Statuses__c': 'LeadStatus',
    'Attribution_Rules__mdt.SQL_Lead_Statuses__c': 'LeadStatus',
    'Persona_Role_Mapping__mdt.Persona__c': 'Persona',
    'Persona_Role_Mapping__mdt.Contact_Role__c': 'ContactRole'
};

/**
 * Salesforce's default Opportunity Contact Role values, used when the project does not ship a ContactRole
 * standard value set (a new org's ContactRole standard value set; the persona mapping targets these).
 */
export const DEFAULT_CONTACT_ROLES: readonly string[] = [
    'Business User',
    'Decision Maker',
    'Economic Buyer',
    'Economic Decision Maker',
    'Evaluator',
    'Executive Sponsor',
    'Influencer',
    'Technical Buyer',
    'Other'
];
