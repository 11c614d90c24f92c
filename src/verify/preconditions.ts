/**
 * What the kit's metadata assumes of the org it is deployed to, as data: for each precondition, which metadata
 * triggers it, what the org must have, and how the install path handles it (text the README's Install section must
 * contain, ordered evidence in scripts/org-init.sh, a setting in the scratch org definition). The gate check
 * (`check-preconditions.ts`) fails when a triggered precondition is not handled, and when a file of an org-dependent
 * type triggers no precondition at all.
 */
import type { MetadataFile } from './project.js';

export interface InstallPath {
    /** The README's `## Install` section (undefined when README.md is missing). */
    readmeInstall?: string;
    /** scripts/org-init.sh without comment lines (undefined when missing). */
    script?: string;
    /** config/project-scratch-def.json, parsed (undefined when missing or not JSON). */
    scratchDef?: unknown;
}

export interface Precondition {
    id: string;
    /** What the org must have or do, in an admin's words. */
    assumes: string;
    /** Which metadata triggers it (also printed in the problem). */
    trigger: string;
    triggeredBy: (file: MetadataFile, text: string) => boolean;
    /** Phrases the README's Install section must contain. */
    readme: readonly string[];
    /** Strings that must appear in this order in the setup script's commands. */
    script: readonly string[];
    /** A setting the scratch org definition must carry. */
    scratchDef?: { what: string; holds: (def: unknown) => boolean };
    source: string;
}

const at = (value: unknown, path: readonly string[]): unknown =>
    path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), value);

const isType = (file: MetadataFile, ...types: string[]): boolean => types.includes(file.sdrType ?? '');

