/**
 * Semantic mutants: small, plausible edits of the real flow XML that still load and run. Each scenario must pass on
 * the shipped flows and fail on its mutant — otherwise the scenario tests would not notice that regression.
 */
import { describe, expect, it } from 'vitest';
import { convertLead, Database } from '../../src/flow-sim/index.js';
import type { LoadedFlow } from '../../src/flow-sim/flow-schema.js';
import { campaign, contact, CUSTOM_METADATA, FLOWS, mutateFlow, opportunity } from './helpers.js';

interface Mutant {
    readonly name: string;
    readonly flow: string;
    readonly from: string;
    readonly to: string;
    /** Throws when the behaviour the mutant breaks is wrong. */
    readonly scenario: (flows: LoadedFlow[]) => void;
}

const db = (flows: LoadedFlow[]): Database => new Database({ flows, customMetadata: CUSTOM_METADATA });

const LONG_AGO = '2026-06-01T10:00:00.000Z';

/** A lead who responded to a webinar (on `responded`) and was later added, unresponded, to a mailing. */
function respondedLead(d: Database, responded = '2026-11-01'): { lead: string; webinar: string; mailing: string } {
    const [webinar = '', mailing = ''] = ['Webinar', 'Mailing'].map((n) => campaign(d, n));
    const [lead = ''] = d.seed('Lead', [
        { LastName: 'M', Company: 'M', Status: 'Working', LeadSource: 'Web', UTM_Source__c: 'bing' }
    ]);
    d.seed('CampaignMember', [
        {
            CampaignId: webinar,
            LeadId: lead,
            HasResponded: true,
            FirstRespondedDate: responded,
            CreatedDate: '2025-01-01T00:00:00.000Z'
        },
        { CampaignId: mailing, LeadId: lead, HasResponded: false, CreatedDate: '2026-11-10T00:00:00.000Z' }
    ]);
    return { lead, webinar, mailing };
}

/** Adds a primary role for a contact who responded on `responded`; returns the opportunity's CampaignId. */
function respondedContactRole(d: Database, responded: string, leadSource: string): unknown {
    const person = contact(d);
    d.seed('CampaignMember', [
        { CampaignId: campaign(d, 'C'), ContactId: person, HasResponded: true, FirstRespondedDate: responded }
    ]);
    const opp = opportunity(d, { LeadSource: leadSource });
    d.insert('OpportunityContactRole', [{ OpportunityId: opp, ContactId: person, IsPrimary: true }]);
    return d.get('Opportunity', opp).CampaignId;
}

