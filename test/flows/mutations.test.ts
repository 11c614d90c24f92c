/**
 * Mutation tests: break a real flow in memory and prove the scenario fails or the interpreter refuses it.
 * A test suite that still passed on these mutants would not be testing the flows.
 */
import { describe, expect, it } from 'vitest';
import { convertLead, Database, DmlException, LimitException, parseFlowXml } from '../../src/flow-sim/index.js';
import type { Fields } from '../../src/flow-sim/index.js';
import {
    campaign,
    contact,
    CUSTOM_METADATA,
    faults,
    FLOWS,
    flowXml,
    mutateFlow,
    opportunity,
    thrown
} from './helpers.js';

function replaceOnce(xml: string, from: string | RegExp, to: string): string {
    const out = xml.replace(from, to);
    if (out === xml) {
        throw new Error(`mutation anchor not found: ${String(from)}`);
    }
    return out;
}

function conversionScenario(flows: ReturnType<typeof mutateFlow>): { db: Database; lead: string } {
    const db = new Database({ flows, customMetadata: CUSTOM_METADATA });
    const [lead = ''] = db.seed('Lead', [
        {
            LastName: 'Curie',
            Company: 'Radium',
            Status: 'Working',
            LeadSource: 'Event',
            Persona__c: 'Influencer',
            UTM_Source__c: 'expo'
        } satisfies Fields
    ]);
    return { db, lead };
}

