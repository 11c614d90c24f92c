/**
 * What the report gate knows about Salesforce's report model, as data with its source. Everything else (which fields
 * exist) comes from the field catalog (`standard-fields.json` plus the project's own fields).
 *
 * Column tokens. A report on a custom report type names a column `<table>$<field>`, where `<table>` is the report
 * type's table path (`Campaign`, `Campaign.Opportunities`) and `<field>` the report type column's field as written in
 * the `.reportType` file (a lookup path such as `Campaign.Name` included); such a report names its type
 * `<DeveloperName>__c`. A report on a standard report type uses Salesforce's own tokens (`STAGE_NAME`), listed
 * below per type, and `<Object>.<Field__c>` for custom fields. The kit's reports use custom report types only, so
 * every token is derived from a file in the project; the standard list exists so that a report on one is checked too.
 */

export interface Sourced {
    source: string;
}

/** Custom report types: how reports name the type and their columns. */
export const CUSTOM_REPORT_TYPE_TOKENS: Sourced & { typeSuffix: string; separator: string } = {
    typeSuffix: '__c',
    separator: '$',
    source: 'Metadata API Developer Guide "Report" sample definitions (<reportType>CRT1__c</reportType>, columns CRT_Object__c$Name, timeFrameFilter CRT_Object__c$CreatedDate), read through forcedotcom/sf-skills platform-metadata-api-context-get/assets/metadata_api/Report.json @2476476'
};

/**
 * Child relationships a custom report type may join (`<join><relationship>`), and the cross filters' related
 * tables: parent object → relationship name → the child object and its lookup to the parent (relationship name).
 */
export const CHILD_RELATIONSHIPS: Readonly<
    Record<string, Readonly<Record<string, { child: string; lookup: string }>>>
> = {
    Campaign: {
        CampaignMembers: { child: 'CampaignMember', lookup: 'Campaign' },
        Opportunities: { child: 'Opportunity', lookup: 'Campaign' }
    },
    Opportunity: {
        OpportunityContactRoles: { child: 'OpportunityContactRole', lookup: 'Opportunity' }
    },
    Account: {
        Opportunities: { child: 'Opportunity', lookup: 'Account' },
        Contacts: { child: 'Contact', lookup: 'Account' }
    }
};
export const CHILD_RELATIONSHIPS_SOURCE =
    'Salesforce Object Reference, "Relationships Among Standard Objects" / each child field\'s relationship name (CampaignMember.CampaignId → Campaign.CampaignMembers, Opportunity.CampaignId → Campaign.Opportunities, OpportunityContactRole.OpportunityId → Opportunity.OpportunityContactRoles); cross filter shape from the Metadata API "Report" sample (relatedTable Case, relatedTableJoinColumn Account)';

/** Standard report types whose tokens have a public source. Token → Object.Field it shows. */
export const STANDARD_REPORT_TYPES: Readonly<
    Record<string, Sourced & { baseObject: string; tokens: Readonly<Record<string, string>> }>
> = {
    Opportunity: {
        baseObject: 'Opportunity',
        tokens: {
            OPPORTUNITY_NAME: 'Opportunity.Name',
            AMOUNT: 'Opportunity.Amount',
            CLOSE_DATE: 'Opportunity.CloseDate',
            STAGE_NAME: 'Opportunity.StageName',
            FULL_NAME: 'Opportunity.Owner',
            ACCOUNT_NAME: 'Account.Name',
            CREATED_DATE: 'Opportunity.CreatedDate',
            PROBABILITY: 'Opportunity.Probability',
            TYPE: 'Opportunity.Type',
            LEAD_SOURCE: 'Opportunity.LeadSource'
        },
        source: 'forcedotcom/sf-skills platform-report-generate/references/column-names.md @2476476 ("Opportunity"); Metadata API "Dashboard" sample (CLOSE_DATE, AMOUNT, STAGE_NAME, PROBABILITY); Analytics REST API "Create a New Report" response (OPPORTUNITY_NAME, ACCOUNT_NAME, STAGE_NAME, AMOUNT)'
    },
    LeadList: {
        baseObject: 'Lead',
        tokens: {
            FIRST_NAME: 'Lead.FirstName',
            LAST_NAME: 'Lead.LastName',
            COMPANY: 'Lead.Company',
            STATUS: 'Lead.Status',
            LEAD_SOURCE: 'Lead.LeadSource',
            CREATED_DATE: 'Lead.CreatedDate'
        },
        source: 'forcedotcom/sf-skills platform-report-generate/references/column-names.md @2476476 ("LeadList")'
    }
};

