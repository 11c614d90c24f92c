/**
 * Generates the bundled sample snapshot (`npx tsx data/sample-snapshot/generate.ts`): a small, realistic export of
 * a B2B org in Bulk API 2.0 CSV shape (every value quoted, empty for null, ISO datetimes with `Z`), with valid
 * 18-character Ids and planted defects of known counts for every audit check (listed in README.md and asserted by
 * test/audit/sample.test.ts). Deterministic: a seeded PRNG, no clock.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extend } from './extended.js';
import {
    AS_OF,
    COMPANIES,
    FIRST,
    LAST,
    MARKETING_SOURCES,
    PERSONAS,
    UTM,
    date,
    prng,
    sfId,
    ts,
    writeCsv,
    type Row
} from './lib.js';

const OUT = path.dirname(fileURLToPath(import.meta.url));

const rand = prng(20261122);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)] as T;

const campaigns: Row[] = [
    ['2026 Q3 Webinar: Attribution 101', 'Webinar'],
    ['2026 Q3 Paid Search - Brand', 'Advertisement'],
    ['2026 Q3 LinkedIn Sponsored', 'Advertisement'],
    ['Dreamforce 2026 Booth', 'Conference'],
    ['2026 Q4 Webinar: RevOps Funnel', 'Webinar'],
    ['Partner Co-Marketing Q4', 'Partners'],
    ['Content Syndication - Analyst Report', 'Other'],
    ['Customer Referral Program', 'Referral Program']
].map(([name, type], i) => ({ Id: sfId('701', i), Name: name ?? '', Type: type ?? '' }));
const campaignFor = (source: string): Row => {
    const byName: Record<string, number> = {
        Webinar: 0,
        'Paid Search': 1,
        'Paid Social': 2,
        Event: 3,
        'Partner Referral': 5,
        'Content Syndication': 6,
        'Customer Referral': 7
    };
    return campaigns[byName[source] ?? 4] as Row;
};

const accounts: Row[] = Array.from({ length: 36 }, (_, i) => ({
    Id: sfId('001', i),
    Name: `${COMPANIES[i % COMPANIES.length]} ${['Inc', 'Ltd', 'GmbH'][i % 3]} ${i + 1}`
}));
const leads: Row[] = [];
const contacts: Row[] = [];
const opps: Row[] = [];
const ocrs: Row[] = [];
const members: Row[] = [];

function person(i: number): { first: string; last: string; email: string } {
    const first = FIRST[i % FIRST.length] ?? 'Ann';
    const last = LAST[(i * 7) % LAST.length] ?? 'Lee';
    return {
        first,
        last,
        email: `${first}.${last}${i}@${(COMPANIES[i % COMPANIES.length] ?? 'x').toLowerCase().replace(/\s/g, '')}.example.com`.toLowerCase()
    };
}
function utm(source: string, campaign: string, i: number): Row {
    const medium =
        { 'Paid Search': 'cpc', 'Paid Social': 'paid-social', Webinar: 'email', Event: 'event' }[source] ?? 'referral';
    return {
        UTM_Source__c: ['google', 'linkedin', 'newsletter', 'partner'][i % 4] ?? 'google',
        UTM_Medium__c: medium,
        UTM_Campaign__c: campaign.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
        UTM_Term__c: i % 3 === 0 ? 'attribution software' : '',
        UTM_Content__c: `variant-${(i % 2) + 1}`
    };
}
function member(
    campaign: Row,
    who: { LeadId?: string; ContactId?: string },
    responded: boolean,
    daysBefore: number
): void {
    members.push({
        Id: sfId('00v', members.length),
        CampaignId: campaign.Id ?? '',
        LeadId: who.LeadId ?? '',
        ContactId: who.ContactId ?? '',
        Status: responded ? 'Responded' : 'Sent',
        HasResponded: String(responded),
        FirstRespondedDate: responded ? date(daysBefore) : '',
        CreatedDate: ts(daysBefore + 2)
    });
}
function ocr(oppId: string, contactId: string, role: string, primary: boolean): void {
    ocrs.push({
        Id: sfId('00K', ocrs.length),
        OpportunityId: oppId,
        ContactId: contactId,
        Role: role,
        IsPrimary: String(primary)
    });
}
const STAGES: [string, boolean, boolean][] = [
    ['Closed Won', true, true],
    ['Closed Won', true, true],
    ['Closed Lost', true, false],
    ['Negotiation', false, false],
    ['Proposal/Quote', false, false],
    ['Qualification', false, false]
];

// 1. Converted Leads (60), each with Contact, Opportunity (fields carried over) and a Contact Role.
for (let i = 0; i < 60; i++) {
    const p = person(i);
    const source = MARKETING_SOURCES[i % MARKETING_SOURCES.length] ?? 'Web';
    const camp = campaignFor(source);
    const acct = accounts[i % accounts.length] as Row;
    const leadId = sfId('00Q', leads.length);
    const contactId = sfId('003', contacts.length);
    const oppId = sfId('006', opps.length);
    const created = 200 - i * 2;
    const fields: Row = {
        LeadSource: source,
        Persona__c: PERSONAS[i % PERSONAS.length] ?? '',
        ...utm(source, camp.Name ?? '', i)
    };
    leads.push({
        Id: leadId,
        FirstName: p.first,
        LastName: p.last,
        Company: acct.Name ?? '',
        Email: p.email,
        Status: 'Converted',
        IsConverted: 'true',
        ConvertedDate: date(created - 20),
        ConvertedAccountId: acct.Id ?? '',
        ConvertedContactId: contactId,
        ConvertedOpportunityId: oppId,
        CreatedDate: ts(created),
        LastActivityDate: date(created - 20),
        MQL_Date__c: date(created - 5),
        SQL_Date__c: date(created - 20),
        ...fields
    });
    contacts.push({
        Id: contactId,
        AccountId: acct.Id ?? '',
        FirstName: p.first,
        LastName: p.last,
        Email: p.email,
        ...fields
    });
    const [stage, closed, won] = STAGES[i % STAGES.length] ?? ['Qualification', false, false];
    opps.push({
        Id: oppId,
        AccountId: acct.Id ?? '',
        Name: `${acct.Name} - Platform`,
        CampaignId: camp.Id ?? '',
        StageName: stage,
        IsClosed: String(closed),
        IsWon: String(won),
        Amount: String(10_000 + Math.round(rand() * 90) * 1000),
        CreatedDate: ts(created - 20),
        CloseDate: date(created - 80),
        ...fields
    });
    ocr(oppId, contactId, '', true);
    member(camp, { LeadId: leadId, ContactId: contactId }, true, created - 1);
    // An earlier, unanswered nurture email (one membership per Lead and campaign, as Salesforce enforces).
    if (i % 4 === 0 && camp !== campaigns[4]) member(campaigns[4] as Row, { LeadId: leadId }, false, created + 10);
}
const convertedOpp = (i: number): Row => opps[i] as Row;
// Planted: lost Lead Source (converted 0–2), Persona (3–6), UTM (7–9), campaign (10–11).
convertedOpp(0).LeadSource = '';
convertedOpp(1).LeadSource = '';
convertedOpp(2).LeadSource = 'Web'; // the Lead says Event: a different governed value
convertedOpp(3).Persona__c = '';
convertedOpp(4).Persona__c = '';
convertedOpp(5).Persona__c = '';
convertedOpp(6).Persona__c = convertedOpp(6).Persona__c === 'Champion' ? 'Influencer' : 'Champion';
convertedOpp(7).UTM_Source__c = '';
convertedOpp(8).UTM_Source__c = '';
convertedOpp(9).UTM_Campaign__c = 'renamed-campaign';
convertedOpp(10).CampaignId = '';
convertedOpp(11).CampaignId = '';

// 2. Existing Contacts (40) and direct Opportunities (30) with Contact Roles.
for (let i = 0; i < 40; i++) {
    const p = person(100 + i);
    const acct = accounts[i % accounts.length] as Row;
    const source =
        i < 3
            ? (['web', 'Partner', 'Trade Show'][i] ?? '')
            : (MARKETING_SOURCES[(i * 5) % MARKETING_SOURCES.length] ?? 'Web');
    contacts.push({
        Id: sfId('003', contacts.length),
        AccountId: acct.Id ?? '',
        FirstName: p.first,
        LastName: p.last,
        Email: p.email,
        LeadSource: source,
        Persona__c: PERSONAS[i % PERSONAS.length] ?? ''
    });
}
for (let i = 0; i < 30; i++) {
    const acct = accounts[(i * 5) % accounts.length] as Row;
    const contact = contacts[60 + (i % 40)] as Row;
    const outbound = i >= 25; // 5 Outbound (exempt) without campaign
    let source = outbound ? 'Outbound' : (MARKETING_SOURCES[(i * 2) % MARKETING_SOURCES.length] ?? 'Web');
    let campaignId = outbound ? '' : (campaignFor(source).Id ?? '');
    if (i < 4) campaignId = ''; // planted: missing Primary Campaign Source on a non-exempt Lead Source
    if (i === 4 || i === 5) [source, campaignId] = ['', '']; // planted: no Lead Source, no campaign
    if (i === 6) source = 'Organic search'; // planted drift (campaign set)
    const [stage, closed, won] = STAGES[(i + 1) % STAGES.length] ?? ['Qualification', false, false];
    const oppId = sfId('006', opps.length);
    opps.push({
        Id: oppId,
        AccountId: acct.Id ?? '',
        Name: `${acct.Name} - Expansion ${i + 1}`,
        CampaignId: campaignId,
        LeadSource: source,
        StageName: stage,
        IsClosed: String(closed),
        IsWon: String(won),
        Amount: String(5_000 + Math.round(rand() * 60) * 1000),
        CreatedDate: ts(150 - i * 3),
        CloseDate: date(60 - i * 2),
        Persona__c: contact.Persona__c ?? ''
    });
    if (i >= 10 && i < 15) continue; // planted: no Contact Role
    ocr(oppId, contact.Id ?? '', 'Decision Maker', true);
    if (i % 3 === 0) ocr(oppId, (contacts[60 + ((i + 7) % 40)] as Row).Id ?? '', 'Technical Buyer', false);
}

// 3. Unconverted Leads (180) with planted duplicates, Contact matches, aged open Leads, drift and status mismatches.
const OPEN = ['Open', 'Working', 'Nurturing', 'Disqualified'];
for (let i = 0; i < 180; i++) {
    const p = person(300 + i);
    const status = OPEN[i % OPEN.length] ?? 'Open';
    const source = MARKETING_SOURCES[(i * 7) % MARKETING_SOURCES.length] ?? 'Web';
    const recent = 2 + (i % 25); // within the 30-day window
    const id = sfId('00Q', leads.length);
    leads.push({
        Id: id,
        FirstName: p.first,
        LastName: p.last,
        Company: pick(COMPANIES),
        Email: p.email,
        Status: status,
        IsConverted: 'false',
        CreatedDate: ts(recent + 2),
        LastActivityDate: i % 2 === 0 ? date(recent) : '',
        LeadSource: source,
        Persona__c: i % 5 === 0 ? '' : (PERSONAS[i % PERSONAS.length] ?? ''),
        MQL_Date__c: status === 'Working' || (status === 'Nurturing' && i % 3 === 0) ? date(recent) : '',
        SQL_Date__c: '',
        ...utm(source, campaignFor(source).Name ?? '', i)
    });
    if (i % 3 === 0) member(campaignFor(source), { LeadId: id }, i % 2 === 0, recent);
    if (i < 18 && created(i)) leads[leads.length - 1] = { ...(leads[leads.length - 1] as Row), ...created(i) };
}
/** Ages for the planted aged open Leads (unconverted 0–8 are open with old dates; 9 sits exactly on the boundary). */
function created(i: number): Row | undefined {
    if (i > 9) return undefined;
    const days = i === 9 ? 30 : 45 + i * 12;
    return {
        Status: (['Open', 'Working', 'Nurturing'] as const)[i % 3] ?? 'Open',
        CreatedDate: ts(days + 40),
        LastActivityDate: date(days),
        MQL_Date__c: ''
    };
}
const unconverted = (i: number): Row => leads[60 + i] as Row;
// Planted duplicates among unconverted Leads 20–26: a pair, a triple (case/space variants) and a pair.
unconverted(21).Email = unconverted(20).Email ?? '';
unconverted(23).Email = ` ${(unconverted(22).Email ?? '').toUpperCase()}`;
unconverted(24).Email = `${unconverted(22).Email ?? ''} `.replace(/^./, (c) => c.toUpperCase());
unconverted(26).Email = unconverted(25).Email ?? '';
// Planted Contact matches among unconverted Leads 30–33 (33 is a re-submitted, already converted Lead).
for (const [k, c] of [
    [30, 61],
    [31, 75],
    [32, 90],
    [33, 12]
] as const)
    unconverted(k).Email = (contacts[c]?.Email ?? '').toUpperCase();
