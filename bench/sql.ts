/**
 * The generator's SQL: DuckDB macros deriving every field of every record from its index and the seed, and one
 * `SELECT` per object. Pure string building; `generate.ts` runs them as `COPY (SELECT …) TO '<Object>.csv'`.
 * The planted-defect rules are the `MOD` residues of `plan.ts`; every other value is drawn with `hash(i, seed, k)`
 * from governed values only, so clean records can never trip a check by accident.
 */
import { DEFAULT_GOVERNED_LEAD_SOURCES } from '../src/audit/config.js';
import { PERSONAS } from '../src/audit/vocabulary.js';
import { idMacroName, type KeyPrefixObject } from './ids.js';
import { MOD, idOffset, type Plan } from './plan.js';

/** Generated Lead Sources are the audit's governed values, so clean records can never count as drift. */
export const GOVERNED_LEAD_SOURCES = DEFAULT_GOVERNED_LEAD_SOURCES;
/** Values from older default picklists, outside the governed set (planted Lead Source drift). */
export const DRIFT_LEAD_SOURCES = ['Trade Show', 'Purchased List', 'Word of mouth'];
/** Contact Role per persona (the shipped Persona_Role_Mapping__mdt records), same order as PERSONAS. */
const PERSONA_ROLES = [
    'Decision Maker',
    'Economic Buyer',
    'Executive Sponsor',
    'Influencer',
    'Technical Buyer',
    'Business User'
];
const STAGES = ['Qualification', 'Proposal/Quote', 'Negotiation', 'Closed Won', 'Closed Lost'];
const OPEN_STATUSES = ['Open', 'Working', 'Nurturing'];

const list = (values: readonly string[]): string => `[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ')}]`;
const pick = (values: readonly string[], h: string): string =>
    `list_element(${list(values)}, ((${h}) % ${values.length} + 1)::INTEGER)`;

