/**
 * A small deterministic mock org for the org-source tests: the audit's objects with generated records, including
 * values that stress CSV quoting (commas, quotes, newlines), nulls, booleans and REST-style datetimes.
 */
import type { MockField, MockObject, MockValue } from './mock-server.js';

export const TOKEN = '00DMOCK!AQ4AQFakeAccessTokenThatMustNeverBePrinted.x7Yz';

const UTM = ['UTM_Source__c', 'UTM_Medium__c', 'UTM_Campaign__c', 'UTM_Term__c', 'UTM_Content__c'];
export const LEAD_SOURCES = ['Web', 'Webinar', 'Event', 'Outbound', 'Partner Referral'];
const INACTIVE_SOURCE = 'Purchased List';

export function sfId(prefix: string, i: number): string {
    return `${prefix}${String(i).padStart(12, '0')}AAA`;
}

const day = (i: number): string =>
    `2026-${String((i % 9) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
const dateTime = (i: number): string => `${day(i)}T${String(i % 24).padStart(2, '0')}:15:00.000+0000`;

function fields(names: string[], custom: boolean): MockField[] {
    return names
        .filter((n) => custom || !n.endsWith('__c'))
        .map((name) =>
            name === 'LeadSource'
                ? {
                      name,
                      type: 'picklist',
                      picklistValues: [
                          ...LEAD_SOURCES.map((value) => ({ value, active: true })),
                          { value: INACTIVE_SOURCE, active: false }
                      ]
                  }
                : { name }
        );
}

export type OrgShape = {
    leads?: number;
    contacts?: number;
    opportunities?: number;
    /** Custom fields (Persona__c, UTM_*, MQL/SQL dates) deployed? */
    customFields?: boolean;
    /** Attribution_Rules__mdt with a Default record? */
    rules?: boolean;
    opportunityHistory?: boolean;
    /** User, CampaignInfluenceModel, CampaignInfluence, OpportunityFieldHistory and LeadHistory present? */
    extended?: boolean;
};

const OWNER = (i: number): string => sfId('005', i % 3);

export function leadRecord(i: number): Record<string, MockValue> {
    const converted = i % 3 === 0;
    return {
        Id: sfId('00Q', i),
        IsConverted: converted,
        ConvertedDate: converted ? day(i) : null,
        ConvertedAccountId: converted ? sfId('001', i) : null,
        ConvertedContactId: converted ? sfId('003', i) : null,
        ConvertedOpportunityId: converted && i % 2 === 0 ? sfId('006', i) : null,
        LeadSource: i % 11 === 0 ? INACTIVE_SOURCE : (LEAD_SOURCES[i % LEAD_SOURCES.length] ?? null),
        Status: converted ? 'Converted' : i % 2 ? 'Working' : 'Open',
        Email: i % 7 === 0 ? null : `lead${i % 500}@example.com`,
        CreatedDate: dateTime(i),
        LastActivityDate: i % 4 === 0 ? null : day(i + 3),
        Persona__c: i % 5 === 0 ? null : 'Champion',
        UTM_Source__c: i % 2 ? 'google' : null,
        UTM_Medium__c: 'cpc',
        UTM_Campaign__c: `spring, "launch" ${i % 4}`,
        UTM_Term__c: null,
        UTM_Content__c: i % 10 === 0 ? 'line one\nline two' : 'ad-1',
        MQL_Date__c: i % 2 ? day(i) : null,
        SQL_Date__c: converted ? day(i) : null,
        Name: `Lead ${i}`,
        OwnerId: OWNER(i),
        HasOptedOutOfEmail: i % 9 === 0,
        DoNotCall: false
    };
}

function object(
    name: string,
    names: string[],
    count: number,
    record: (i: number) => Record<string, MockValue>,
    custom: boolean
): MockObject {
    return { name, fields: fields(names, custom), count, record };
}

export function mockOrg(shape: OrgShape = {}): MockObject[] {
    const custom = shape.customFields ?? true;
    const leads = shape.leads ?? 120;
    const contacts = shape.contacts ?? 40;
    const opps = shape.opportunities ?? 30;
    const objects: MockObject[] = [
        object(
            'Lead',
            [
                'Id',
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
                ...UTM,
                'MQL_Date__c',
                'SQL_Date__c',
                'Company',
                'Name',
                'OwnerId',
                'HasOptedOutOfEmail',
                'DoNotCall'
            ],
            leads,
            leadRecord,
            custom
        ),
        object(
            'Contact',
            [
                'Id',
                'AccountId',
                'Email',
                'LeadSource',
                'Persona__c',
                ...UTM,
                'Name',
                'OwnerId',
                'HasOptedOutOfEmail',
                'DoNotCall'
            ],
            contacts,
            (i) => ({
                Id: sfId('003', i),
                AccountId: sfId('001', i % 10),
                Email: `contact${i}@example.com`,
                LeadSource: LEAD_SOURCES[i % LEAD_SOURCES.length] ?? null,
                Persona__c: 'Decision Maker',
                UTM_Source__c: null,
                UTM_Medium__c: null,
                UTM_Campaign__c: null,
                UTM_Term__c: null,
                UTM_Content__c: null,
                Name: `Contact ${i}`,
                OwnerId: OWNER(i),
                HasOptedOutOfEmail: false,
                DoNotCall: false
            }),
            custom
        ),
        object('Account', ['Id', 'Name'], 10, (i) => ({ Id: sfId('001', i), Name: `Account "${i}", Ltd` }), custom),
        object(
            'Opportunity',
            [
                'Id',
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
                ...UTM,
                'Name',
                'OwnerId'
            ],
            opps,
            (i) => ({
                Id: sfId('006', i),
                AccountId: sfId('001', i % 10),
                CampaignId: i % 4 === 0 ? null : sfId('701', i % 3),
                LeadSource: LEAD_SOURCES[i % LEAD_SOURCES.length] ?? null,
                StageName:
                    ['Qualification', 'Proposal/Quote', 'Negotiation', 'Closed Won', 'Closed Lost'][i % 5] ?? null,
                IsClosed: i % 5 >= 3,
                IsWon: i % 5 === 3,
                Amount: i % 6 === 0 ? null : 1000 * i + 0.5,
                CreatedDate: dateTime(i),
                CloseDate: day(i + 30),
                Persona__c: null,
                UTM_Source__c: null,
                UTM_Medium__c: null,
                UTM_Campaign__c: null,
                UTM_Term__c: null,
                UTM_Content__c: null,
                Name: `Opportunity ${i}`,
                OwnerId: OWNER(i)
            }),
            custom
        ),
        object(
            'OpportunityContactRole',
            ['Id', 'OpportunityId', 'ContactId', 'Role', 'IsPrimary'],
            Math.floor(opps * 1.5),
            (i) => ({
                Id: sfId('00K', i),
                OpportunityId: sfId('006', i % opps),
                ContactId: sfId('003', i % contacts),
                Role: i % 4 === 0 ? null : 'Decision Maker',
                IsPrimary: i < opps
            }),
            custom
        ),
        object(
            'Campaign',
            ['Id', 'Name', 'Type'],
            3,
            (i) => ({ Id: sfId('701', i), Name: `Campaign ${i}`, Type: 'Webinar' }),
            custom
        ),
        object(
            'CampaignMember',
            ['Id', 'CampaignId', 'LeadId', 'ContactId', 'Status', 'HasResponded', 'FirstRespondedDate', 'CreatedDate'],
            50,
            (i) => ({
                Id: sfId('00v', i),
                CampaignId: sfId('701', i % 3),
                LeadId: i % 2 ? sfId('00Q', i) : null,
                ContactId: i % 2 ? null : sfId('003', i % contacts),
                Status: i % 3 ? 'Responded' : 'Sent',
                HasResponded: i % 3 !== 0,
                FirstRespondedDate: i % 3 ? day(i) : null,
                CreatedDate: dateTime(i)
            }),
            custom
        ),
        object(
            'LeadStatus',
            ['Id', 'MasterLabel', 'ApiName', 'IsConverted', 'SortOrder'],
            5,
            (i) => ({
                Id: sfId('01J', i),
                MasterLabel: ['Open', 'Working', 'Nurturing', 'Converted', 'Disqualified'][i] ?? null,
                ApiName: ['Open', 'Working', 'Nurturing', 'Converted', 'Disqualified'][i] ?? null,
                IsConverted: i === 3,
                SortOrder: i + 1
            }),
            custom
        )
    ];
    if (shape.opportunityHistory) {
        objects.push(
            object(
                'OpportunityHistory',
                ['Id', 'OpportunityId', 'StageName', 'CreatedDate'],
                opps * 2,
                (i) => ({
                    Id: sfId('008', i),
                    OpportunityId: sfId('006', i % opps),
                    StageName: i < opps ? 'Qualification' : 'Proposal/Quote',
                    CreatedDate: dateTime(i)
                }),
                custom
            )
        );
    }
    if (shape.extended) objects.push(...extendedObjects(opps, leads));
    if (shape.rules ?? true) {
        objects.push({
            name: 'Attribution_Rules__mdt',
            fields: [
                { name: 'Id' },
                { name: 'DeveloperName' },
                { name: 'Exempt_Lead_Sources__c' },
                { name: 'Stage_Order__c' },
                { name: 'Contact_Role_Required_Stage__c' },
                { name: 'Aged_Lead_Days__c' }
            ],
            count: 2,
            record: (i) => ({
                Id: sfId('m00', i),
                DeveloperName: i === 0 ? 'Default' : 'Other',
                Exempt_Lead_Sources__c: i === 0 ? 'Outbound; Partner Referral' : 'Web',
                Stage_Order__c: 'Qualification;Proposal/Quote;Negotiation;Closed Won',
                Contact_Role_Required_Stage__c: 'Negotiation',
                Aged_Lead_Days__c: 45
            })
        });
    }
    return objects;
}

/** The objects an org may lack: owners, Customizable Campaign Influence and field history. */
function extendedObjects(opps: number, leads: number): MockObject[] {
    const history = (parent: string, prefix: string, count: number, n: number): MockObject =>
        object(
            parent === 'OpportunityId' ? 'OpportunityFieldHistory' : 'LeadHistory',
            ['Id', parent, 'Field', 'DataType', 'OldValue', 'NewValue', 'CreatedById', 'CreatedDate'],
            n,
            (i) => ({
                Id: sfId('017', i),
                [parent]: sfId(prefix, i % count),
                Field: i % 5 === 4 ? 'StageName' : i % 2 ? 'LeadSource' : 'created', // StageName rows are not pulled
                DataType: i % 2 ? 'Picklist' : null,
                OldValue: i % 4 === 3 ? 'Web' : null,
                NewValue: i % 2 ? 'Event' : null,
                CreatedById: OWNER(i + 1),
                CreatedDate: dateTime(i)
            }),
            true
        );
    return [
        object(
            'User',
            ['Id', 'Name', 'Username'],
            3,
            (i) => ({ Id: sfId('005', i), Name: `User ${i}`, Username: `u${i}@example.com` }),
            true
        ),
        object(
            'CampaignInfluenceModel',
            ['Id', 'DeveloperName', 'MasterLabel', 'IsDefaultModel'],
            2,
            (i) => ({
                Id: sfId('03M', i),
                DeveloperName: i === 0 ? 'primaryModel' : 'Even_Split',
                MasterLabel: i === 0 ? 'Primary Campaign Source Model' : 'Even Split',
                IsDefaultModel: i === 0
            }),
            true
        ),
        object(
            'CampaignInfluence',
            ['Id', 'OpportunityId', 'CampaignId', 'ModelId', 'ContactId', 'Influence'],
            opps,
            (i) => ({
                Id: sfId('0Dc', i),
                OpportunityId: sfId('006', i),
                CampaignId: sfId('701', i % 3),
                ModelId: sfId('03M', i % 2),
                ContactId: null,
                Influence: 100
            }),
            true
        ),
        history('OpportunityId', '006', opps, opps * 2),
        history('LeadId', '00Q', leads, 40)
    ];
}

/** Parses Bulk-style CSV (quoted fields, doubled quotes, embedded newlines) into rows of strings/nulls (empty unquoted = null). */
export function parseCsv(text: string): (string | null)[][] {
    const rows: (string | null)[][] = [];
    let row: (string | null)[] = [];
    let field = '';
    let quoted = false;
    let inQuotes = false;
    let any = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (inQuotes) {
            if (ch === '"' && text[i + 1] === '"') {
                field += '"';
                i++;
            } else if (ch === '"') inQuotes = false;
            else field += ch;
        } else if (ch === '"') {
            inQuotes = true;
            quoted = true;
            any = true;
        } else if (ch === ',') {
            row.push(quoted || field ? field : null);
            field = '';
            quoted = false;
        } else if (ch === '\n') {
            row.push(quoted || field ? field : null);
            rows.push(row);
            row = [];
            field = '';
            quoted = false;
            any = false;
        } else {
            field += ch;
            any = true;
        }
    }
    if (any || row.length > 0) {
        row.push(quoted || field ? field : null);
        rows.push(row);
    }
    return rows;
}