// Planted drift on unconverted Leads 40–48.
[
    'webinar',
    'webinar',
    'webinar',
    'Webinar ',
    'Webinar ',
    'paid-search',
    'Paid search',
    'Trade Show',
    'Purchased List'
].forEach((v, k) => (unconverted(40 + k).LeadSource = v));
// Outbound (sales-prospected) Leads beside the inbound ones: governed and exempt from the campaign rule, no UTM; picked
// among Leads with no campaign membership, no Persona and no planted defect.
for (const k of [100, 115, 140, 155, 160]) {
    unconverted(k).LeadSource = 'Outbound';
    for (const f of UTM) unconverted(k)[f] = '';
}
// Planted status mismatches: a converted Status on unconverted Leads 50–52.
['Converted', 'Converted', 'Closed - Converted'].forEach((v, k) =>
    Object.assign(unconverted(50 + k), { Status: v, MQL_Date__c: '' })
);

// Owners, consent, campaign influence and field history (extended.ts): new columns and files only.
const extra = extend({ leads, contacts, opps, members, campaigns });

const LEAD_FIELDS = [
    'Id',
    'FirstName',
    'LastName',
    'Company',
    'Email',
    'LeadSource',
    'Status',
    'IsConverted',
    'ConvertedDate',
    'ConvertedAccountId',
    'ConvertedContactId',
    'ConvertedOpportunityId',
    'CreatedDate',
    'LastActivityDate',
    'Persona__c',
    ...UTM,
    'MQL_Date__c',
    'SQL_Date__c'
];
writeCsv(OUT, 'Lead', [...LEAD_FIELDS, ...extra.columns.Lead], leads);
writeCsv(
    OUT,
    'Contact',
    ['Id', 'AccountId', 'FirstName', 'LastName', 'Email', 'LeadSource', 'Persona__c', ...UTM, ...extra.columns.Contact],
    contacts
);
writeCsv(OUT, 'Account', ['Id', 'Name'], accounts);
writeCsv(
    OUT,
    'Opportunity',
    [
        'Id',
        'AccountId',
        'Name',
        'CampaignId',
        'LeadSource',
        'StageName',
        'IsClosed',
        'IsWon',
        'Amount',
        'CreatedDate',
        'CloseDate',
        'Persona__c',
        ...UTM,
        ...extra.columns.Opportunity
    ],
    opps
);
writeCsv(OUT, 'OpportunityContactRole', ['Id', 'OpportunityId', 'ContactId', 'Role', 'IsPrimary'], ocrs);
writeCsv(OUT, 'Campaign', ['Id', 'Name', 'Type'], campaigns);
writeCsv(
    OUT,
    'CampaignMember',
    ['Id', 'CampaignId', 'LeadId', 'ContactId', 'Status', 'HasResponded', 'FirstRespondedDate', 'CreatedDate'],
    members
);
writeCsv(
    OUT,
    'LeadStatus',
    ['Id', 'MasterLabel', 'ApiName', 'IsConverted'],
    ['Open', 'Working', 'Nurturing', 'Converted', 'Disqualified'].map((s, i) => ({
        Id: sfId('01J', i),
        MasterLabel: s,
        ApiName: s,
        IsConverted: String(s === 'Converted')
    }))
);
for (const file of extra.files) writeCsv(OUT, file.object, file.header, file.rows);
console.log(
    `sample snapshot: ${leads.length} Leads, ${contacts.length} Contacts, ${opps.length} Opportunities, ${ocrs.length} Contact Roles, ${members.length} Campaign Members → ${OUT}`
);