describe('mutations of the real flows', () => {
    it('removing the Id assignment of a record-variable update fails like MISSING_ARGUMENT (caught and logged by the fault path)', () => {
        const flows = mutateFlow('Lead_After_Conversion', (xml) =>
            replaceOnce(
                xml,
                /<assignmentItems>\s*<assignToReference>Role_Update\.Id<\/assignToReference>[\s\S]*?<\/assignmentItems>/,
                ''
            )
        );
        const { db, lead } = conversionScenario(flows);
        convertLead(db, { leadId: lead, convertedStatus: 'Converted' });
        expect(db.get('Lead', lead).IsConverted).toBe(true);
        expect(faults(db)).toEqual([
            expect.objectContaining({
                Flow__c: 'Lead_After_Conversion',
                Element__c: 'Set_Role',
                Record_Id__c: lead,
                Message__c: expect.stringMatching(/MISSING_ARGUMENT: Id not specified in an update call/)
            })
        ]);
    });

    it('renaming a field to an unknown one makes the interpreter refuse, naming flow, element and field', () => {
        const flows = mutateFlow('Lead_After_Conversion', (xml) =>
            replaceOnce(
                xml,
                '<queriedFields>UTM_Medium__c</queriedFields>',
                '<queriedFields>UTM_Medum__c</queriedFields>'
            )
        );
        const { db, lead } = conversionScenario(flows);
        const error = thrown(() => convertLead(db, { leadId: lead, convertedStatus: 'Converted' }));
        expect(error).not.toBeInstanceOf(DmlException);
        expect(error.message).toMatch(
            /flow Lead_After_Conversion element Get_Converted_Contact.*Contact\.UTM_Medum__c does not exist/
        );
    });

    it('dropping a fault connector turns the logged fault into an unhandled fault that blocks the save', () => {
        const flows = mutateFlow('Opportunity_Campaign_Auto_Association', (xml) =>
            replaceOnce(
                xml,
                /(<name>Set_Campaign<\/name>[\s\S]*?)<faultConnector>\s*<targetReference>Fault_At_Set_Campaign<\/targetReference>\s*<\/faultConnector>/,
                '$1'
            )
        );
        const run = (mutated: boolean): { error: string; faults: number } => {
            const db = new Database({
                flows: mutated ? flows : FLOWS,
                customMetadata: CUSTOM_METADATA,
                validate: (objectName, record) =>
                    objectName === 'Opportunity' && record.CampaignId ? [{ message: 'Campaigns are frozen' }] : []
            });
            const person = contact(db);
            db.seed('CampaignMember', [
                {
                    CampaignId: campaign(db, 'Webinar'),
                    ContactId: person,
                    HasResponded: true,
                    FirstRespondedDate: '2026-10-01'
                }
            ]);
            const opp = opportunity(db);
            try {
                db.insert('OpportunityContactRole', [{ OpportunityId: opp, ContactId: person, IsPrimary: true }]);
                return { error: '', faults: faults(db).length };
            } catch (error) {
                return { error: (error as DmlException).rowErrors[0]?.message ?? '', faults: faults(db).length };
            }
        };
        expect(run(false)).toEqual({ error: '', faults: 1 });
        expect(run(true)).toEqual({
            error: expect.stringMatching(
                /^An unhandled fault has occurred in flow Opportunity_Campaign_Auto_Association at Set_Campaign: /
            ),
            faults: 0
        });
    });

    it('an operator the interpreter does not implement is refused when the flow is loaded', () => {
        const xml = replaceOnce(
            flowXml('Opportunity_Contact_Role_Gate'),
            '<operator>IsNull</operator>',
            '<operator>WasSelected</operator>'
        );
        expect(() => parseFlowXml(xml, 'Opportunity_Contact_Role_Gate')).toThrow(
            /flow Opportunity_Contact_Role_Gate .*does not implement:\n {2}decisions\.\d+\.rules\.0\.conditions\.0\.operator: Invalid enum value.*'WasSelected'/
        );
    });

    it('an element the interpreter does not implement is refused when the flow is loaded', () => {
        const xml = replaceOnce(
            flowXml('Lead_Funnel_Stamps'),
            '<status>',
            '<waits><name>Pause</name></waits>\n    <status>'
        );
        expect(() => parseFlowXml(xml, 'Lead_Funnel_Stamps')).toThrow(/<Flow>: unsupported element\(s\) waits/);
    });

    it('a formula function the interpreter does not implement is refused when evaluated', () => {
        const flows = mutateFlow('Lead_Funnel_Stamps', (xml) => replaceOnce(xml, 'CONTAINS(', 'INCLUDES('));
        const db = new Database({ flows, customMetadata: CUSTOM_METADATA });
        expect(() => db.insert('Lead', [{ LastName: 'X', Company: 'Y', Status: 'Working' }])).toThrow(
            /flow Lead_Funnel_Stamps formula Reached_MQL_Status: formula function\(s\) not implemented by flow-sim: INCLUDES/
        );
    });

    it('a connector to an element that does not exist is refused', () => {
        expect(() =>
            mutateFlow('Opportunity_Contact_Role_Gate', (xml) =>
                replaceOnce(
                    xml,
                    '<targetReference>Block_Stage_Change</targetReference>',
                    '<targetReference>Block_Stage</targetReference>'
                )
            ).forEach((flow) => new Database({ flows: [flow], customMetadata: CUSTOM_METADATA }))
        ).toThrow(/flow Opportunity_Contact_Role_Gate: Has_Contact_Role connects to unknown element Block_Stage/);
    });

    it('matching a stage as a substring instead of a whole ;-separated value lets the gate misfire', () => {
        // "Quote" is not a stage of the order, but a substring search finds it inside "Proposal/Quote"
        const flows = mutateFlow('Opportunity_Contact_Role_Gate', (xml) =>
            xml.replaceAll('&quot;;&quot; &amp; ', '').replaceAll(' &amp; &quot;;&quot;', '')
        );
        const db = new Database({ flows, customMetadata: CUSTOM_METADATA });
        const opp = opportunity(db);
        expect(() => db.update('Opportunity', [{ Id: opp, StageName: 'Quote' }])).toThrow(
            /Add at least one Contact Role/
        );
        const original = new Database({
            flows: FLOWS,
            customMetadata: CUSTOM_METADATA
        });
        const other = opportunity(original);
        original.update('Opportunity', [{ Id: other, StageName: 'Quote' }]);
        expect(original.get('Opportunity', other).StageName).toBe('Quote');
    });

    it('a Get Records moved inside the member loop exceeds the SOQL limit on a busy contact', () => {
        const lookup = `<recordLookups>
        <name>Get_Campaign_In_Loop</name>
        <label>Get Campaign In Loop</label>
        <locationX>0</locationX>
        <locationY>0</locationY>
        <connector><targetReference>Newer_Candidate</targetReference></connector>
        <filters><field>Id</field><operator>EqualTo</operator><value><elementReference>Loop_Member.CampaignId</elementReference></value></filters>
        <getFirstRecordOnly>true</getFirstRecordOnly>
        <object>Campaign</object>
        <queriedFields>Name</queriedFields>
        <storeOutputAutomatically>true</storeOutputAutomatically>
    </recordLookups>
    <recordLookups>`;
        const flows = mutateFlow('Opportunity_Campaign_Auto_Association', (xml) =>
            replaceOnce(
                replaceOnce(
                    xml,
                    /<nextValueConnector>\s*<targetReference>Newer_Candidate<\/targetReference>/,
                    '<nextValueConnector><targetReference>Get_Campaign_In_Loop</targetReference>'
                ),
                '<recordLookups>',
                lookup
            )
        );
        const db = new Database({ flows, customMetadata: CUSTOM_METADATA });
        const person = contact(db);
        const target = campaign(db, 'Busy');
        db.seed(
            'CampaignMember',
            Array.from({ length: 120 }, (_v, i) => ({
                CampaignId: target,
                ContactId: person,
                HasResponded: true,
                FirstRespondedDate: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`
            }))
        );
        const opp = opportunity(db);
        const error = thrown(() =>
            db.insert('OpportunityContactRole', [{ OpportunityId: opp, ContactId: person, IsPrimary: true }])
        );
        expect(error).toBeInstanceOf(LimitException);
        expect(error.message).toMatch(/Too many SOQL queries: 101/);
        expect(db.all('OpportunityContactRole')).toHaveLength(0);
    });
});