/** Macros for the plan: constants inlined, one macro per derived field shared by the objects that copy it. */
export function planMacros(plan: Plan): string[] {
    const { C, CO, O, accounts, campaigns, directContacts } = plan.blocks;
    const seed = plan.seed;
    const off = idOffset(seed);
    const asOf = `TIMESTAMP '${plan.asOf.toISOString().slice(0, 19).replace('T', ' ')}'`;
    const id = (object: KeyPrefixObject): string =>
        `CREATE OR REPLACE MACRO ref_${object.toLowerCase()}(n) AS ${idMacroName(object)}(n + ${off})`;
    const h = (k: number, i = 'i'): string => `hash(${i}, ${seed}, ${k})`;
    const nonExempt = GOVERNED_LEAD_SOURCES.filter((s) => s !== 'Outbound');
    return [
        ...(
            [
                'Account',
                'Contact',
                'Opportunity',
                'OpportunityContactRole',
                'Lead',
                'CampaignMember',
                'Campaign'
            ] as const
        ).map(id),
        `CREATE OR REPLACE MACRO sf_dt(ts) AS strftime(ts, '%Y-%m-%dT%H:%M:%S.000+0000')`,
        `CREATE OR REPLACE MACRO sf_d(d) AS strftime(d, '%Y-%m-%d')`,
        `CREATE OR REPLACE MACRO account_of(i) AS ref_account((${h(30)}) % ${accounts})`,
        `CREATE OR REPLACE MACRO campaign_pick(i, k) AS ref_campaign(hash(i, ${seed}, k) % ${campaigns})`,
        // Lead kind: 'C' converted, 'O' open, 'Q' disqualified
        `CREATE OR REPLACE MACRO lead_kind(i) AS CASE WHEN i < ${C} THEN 'C' WHEN i < ${C + O} THEN 'O' ELSE 'Q' END`,
        `CREATE OR REPLACE MACRO open_r(i) AS (i - ${C}) % ${MOD.open}`,
        `CREATE OR REPLACE MACRO disq_r(i) AS (i - ${C + O}) % ${MOD.disqualified}`,
        `CREATE OR REPLACE MACRO conv_r(i) AS CASE WHEN i < ${CO} THEN i % ${MOD.converted} ELSE -1 END`,
        `CREATE OR REPLACE MACRO is_aged(i) AS lead_kind(i) = 'O' AND open_r(i) >= ${MOD.agedFrom} AND open_r(i) < ${MOD.agedTo}`,
        `CREATE OR REPLACE MACRO lead_source(i) AS CASE
            WHEN conv_r(i) = ${MOD.convertedLostCampaign} THEN 'Webinar'
            WHEN lead_kind(i) = 'Q' AND disq_r(i) = ${MOD.driftSource} THEN ${pick(DRIFT_LEAD_SOURCES, h(2))}
            ELSE ${pick(GOVERNED_LEAD_SOURCES, h(1))} END`,
        `CREATE OR REPLACE MACRO lead_persona(i) AS CASE WHEN i >= ${C} AND (${h(4)}) % 5 = 0 THEN NULL ELSE ${pick(PERSONAS, h(3))} END`,
        `CREATE OR REPLACE MACRO has_utm(i) AS i < ${C} OR (${h(5)}) % 3 <> 0`,
        `CREATE OR REPLACE MACRO utm_source(i) AS CASE WHEN has_utm(i) THEN ${pick(['google', 'linkedin', 'newsletter', 'partner', 'g2', 'facebook'], h(6))} END`,
        `CREATE OR REPLACE MACRO utm_medium(i) AS CASE WHEN has_utm(i) THEN ${pick(['cpc', 'social', 'email', 'referral', 'display', 'syndication'], h(7))} END`,
        `CREATE OR REPLACE MACRO utm_campaign(i) AS CASE WHEN has_utm(i) THEN 'fy26-q' || ((${h(8)}) % 4 + 1) || '-' || ${pick(['launch', 'webinar-series', 'retargeting', 'brand', 'abm'], h(9))} END`,
        `CREATE OR REPLACE MACRO utm_term(i) AS CASE WHEN has_utm(i) AND (${h(10)}) % 3 = 0 THEN ${pick(['attribution software', 'revops', 'lead routing', 'crm hygiene'], h(11))} END`,
        `CREATE OR REPLACE MACRO utm_content(i) AS CASE WHEN has_utm(i) AND (${h(12)}) % 2 = 0 THEN 'variant-' || ((${h(13)}) % 9 + 1) END`,
        // created: converted 60–660 days ago, clean open < 25 days ago, aged open 45–345 days ago, disqualified 31–731
        `CREATE OR REPLACE MACRO lead_created(i) AS ${asOf} - to_seconds((CASE
            WHEN lead_kind(i) = 'C' THEN 60 + (${h(14)}) % 600
            WHEN is_aged(i) THEN 45 + (${h(14)}) % 300
            WHEN lead_kind(i) = 'O' THEN 1 + (${h(14)}) % 24
            ELSE 31 + (${h(14)}) % 700 END) * 86400 + (${h(15)}) % 80000)`,
        `CREATE OR REPLACE MACRO converted_date(i) AS CAST(lead_created(i) + to_days((5 + (${h(16)}) % 40)::INTEGER) AS DATE)`,
        `CREATE OR REPLACE MACRO lead_status(i) AS CASE lead_kind(i)
            WHEN 'C' THEN 'Converted'
            WHEN 'O' THEN ${pick(OPEN_STATUSES, h(17))}
            ELSE CASE WHEN disq_r(i) = ${MOD.statusMismatch} THEN 'Converted' ELSE 'Disqualified' END END`,
        `CREATE OR REPLACE MACRO domain(i) AS 'acme' || (i % 4999) || '.example.com'`,
        `CREATE OR REPLACE MACRO lead_email_base(i) AS 'lead.' || i || '@' || domain(i)`,
        `CREATE OR REPLACE MACRO contact_email(j) AS 'contact.' || j || '@' || domain(j)`,
        `CREATE OR REPLACE MACRO lead_email(i) AS CASE
            WHEN lead_kind(i) = 'O' AND open_r(i) = ${MOD.duplicateEmail} THEN lead_email_base(i - 1)
            WHEN lead_kind(i) = 'O' AND open_r(i) = ${MOD.contactEmail} THEN contact_email(${C} + (i - ${C}) // ${MOD.open})
            ELSE lead_email_base(i) END`,
        `CREATE OR REPLACE MACRO direct_contact(k) AS ref_contact(${C} + (k) % ${directContacts})`,
        `CREATE OR REPLACE MACRO persona_role(p) AS list_element(${list(PERSONA_ROLES)}, list_position(${list(PERSONAS)}, p))`,
        `CREATE OR REPLACE MACRO stage_pick(i) AS ${pick(STAGES, h(18))}`,
        `CREATE OR REPLACE MACRO non_exempt_source(i) AS ${pick(nonExempt, h(19))}`
    ];
}