/** Tokens every report accepts in chart and dashboard summaries. */
export const ROW_COUNT = 'RowCount';

/** Report formats and what each needs (the WSDL's ReportFormat; `Joined` is not a value: joined reports are `MultiBlock`). */
export const FORMAT_RULES: Sourced & {
    blockFormats: readonly string[];
    minBlocks: number;
    maxBlocks: number;
} = {
    blockFormats: ['Summary', 'Matrix'],
    minBlocks: 2,
    maxBlocks: 5,
    source: 'Metadata API v66 WSDL ReportFormat (MultiBlock, Matrix, Summary, Tabular); forcedotcom/sf-skills platform-report-generate SKILL.md @2476476 (Summary needs a row grouping, Matrix row and column groupings, Tabular none; joined reports 2-5 blocks of Summary or Matrix; a grouping field is not also a column)'
};

/** Text limits of reports and report types. */
export const REPORT_TEXT_LIMITS: Sourced & { reportName: number; description: number; reportTypeLabel: number } = {
    reportName: 40,
    description: 255,
    reportTypeLabel: 50,
    source: 'forcedotcom/sf-skills platform-report-generate SKILL.md @2476476 (report name max 40, description max 255); report type label 50: Setup "New Custom Report Type" field size, undocumented in the Metadata API (conservative)'
};

/** Folder shares a brand-new org accepts: no role, queue or named group exists there yet. */
export const NEW_ORG_FOLDER_SHARES: Sourced & { allowed: readonly { sharedToType: string; sharedTo?: string }[] } = {
    allowed: [{ sharedToType: 'Group', sharedTo: 'AllInternalUsers' }, { sharedToType: 'Organization' }],
    source: 'Metadata API "FolderShare" (sharedToType Group, Organization, Role…); the All Internal Users group (AllInternalUsers) exists in every org, a role or public group the kit does not ship does not'
};

/**
 * The dashboards' running-user model. LoggedInUser (a dynamic dashboard): each viewer sees the data their own
 * sharing allows, nothing is stored about a user; it counts against the edition's dynamic dashboards (Enterprise 5,
 * Unlimited and Performance 10, Developer 3), cannot be scheduled and cannot sit in a private folder. SpecifiedUser
 * shows every viewer the running user's data: without `runningUser` the deploying user becomes the running user
 * (usually an admin who sees everything), with one the username does not exist in another org.
 */
export const DASHBOARD_MODEL: Sourced & { dashboardType: string; maxDynamicDashboards: number } = {
    dashboardType: 'LoggedInUser',
    maxDynamicDashboards: 1,
    source: 'Salesforce Help "Dynamic Dashboards" (help.salesforce.com/s/articleView?id=analytics.dashboards_dynamic_overview.htm: up to 5 in Enterprise, 10 in Unlimited and Performance, 3 in Developer Edition; no private folder; no scheduled refresh); Metadata API "Dashboard" runningUser ("not defined or does not correspond to a valid user" → the deploying user) and dashboardType'
};

/** Fields whose values are rule values (`Attribution_Rules__mdt`): a report filter must not hard-code one. */
export const RULE_VALUE_FIELDS: readonly string[] = [
    'Lead.LeadSource',
    'Lead.Status',
    'Opportunity.LeadSource',
    'Opportunity.StageName'
];