export const PRECONDITIONS: readonly Precondition[] = [
    {
        id: 'standard-duplicate-rules',
        assumes:
            "the org's own duplicate rules hold sort orders 1..n per object (an org created since Summer '17 has one standard rule each on Lead, Contact and Account); the kit's rules must come right after them, without gaps",
        trigger: 'a DuplicateRule',
        triggeredBy: (f) => isType(f, 'DuplicateRule'),
        readme: ['sort order', 'SortOrder must be in sequential order from 1'],
        script: ['FROM DuplicateRule', 'plan-duplicates', '--metadata-dir'],
        source: 'Salesforce Help "Standard Duplicate Rules"; Metadata API DuplicateRule.sortOrder'
    },
    {
        id: 'field-history-enabled',
        assumes:
            'field history is on for each object whose fields the kit tracks (Lead, Contact and Opportunity each have an "Enable <Object> History" switch, off in some orgs), and the org\'s own tracked fields plus the kit\'s stay within 20 per object',
        trigger: 'a field with <trackHistory>true</trackHistory>',
        triggeredBy: (f, text) => isType(f, 'CustomField') && /<trackHistory>\s*true\s*<\/trackHistory>/.test(text),
        readme: ['Set History Tracking', 'IsFieldHistoryTracked', 'exceeded the allowed number of fields to track'],
        script: ['FROM EntityDefinition', 'IsFieldHistoryTracked = true', 'check-history', '--source-dir force-app'],
        source: 'Tooling API EntityDefinition.IsFieldHistoryTracked and FieldDefinition.IsFieldHistoryTracked; Help "Track Object Field History" (20 fields per object); forcedotcom/salesforcedx-vscode#501, forcedotcom/cli#1922'
    },
    {
        id: 'matching-rules-active',
        assumes:
            'a new active matching rule is Active (not Activating) before a duplicate rule that uses it is deployed',
        trigger: 'an active MatchingRule used by a DuplicateRule',
        triggeredBy: (f, text) => isType(f, 'MatchingRules', 'MatchingRule') && /<ruleStatus>Active</.test(text),
        readme: ['matching rules first', 'RuleStatus'],
        script: [
            '--source-dir unpackaged/main/default/matchingRules',
            'RuleStatus FROM MatchingRule',
            'check-matching',
            '--metadata-dir'
        ],
        source: 'forcedotcom/cli#569 and #1698; Metadata API MatchingRule.ruleStatus (MatchingRuleStatus)'
    },
    {
        id: 'duplicate-rule-user-condition',
        assumes:
            "a duplicate-rule condition may test a field of the current user (table User), here a formula field on $Permission; an org that refuses it needs the README's fallback condition",
        trigger: 'a DuplicateRule with a condition on the current user',
        triggeredBy: (f, text) => isType(f, 'DuplicateRule') && /<table>User<\/table>/.test(text),
        readme: ['Attribution_Guardrails_Bypass__c', 'Current User: Username'],
        script: [],
        source: 'Metadata API DuplicateRuleFilterItem.table; REST "Duplicate Rule Header" (allowSave)'
    },
    {
        id: 'require-validation-on-convert',
        assumes:
            '"Require Validation for Converted Leads" is on, or validation rules and record-triggered flows do not run on the records lead conversion writes',
        trigger: 'a validation rule or a record-triggered flow',
        triggeredBy: (f, text) =>
            isType(f, 'ValidationRule') || (isType(f, 'Flow') && /<triggerType>Record(Before|After)Save</.test(text)),
        readme: ['Require Validation for Converted Leads', 'shouldLeadConvertRequireValidation'],
        script: [],
        scratchDef: {
            what: 'settings.leadConfigSettings.shouldLeadConvertRequireValidation = true',
            holds: (def) => at(def, ['settings', 'leadConfigSettings', 'shouldLeadConvertRequireValidation']) === true
        },
        source: 'Salesforce Help 000386851; Metadata API LeadConfigSettings.shouldLeadConvertRequireValidation'
    },
    {
        id: 'flows-active',
        assumes:
            'flows deployed as Active are active: in production only when "Deploy processes and flows as active" is on (with Apex tests covering the flows)',
        trigger: 'a Flow with status Active',
        triggeredBy: (f, text) => isType(f, 'Flow') && /<status>Active</.test(text),
        readme: ['Deploy processes and flows as active', 'enableFlowDeployAsActiveEnabled'],
        script: ['FROM FlowDefinitionView', 'check-flows'],
        source: 'Metadata API FlowSettings.enableFlowDeployAsActiveEnabled; Tooling API FlowTestCoverage; Object Reference FlowDefinitionView'
    },
    {
        id: 'campaigns',
        assumes: 'Campaigns are enabled and the users who set Primary Campaign Source are Marketing Users',
        trigger: 'metadata that reads or writes CampaignId or CampaignMember',
        triggeredBy: (f, text) => !isType(f, 'PermissionSet') && /\bCampaignId\b|\bCampaignMember\b/.test(text),
        readme: ['Marketing User'],
        script: [],
        scratchDef: {
            what: 'features contains MarketingUser',
            holds: (def) =>
                Array.isArray(at(def, ['features'])) && (at(def, ['features']) as unknown[]).includes('MarketingUser')
        },
        source: 'Salesforce Help "Set Up Campaigns" (Marketing User checkbox)'
    },
    {
        id: 'contact-roles',
        assumes:
            "Opportunity Contact Roles are on the Opportunity layout and the mapped Role values exist in the org's Contact Role picklist",
        trigger: 'metadata that reads or writes OpportunityContactRole',
        triggeredBy: (f, text) => !isType(f, 'PermissionSet') && /\bOpportunityContactRole\b/.test(text),
        readme: ['Contact Role', 'Persona Role Mapping'],
        script: [],
        source: 'Object Reference OpportunityContactRole.Role'
    },
    {
        id: 'demo-org-only',
        assumes:
            "the org accepts replacing its standard value sets and lead-convert mapping (a scratch or demo org, never an admin's org)",
        trigger: 'a StandardValueSet or Settings file',
        triggeredBy: (f) => isType(f, 'StandardValueSet', 'Settings'),
        readme: ['scratch and demo orgs only'],
        script: ['if [[ -n "$EXISTING" ]]', '--source-dir demo-org'],
        source: 'Metadata API StandardValueSet and LeadConvertSettings (deploys replace the org values)'
    },
    {
        id: 'campaign-influence-enabled',
        assumes:
            'Customizable Campaign Influence is on (Setup > Campaign Influence, or CampaignSettings.enableCampaignInfluence2): without it the CampaignInfluence object does not exist and the influenced-pipeline report type and report fail to deploy, so they ship in campaign-influence/, outside the package',
        trigger: 'a report type on CampaignInfluence',
        triggeredBy: (f, text) =>
            isType(f, 'ReportType') && /<baseObject>\s*CampaignInfluence\s*<\/baseObject>/.test(text),
        readme: ['Customizable Campaign Influence', '--source-dir campaign-influence'],
        script: ['--source-dir force-app', '--source-dir campaign-influence'],
        scratchDef: {
            what: 'settings.campaignSettings.enableCampaignInfluence2 = true',
            holds: (def) => at(def, ['settings', 'campaignSettings', 'enableCampaignInfluence2']) === true
        },
        source: 'Metadata API CampaignSettings.enableCampaignInfluence2 (v66 WSDL); Object Reference "CampaignInfluence" ("To access this object, Customizable Campaign Influence must be enabled")'
    },
    {
        id: 'dynamic-dashboard-available',
        assumes:
            'the org has a dynamic dashboard left (Enterprise 5, Unlimited and Performance 10, Developer 3; deleted ones in the recycle bin count): the Attribution Health dashboard runs as the logged-in user',
        trigger: 'a dashboard with <dashboardType>LoggedInUser</dashboardType>',
        triggeredBy: (f, text) =>
            isType(f, 'Dashboard') && /<dashboardType>\s*(LoggedInUser|MyTeamUser)\s*<\/dashboardType>/.test(text),
        readme: ['the package holds one dynamic dashboard', 'no dynamic dashboard left'],
        script: ['--source-dir force-app'],
        source: 'Salesforce Help "Dynamic Dashboards" (analytics.dashboards_dynamic_overview.htm)'
    }
];

/** Types whose files assume something of the org: each such file must trigger at least one precondition. */
export const ORG_DEPENDENT_TYPES: readonly string[] = [
    'DuplicateRule',
    'MatchingRules',
    'MatchingRule',
    'Flow',
    'ValidationRule',
    'Settings',
    'StandardValueSet',
    'AssignmentRules',
    'AutoResponseRules',
    'EscalationRules',
    'Workflow',
    'SharingRules'
];