const MUTANTS: Mutant[] = [
    {
        name: 'gate compares stage positions with > instead of >=',
        flow: 'Opportunity_Contact_Role_Gate',
        from: '&quot;;&quot;) &gt;= FIND(',
        to: '&quot;;&quot;) &gt; FIND(',
        scenario: (flows) => {
            const d = db(flows);
            const opp = opportunity(d);
            expect(() => d.update('Opportunity', [{ Id: opp, StageName: 'Proposal/Quote' }])).toThrow(
                /Add at least one Contact Role/
            );
        }
    },
    {
        name: 'responded members sorted oldest first',
        flow: 'Lead_After_Conversion',
        from: '<sortOrder>Desc</sortOrder>',
        to: '<sortOrder>Asc</sortOrder>',
        scenario: (flows) => {
            const d = db(flows);
            const [first = '', second = '', mailing = ''] = ['First', 'Second', 'Mailing'].map((n) => campaign(d, n));
            const [lead = ''] = d.seed('Lead', [
                { LastName: 'Tie', Company: 'T', Status: 'Working', LeadSource: 'Web' }
            ]);
            d.seed('CampaignMember', [
                {
                    CampaignId: first,
                    LeadId: lead,
                    HasResponded: true,
                    FirstRespondedDate: '2026-10-01',
                    CreatedDate: '2026-08-01T00:00:00.000Z'
                },
                {
                    CampaignId: second,
                    LeadId: lead,
                    HasResponded: true,
                    FirstRespondedDate: '2026-10-01',
                    CreatedDate: '2026-08-02T00:00:00.000Z'
                },
                { CampaignId: mailing, LeadId: lead, HasResponded: false, CreatedDate: '2026-11-01T00:00:00.000Z' }
            ]);
            const result = convertLead(d, { leadId: lead, convertedStatus: 'Converted' });
            expect(d.get('Opportunity', result.opportunityId ?? '').CampaignId).toBe(second);
        }
    },
    {
        name: 'contact UTM source overwritten instead of filled',
        flow: 'Lead_After_Conversion',
        from: 'BLANKVALUE({!Get_Converted_Contact.UTM_Source__c}, {!$Record.UTM_Source__c})',
        to: 'BLANKVALUE({!$Record.UTM_Source__c}, {!Get_Converted_Contact.UTM_Source__c})',
        scenario: (flows) => {
            const d = db(flows);
            const existing = contact(d, { UTM_Source__c: 'google' });
            const [lead = ''] = d.seed('Lead', [
                { LastName: 'M', Company: 'M', Status: 'Working', LeadSource: 'Web', UTM_Source__c: 'bing' }
            ]);
            convertLead(d, { leadId: lead, contactId: existing, convertedStatus: 'Converted' });
            expect(d.get('Contact', existing).UTM_Source__c).toBe('google');
        }
    },
    {
        name: 'MQL date restamped when the status comes back',
        flow: 'Lead_Funnel_Stamps',
        from: 'AND(ISBLANK({!$Record.MQL_Date__c}), NOT(ISBLANK(TEXT({!$Record.Status}))),',
        to: 'AND(NOT(ISBLANK(TEXT({!$Record.Status}))),',
        scenario: (flows) => {
            const d = db(flows);
            const [lead = ''] = d.seed('Lead', [
                { LastName: 'R', Company: 'R', Status: 'Open', MQL_Date__c: '2026-01-01' }
            ]);
            d.update('Lead', [{ Id: lead, Status: 'Working' }]);
            expect(d.get('Lead', lead).MQL_Date__c).toBe('2026-01-01');
        }
    },
    {
        name: 'auto-association ignores whether the member responded',
        flow: 'Opportunity_Campaign_Auto_Association',
        from: '<field>HasResponded</field>\n            <operator>EqualTo</operator>',
        to: '<field>HasResponded</field>\n            <operator>NotEqualTo</operator>',
        scenario: (flows) => {
            const d = db(flows);
            const person = contact(d);
            const [responded = '', ignored = ''] = ['Responded', 'Ignored'].map((n) => campaign(d, n));
            d.seed('CampaignMember', [
                { CampaignId: responded, ContactId: person, HasResponded: true, FirstRespondedDate: '2026-10-01' },
                { CampaignId: ignored, ContactId: person, HasResponded: false, FirstRespondedDate: null }
            ]);
            const opp = opportunity(d);
            d.insert('OpportunityContactRole', [{ OpportunityId: opp, ContactId: person, IsPrimary: true }]);
            expect(d.get('Opportunity', opp).CampaignId).toBe(responded);
        }
    },
    {
        name: 'delete guard counts the role being deleted as a remaining one',
        flow: 'Opportunity_Contact_Role_Delete_Guard',
        from: '<operator>NotEqualTo</operator>',
        to: '<operator>EqualTo</operator>',
        scenario: (flows) => {
            const d = db(flows);
            const opp = opportunity(d, { StageName: 'Negotiation' });
            const roles = d.seed('OpportunityContactRole', [{ OpportunityId: opp, ContactId: contact(d) }]);
            expect(() => d.delete('OpportunityContactRole', roles)).toThrow(/last Contact Role/);
        }
    },
    {
        name: 'conversion replaces the campaign of an existing opportunity',
        flow: 'Lead_After_Conversion',
        from: 'OR(ISBLANK({!Get_Converted_Opportunity.CampaignId}), AND(',
        to: 'OR(NOT(ISBLANK({!Best_Campaign_Id})), AND(',
        scenario: (flows) => {
            const d = db(flows);
            const { lead } = respondedLead(d);
            const chosen = campaign(d, 'Chosen');
            const opp = opportunity(d, { CampaignId: chosen, CreatedDate: LONG_AGO, LastModifiedDate: LONG_AGO });
            convertLead(d, { leadId: lead, opportunityId: opp, convertedStatus: 'Converted' });
            expect(d.get('Opportunity', opp).CampaignId).toBe(chosen);
        }
    },
    {
        name: 'conversion treats any recently edited opportunity as new (no native-campaign check)',
        flow: 'Lead_After_Conversion',
        from: 'AND({!Get_Converted_Opportunity.CampaignId} = {!Native_Campaign_Id}, ',
        to: 'AND(',
        scenario: (flows) => {
            const d = db(flows);
            const { lead } = respondedLead(d);
            const chosen = campaign(d, 'Chosen');
            const opp = opportunity(d, { CampaignId: chosen });
            convertLead(d, { leadId: lead, opportunityId: opp, convertedStatus: 'Converted' });
            expect(d.get('Opportunity', opp).CampaignId).toBe(chosen);
        }
    },
    {
        name: 'existing opportunity UTM source overwritten instead of filled',
        flow: 'Lead_After_Conversion',
        from: 'BLANKVALUE({!Get_Converted_Opportunity.UTM_Source__c}, {!$Record.UTM_Source__c})',
        to: 'BLANKVALUE({!$Record.UTM_Source__c}, {!Get_Converted_Opportunity.UTM_Source__c})',
        scenario: (flows) => {
            const d = db(flows);
            const { lead } = respondedLead(d);
            const opp = opportunity(d, { UTM_Source__c: 'google' });
            convertLead(d, { leadId: lead, opportunityId: opp, convertedStatus: 'Converted' });
            expect(d.get('Opportunity', opp).UTM_Source__c).toBe('google');
        }
    },
    {
        name: 'conversion ignores the lookback window',
        flow: 'Lead_After_Conversion',
        from: '{!Loop_Member.FirstRespondedDate} &gt;= {!$Record.ConvertedDate} - BLANKVALUE',
        to: '{!Loop_Member.FirstRespondedDate} &lt;= {!$Record.ConvertedDate} + BLANKVALUE',
        scenario: (flows) => {
            const d = db(flows);
            const { lead, mailing } = respondedLead(d, '2025-01-10');
            const result = convertLead(d, { leadId: lead, convertedStatus: 'Converted' });
            expect(d.get('Opportunity', result.opportunityId ?? '').CampaignId).toBe(mailing);
        }
    },
    {
        name: 'auto-association credits exempt (sales-sourced) opportunities',
        flow: 'Opportunity_Campaign_Auto_Association',
        from: '<leftValueReference>Is_Exempt_Source</leftValueReference>\n                <operator>EqualTo</operator>',
        to: '<leftValueReference>Is_Exempt_Source</leftValueReference>\n                <operator>NotEqualTo</operator>',
        scenario: (flows) => {
            const d = db(flows);
            expect(respondedContactRole(d, '2026-11-01', 'Outbound')).toBeNull();
            expect(respondedContactRole(d, '2026-11-01', 'Web')).not.toBeNull();
        }
    },
    {
        name: 'auto-association window boundary off by one day',
        flow: 'Opportunity_Campaign_Auto_Association',
        from: '&gt;= DATEVALUE({!Get_Opportunity.CreatedDate}) - BLANKVALUE',
        to: '&gt; DATEVALUE({!Get_Opportunity.CreatedDate}) - BLANKVALUE',
        scenario: (flows) => {
            // opportunities seed on 2026-11-22; 180 days earlier is 2026-05-26
            expect(respondedContactRole(db(flows), '2026-05-26', 'Web')).not.toBeNull();
        }
    },
    {
        name: 'auto-association counts responses after the opportunity was created',
        flow: 'Opportunity_Campaign_Auto_Association',
        from: '&lt;= DATEVALUE({!Get_Opportunity.CreatedDate})',
        to: '&lt;= DATEVALUE({!Get_Opportunity.CreatedDate}) + 3650',
        scenario: (flows) => {
            expect(respondedContactRole(db(flows), '2026-11-23', 'Web')).toBeNull();
        }
    }
];

describe('semantic mutants of the shipped flows are killed by a scenario', () => {
    it.each(MUTANTS.map((m) => [m.name, m] as const))('%s', (_name, mutant) => {
        expect(() => mutant.scenario(FLOWS)).not.toThrow();
        const mutated = mutateFlow(mutant.flow, (xml) => {
            const out = xml.replace(mutant.from, mutant.to);
            if (out === xml) {
                throw new Error(`anchor not found in ${mutant.flow}: ${mutant.from}`);
            }
            return out;
        });
        expect(() => mutant.scenario(mutated)).toThrow();
    });
});