const ymd = (expr: string): string => `sf_d(${expr})`;

/** One `SELECT` per object (CSV column order = Bulk API field order of the query). */
export function objectSelects(plan: Plan): Record<string, string> {
    const { N, C, CO, L2, accounts, campaigns } = plan.blocks;
    const seed = plan.seed;
    const rows = plan.rows;
    const utmCols = (src: string, lost: string): string =>
        ['Source', 'Medium', 'Campaign', 'Term', 'Content']
            .map((f) => `CASE WHEN ${lost} THEN NULL ELSE utm_${f.toLowerCase()}(${src}) END AS UTM_${f}__c`)
            .join(',\n');
    const nOpp = rows.Opportunity ?? 0;
    const ocrNoRole = `(o >= ${CO} AND (o - ${CO}) % ${MOD.direct} IN (${MOD.missingContactRole}, ${MOD.earlyNoContactRole}, ${MOD.lostNoContactRole}))`;
    return {
        Account: `SELECT ref_account(i) AS Id, 'Acme ' || i || ' ' || ${pick(['Inc.', 'GmbH', 'Ltd', 'SAS', 'LLC'], `hash(i, ${seed}, 40)`)} AS Name,
            ${pick(['Software', 'Manufacturing', 'Healthcare', 'Finance', 'Retail'], `hash(i, ${seed}, 41)`)} AS Industry
            FROM range(${accounts}) t(i)`,
        Campaign: `SELECT ref_campaign(i) AS Id, 'FY26 ' || ${pick(['Webinar', 'Event', 'Email', 'Paid Search', 'Content Syndication'], `hash(i, ${seed}, 42)`)} || ' ' || lpad(i::VARCHAR, 4, '0') AS Name,
            ${pick(['Webinar', 'Conference', 'Email', 'Advertisement', 'Other'], `hash(i, ${seed}, 42)`)} AS Type,
            ${pick(['Planned', 'In Progress', 'Completed'], `hash(i, ${seed}, 43)`)} AS Status, true AS IsActive
            FROM range(${campaigns}) t(i)`,
        Lead: `SELECT ref_lead(i) AS Id, ${pick(['Ada', 'Grace', 'Alan', 'Edsger', 'Barbara', 'Ken', 'Margaret'], `hash(i, ${seed}, 44)`)} AS FirstName,
            'Lead ' || i AS LastName, 'Acme ' || (i % 4999) AS Company, lead_email(i) AS Email,
            lead_source(i) AS LeadSource, lead_status(i) AS Status,
            i < ${C} AS IsConverted,
            CASE WHEN i < ${C} THEN ${ymd('converted_date(i)')} END AS ConvertedDate,
            CASE WHEN i < ${C} THEN account_of(i) END AS ConvertedAccountId,
            CASE WHEN i < ${C} THEN ref_contact(i) END AS ConvertedContactId,
            CASE WHEN i < ${CO} THEN ref_opportunity(i) END AS ConvertedOpportunityId,
            sf_dt(lead_created(i)) AS CreatedDate,
            CASE WHEN lead_kind(i) = 'C' THEN ${ymd('converted_date(i)')}
                 WHEN is_aged(i) THEN CASE WHEN hash(i, ${seed}, 45) % 2 = 0 THEN ${ymd(`CAST(lead_created(i) AS DATE) + (hash(i, ${seed}, 46) % 10)::INTEGER`)} END
                 WHEN lead_kind(i) = 'O' THEN CASE WHEN hash(i, ${seed}, 45) % 3 <> 0 THEN ${ymd(`CAST(TIMESTAMP '${plan.asOf.toISOString().slice(0, 10)}' AS DATE) - (hash(i, ${seed}, 46) % 5)::INTEGER`)} END
                 ELSE ${ymd(`CAST(lead_created(i) AS DATE) + (hash(i, ${seed}, 46) % 10)::INTEGER`)} END AS LastActivityDate,
            lead_persona(i) AS Persona__c,
            ${utmCols('i', 'false')},
            CASE WHEN lead_kind(i) = 'C' OR lead_status(i) = 'Working' THEN ${ymd('CAST(lead_created(i) AS DATE) + 1')} END AS MQL_Date__c,
            CASE WHEN lead_kind(i) = 'C' THEN ${ymd('converted_date(i)')} END AS SQL_Date__c
            FROM range(${N}) t(i)`,
        Contact: `SELECT ref_contact(j) AS Id,
            CASE WHEN j < ${C} THEN 'Lead ' || j ELSE 'Contact ' || j END AS LastName,
            CASE WHEN j < ${C} THEN account_of(j) ELSE account_of(j + ${N}) END AS AccountId,
            CASE WHEN j < ${C} THEN lead_email(j) ELSE contact_email(j) END AS Email,
            CASE WHEN j < ${C} THEN CASE WHEN conv_r(j) = ${MOD.convertedLostLeadSource} THEN NULL ELSE lead_source(j) END
                 ELSE ${pick(GOVERNED_LEAD_SOURCES, `hash(j, ${seed}, 47)`)} END AS LeadSource,
            CASE WHEN j < ${C} THEN CASE WHEN conv_r(j) = ${MOD.convertedLostPersona} THEN NULL ELSE lead_persona(j) END
                 ELSE lead_persona(j + ${N}) END AS Persona__c,
            ${utmCols(`CASE WHEN j < ${C} THEN j ELSE j + ${N} END`, `conv_r(j) = ${MOD.convertedLostUtm}`)},
            sf_dt(CASE WHEN j < ${C} THEN CAST(converted_date(j) AS TIMESTAMP) + to_seconds((hash(j, ${seed}, 48) % 80000)::BIGINT)
                       ELSE lead_created(j + ${N}) END) AS CreatedDate
            FROM range(${rows.Contact ?? 0}) t(j)`,
        Opportunity: `SELECT ref_opportunity(o) AS Id,
            CASE WHEN o < ${CO} THEN 'Acme ' || (o % 4999) || ' - New Business' ELSE 'Acme ' || ((o + ${N}) % 4999) || ' - Expansion ' || o END AS Name,
            CASE WHEN o < ${CO} THEN account_of(o) ELSE account_of(o + ${2 * N}) END AS AccountId,
            CASE WHEN o < ${CO} THEN CASE WHEN conv_r(o) = ${MOD.convertedLostCampaign} THEN NULL ELSE campaign_pick(o, 21) END
                 WHEN (o - ${CO}) % ${MOD.direct} IN (${MOD.missingCampaign}, ${MOD.exemptNoCampaign}) THEN NULL
                 ELSE campaign_pick(o + ${2 * N}, 21) END AS CampaignId,
            CASE WHEN o < ${CO} THEN CASE WHEN conv_r(o) = ${MOD.convertedLostLeadSource} THEN NULL ELSE lead_source(o) END
                 WHEN (o - ${CO}) % ${MOD.direct} = ${MOD.exemptNoCampaign} THEN 'Outbound'
                 WHEN (o - ${CO}) % ${MOD.direct} = ${MOD.missingCampaign} THEN non_exempt_source(o)
                 ELSE ${pick(GOVERNED_LEAD_SOURCES, `hash(o, ${seed}, 49)`)} END AS LeadSource,
            stage AS StageName, stage IN ('Closed Won', 'Closed Lost') AS IsClosed, stage = 'Closed Won' AS IsWon,
            (1000 + hash(o, ${seed}, 50) % 200000)::VARCHAR || '.00' AS Amount,
            sf_dt(created) AS CreatedDate, ${ymd(`CAST(created AS DATE) + 30 + (hash(o, ${seed}, 51) % 120)::INTEGER`)} AS CloseDate,
            CASE WHEN o < ${CO} THEN CASE WHEN conv_r(o) = ${MOD.convertedLostPersona} THEN NULL ELSE lead_persona(o) END
                 ELSE lead_persona(o + ${2 * N}) END AS Persona__c,
            ${utmCols(`CASE WHEN o < ${CO} THEN o ELSE o + ${2 * N} END`, `conv_r(o) = ${MOD.convertedLostUtm}`)}
            FROM (SELECT o,
                CASE WHEN o >= ${CO} AND (o - ${CO}) % ${MOD.direct} = ${MOD.missingContactRole} THEN 'Negotiation'
                     WHEN o >= ${CO} AND (o - ${CO}) % ${MOD.direct} = ${MOD.earlyNoContactRole} THEN 'Qualification'
                     WHEN o >= ${CO} AND (o - ${CO}) % ${MOD.direct} = ${MOD.lostNoContactRole} THEN 'Closed Lost'
                     -- planted missing campaigns sit on a stage the rule does not exempt (Campaign_Exempt_Stages__c)
                     WHEN o >= ${CO} AND (o - ${CO}) % ${MOD.direct} = ${MOD.missingCampaign} THEN 'Proposal/Quote'
                     WHEN o < ${CO} AND conv_r(o) = ${MOD.convertedLostCampaign} THEN 'Qualification'
                     ELSE stage_pick(o) END AS stage,
                CASE WHEN o < ${CO} THEN CAST(converted_date(o) AS TIMESTAMP) + to_seconds((hash(o, ${seed}, 48) % 80000)::BIGINT)
                     ELSE lead_created(o + ${2 * N}) END AS created
                FROM range(${nOpp}) t(o))`,
        OpportunityContactRole: `SELECT ref_opportunitycontactrole(r) AS Id, ref_opportunity(o) AS OpportunityId,
            CASE WHEN k = 0 AND o < ${CO} THEN ref_contact(o)
                 WHEN k = 0 THEN direct_contact(o - ${CO})
                 WHEN o < ${CO} THEN direct_contact(o + k)
                 ELSE direct_contact(o - ${CO} + 1 + k) END AS ContactId,
            CASE WHEN k = 0 THEN coalesce(persona_role(CASE WHEN o < ${CO} THEN lead_persona(o) ELSE lead_persona(o + ${2 * N}) END), 'Decision Maker')
                 ELSE ${pick(['Influencer', 'Technical Buyer', 'Business User', 'Evaluator'], `hash(r, ${seed}, 52)`)} END AS Role,
            k = 0 AS IsPrimary
            FROM (SELECT r, r % ${nOpp} AS o, r // ${nOpp} AS k FROM range(${plan.blocks.ocrSlots}) t(r)) WHERE NOT ${ocrNoRole}`,
        CampaignMember: `SELECT ref_campaignmember(r) AS Id,
            CASE WHEN r < ${N} THEN campaign_pick(r, 20) WHEN r < ${N + L2} THEN campaign_pick(r - ${N}, 21) ELSE campaign_pick(r, 22) END AS CampaignId,
            CASE WHEN r < ${N + L2} THEN ref_lead(li) END AS LeadId,
            CASE WHEN r >= ${N + L2} THEN direct_contact(r - ${N + L2}) WHEN li < ${C} THEN ref_contact(li) END AS ContactId,
            CASE WHEN responded THEN 'Responded' ELSE 'Sent' END AS Status, responded AS HasResponded,
            CASE WHEN responded THEN ${ymd('CAST(created AS DATE)')} END AS FirstRespondedDate,
            sf_dt(created) AS CreatedDate
            FROM (SELECT r, li,
                (li >= 0 AND li < ${C}) OR hash(r, ${seed}, 53) % 2 = 0 AS responded,
                CASE WHEN r < ${N} THEN lead_created(li)
                     WHEN r < ${N + L2} THEN lead_created(li) + to_seconds((1 + hash(r, ${seed}, 54) % 86000)::BIGINT)
                     ELSE lead_created(r) END AS created
                FROM (SELECT r, CASE WHEN r < ${N} THEN r WHEN r < ${N + L2} THEN r - ${N} ELSE -1 END AS li FROM range(${rows.CampaignMember ?? 0}) t(r)))`
    };
}

/** Objects in the order they are written. */
export const OBJECT_ORDER = [
    'Account',
    'Campaign',
    'Lead',
    'Contact',
    'Opportunity',
    'OpportunityContactRole',
    'CampaignMember'
];
