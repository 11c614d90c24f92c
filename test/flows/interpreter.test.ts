/** Interpreter semantics on small synthetic flows (the real flows are covered by the scenario tests). */
import { describe, expect, it } from 'vitest';
import {
    Database,
    DmlException,
    LimitException,
    parseCustomMetadataXml,
    parseFlowXml
} from '../../src/flow-sim/index.js';
import { evaluateFormula } from '../../src/flow-sim/formula.js';
import { combineLogic } from '../../src/flow-sim/logic.js';
import { CUSTOM_METADATA } from './helpers.js';

const ref = (r: string): string => `<value><elementReference>${r}</elementReference></value>`;
const str = (s: string): string => `<value><stringValue>${s}</stringValue></value>`;
const node = (name: string): string =>
    `<name>${name}</name><label>${name}</label><locationX>0</locationX><locationY>0</locationY>`;
const to = (target: string, tag = 'connector'): string =>
    `<${tag}><targetReference>${target}</targetReference></${tag}>`;

function flow(name: string, start: string, body: string): ReturnType<typeof parseFlowXml> {
    return parseFlowXml(
        `<?xml version="1.0" encoding="UTF-8"?><Flow xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>66.0</apiVersion>${body}<description>test</description><label>${name}</label><processType>AutoLaunchedFlow</processType><start><locationX>0</locationX><locationY>0</locationY>${start}</start><status>Active</status></Flow>`,
        name
    );
}

const setTitle = (value: string, next = ''): string =>
    `<assignments>${node('Set_Title')}<assignmentItems><assignToReference>$Record.Title</assignToReference><operator>Assign</operator>${str(value)}</assignmentItems>${next}</assignments>`;

describe('condition logic', () => {
    it('evaluates and, or and custom logic with NOT and parentheses', () => {
        expect(combineLogic('and', [true, false], 't')).toBe(false);
        expect(combineLogic('or', [true, false], 't')).toBe(true);
        expect(combineLogic('1 AND (2 OR NOT 3)', [true, false, false], 't')).toBe(true);
        expect(combineLogic('1 AND (2 OR NOT 3)', [true, false, true], 't')).toBe(false);
        expect(() => combineLogic('1 AND 4', [true, true], 'here')).toThrow(
            /here: logic "1 AND 4" refers to condition 4 of 2/
        );
        expect(() => combineLogic('1 XOR 2', [true, true], 'here')).toThrow(/tokens other than/);
    });
});

describe('formula adapter', () => {
    const context = (current: Record<string, string | null>, prior: Record<string, string | null> | null) => ({
        resolve: (r: string) => ({
            value: (r.startsWith('$Record__Prior.') ? prior?.[r.slice(15)] : current[r.slice(8)]) ?? null,
            type: 'picklist' as const
        }),
        prior: (r: string) => (prior === null ? null : { value: prior[r.slice(8)] ?? null, type: 'picklist' as const }),
        isNew: () => prior === null
    });

    it('binds ISCHANGED, PRIORVALUE and ISNEW from the prior record', () => {
        const ctx = context({ Status: 'Working' }, { Status: 'Open' });
        expect(evaluateFormula('ISCHANGED({!$Record.Status})', 'Boolean', ctx, 'f')).toBe(true);
        expect(evaluateFormula('TEXT(PRIORVALUE({!$Record.Status}))', 'String', ctx, 'f')).toBe('Open');
        expect(evaluateFormula('ISNEW()', 'Boolean', ctx, 'f')).toBe(false);
        expect(evaluateFormula('ISNEW()', 'Boolean', context({ Status: 'Open' }, null), 'f')).toBe(true);
        expect(
            evaluateFormula(
                'ISCHANGED({!$Record.Status})',
                'Boolean',
                context({ Status: 'Open' }, { Status: 'Open' }),
                'f'
            )
        ).toBe(false);
    });

    it('treats a blank picklist as "" in TEXT() like Salesforce (formulon alone says "NULL")', () => {
        expect(
            evaluateFormula('ISBLANK(TEXT({!$Record.Status}))', 'Boolean', context({ Status: null }, null), 'f')
        ).toBe(true);
    });

    it('refuses unknown functions and results of the wrong type', () => {
        const ctx = context({ Status: 'Open' }, null);
        expect(() =>
            evaluateFormula('REGEX(TEXT({!$Record.Status}), "O.*")', 'Boolean', ctx, 'flow X formula F')
        ).toThrow('flow X formula F: formula function(s) not implemented by flow-sim: REGEX');
        expect(() => evaluateFormula('TEXT({!$Record.Status})', 'Boolean', ctx, 'f')).toThrow(
            /formula returns text, declared Boolean/
        );
    });
});

describe('start element and save order', () => {
    const entry = (logic: string, changed: boolean): ReturnType<typeof parseFlowXml> =>
        flow(
            'Entry',
            `${to('Set_Title')}${changed ? '<doesRequireRecordChangedToMeetCriteria>true</doesRequireRecordChangedToMeetCriteria>' : ''}<filterLogic>${logic}</filterLogic><filters><field>Status</field><operator>EqualTo</operator>${str('Working')}</filters><filters><field>LeadSource</field><operator>EqualTo</operator>${str('Web')}</filters><object>Lead</object><recordTriggerType>CreateAndUpdate</recordTriggerType><triggerType>RecordBeforeSave</triggerType>`,
            setTitle('hit')
        );

    it('applies filterLogic and only-when-changed-to-meet-criteria', () => {
        const db = new Database({ flows: [entry('1 OR 2', true)], customMetadata: CUSTOM_METADATA });
        const [a = '', b = ''] = db.insert('Lead', [
            { LastName: 'A', Company: 'C', Status: 'Open', LeadSource: 'Event' },
            { LastName: 'B', Company: 'C', Status: 'Open', LeadSource: 'Web' }
        ]);
        expect(db.get('Lead', a).Title).toBeNull();
        expect(db.get('Lead', b).Title).toBe('hit');
        db.update('Lead', [{ Id: b, Title: null, Status: 'Working' }]);
        expect(db.get('Lead', b).Title).toBeNull(); // already met the criteria before: does not run again
        db.update('Lead', [{ Id: a, Status: 'Working' }]);
        expect(db.get('Lead', a).Title).toBe('hit');
    });

    it('without only-when-changed the flow runs on every save that meets the criteria', () => {
        const db = new Database({ flows: [entry('and', false)], customMetadata: CUSTOM_METADATA });
        const [id = ''] = db.insert('Lead', [{ LastName: 'A', Company: 'C', Status: 'Working', LeadSource: 'Web' }]);
        db.update('Lead', [{ Id: id, Title: 'changed' }]);
        expect(db.get('Lead', id).Title).toBe('hit');
    });

    it('refuses DML in a before-save flow and $Record assignment in an after-save flow', () => {
        const create = `<recordCreates>${node('Make')}<inputAssignments><field>Name</field>${str('x')}</inputAssignments><object>Account</object></recordCreates>`;
        const beforeSave = flow(
            'Before',
            `${to('Make')}<object>Lead</object><recordTriggerType>Create</recordTriggerType><triggerType>RecordBeforeSave</triggerType>`,
            create
        );
        const db = new Database({ flows: [beforeSave], customMetadata: CUSTOM_METADATA });
        expect(() => db.insert('Lead', [{ LastName: 'A', Company: 'C' }])).toThrow(
            'flow Before element Make: before-save flows cannot create or update other records'
        );
        const afterSave = flow(
            'After',
            `${to('Set_Title')}<object>Lead</object><recordTriggerType>Create</recordTriggerType><triggerType>RecordAfterSave</triggerType>`,
            setTitle('x')
        );
        const db2 = new Database({ flows: [afterSave], customMetadata: CUSTOM_METADATA });
        expect(() => db2.insert('Lead', [{ LastName: 'A', Company: 'C' }])).toThrow(
            /\$Record can only be assigned field by field in a before-save flow/
        );
        expect(db2.all('Lead')).toHaveLength(0);
    });

    it('re-triggers flows on records touched by after-save DML and stops endless recursion at depth 16', () => {
        const touch = `<recordUpdates>${node('Touch')}<filterLogic>and</filterLogic><filters><field>Id</field><operator>EqualTo</operator>${ref('$Record.Id')}</filters><inputAssignments><field>Title</field>${str('again')}</inputAssignments><object>Lead</object></recordUpdates>`;
        const loop = flow(
            'Loop',
            `${to('Touch')}<object>Lead</object><recordTriggerType>CreateAndUpdate</recordTriggerType><triggerType>RecordAfterSave</triggerType>`,
            touch
        );
        const db = new Database({ flows: [loop], customMetadata: CUSTOM_METADATA });
        expect(() => db.insert('Lead', [{ LastName: 'A', Company: 'C' }])).toThrow(LimitException);
        expect(db.all('Lead')).toHaveLength(0);
    });

    it('collects custom errors per record and fails the whole DML', () => {
        const error = `<customErrors>${node('Nope')}<customErrorMessages><errorMessage>No {!$Record.LeadSource} leads</errorMessage><fieldSelection>LeadSource</fieldSelection><isFieldError>true</isFieldError></customErrorMessages></customErrors>`;
        const guard = flow(
            'Guard',
            `${to('Nope')}<filterLogic>and</filterLogic><filters><field>LeadSource</field><operator>EqualTo</operator>${str('Other')}</filters><object>Lead</object><recordTriggerType>Create</recordTriggerType><triggerType>RecordBeforeSave</triggerType>`,
            error
        );
        const db = new Database({ flows: [guard], customMetadata: CUSTOM_METADATA });
        try {
            db.insert('Lead', [
                { LastName: 'A', Company: 'C', LeadSource: 'Web' },
                { LastName: 'B', Company: 'C', LeadSource: 'Other' }
            ]);
            expect.unreachable();
        } catch (caught) {
            expect(caught).toBeInstanceOf(DmlException);
            expect((caught as DmlException).rowErrors).toEqual([
                { index: 1, message: 'No Other leads', field: 'LeadSource' }
            ]);
        }
        expect(db.all('Lead')).toHaveLength(0);
    });

    it('refuses reading a field that a Get Records did not query', () => {
        const body = `<recordLookups>${node('Get_Account')}${to('Set_Title')}<filterLogic>and</filterLogic><filters><field>Name</field><operator>EqualTo</operator>${ref('$Record.Company')}</filters><getFirstRecordOnly>true</getFirstRecordOnly><object>Account</object><queriedFields>Id</queriedFields><storeOutputAutomatically>true</storeOutputAutomatically></recordLookups><assignments>${node('Set_Title')}<assignmentItems><assignToReference>$Record.Title</assignToReference><operator>Assign</operator>${ref('Get_Account.Name')}</assignmentItems></assignments>`;
        const lookup = flow(
            'Lookup',
            `${to('Get_Account')}<object>Lead</object><recordTriggerType>Create</recordTriggerType><triggerType>RecordBeforeSave</triggerType>`,
            body
        );
        const db = new Database({ flows: [lookup], customMetadata: CUSTOM_METADATA });
        db.seed('Account', [{ Name: 'C' }]);
        expect(() => db.insert('Lead', [{ LastName: 'A', Company: 'C' }])).toThrow(
            /reference \{!Get_Account\.Name\}: field Name was not queried/
        );
    });
});

describe('collections, loops and record variables', () => {
    it('queries into a collection variable, loops, adds copies of a record variable and creates them in one DML', () => {
        const body = [
            `<assignments>${node('Build')}<assignmentItems><assignToReference>New_Member.CampaignId</assignToReference><operator>Assign</operator>${ref('Campaign_Item.Id')}</assignmentItems><assignmentItems><assignToReference>New_Member.LeadId</assignToReference><operator>Assign</operator>${ref('$Record.Id')}</assignmentItems><assignmentItems><assignToReference>New_Member.Status</assignToReference><operator>Assign</operator>${ref('Status_Text')}</assignmentItems><assignmentItems><assignToReference>Members</assignToReference><operator>Add</operator>${ref('New_Member')}</assignmentItems><assignmentItems><assignToReference>Count</assignToReference><operator>Add</operator><value><numberValue>1</numberValue></value></assignmentItems>${to('Each_Campaign')}</assignments>`,
            `<constants><name>Status_Text</name><dataType>String</dataType>${str('Auto-added')}</constants>`,
            `<decisions>${node('Enough')}<rules><name>More_Than_One</name><conditionLogic>and</conditionLogic><conditions><leftValueReference>Count</leftValueReference><operator>GreaterThan</operator><rightValue><numberValue>1</numberValue></rightValue></conditions><conditions><leftValueReference>$Record.Company</leftValueReference><operator>Contains</operator>${'<rightValue><stringValue>Corp</stringValue></rightValue>'}</conditions>${to('Create_Members')}<label>More</label></rules></decisions>`,
            `<loops>${node('Each_Campaign')}<assignNextValueToReference>Campaign_Item</assignNextValueToReference><collectionReference>Campaigns</collectionReference><iterationOrder>Asc</iterationOrder>${to('Build', 'nextValueConnector')}${to('Enough', 'noMoreValuesConnector')}</loops>`,
            `<recordCreates>${node('Create_Members')}<inputReference>Members</inputReference></recordCreates>`,
            `<recordLookups>${node('Get_Campaigns')}${to('Each_Campaign')}<filterLogic>and</filterLogic><filters><field>IsActive</field><operator>EqualTo</operator><value><booleanValue>true</booleanValue></value></filters><object>Campaign</object><outputReference>Campaigns</outputReference><queriedFields>Name</queriedFields><sortField>Name</sortField><sortOrder>Asc</sortOrder></recordLookups>`,
            `<variables><name>Campaign_Item</name><dataType>SObject</dataType><isCollection>false</isCollection><isInput>false</isInput><isOutput>false</isOutput><objectType>Campaign</objectType></variables>`,
            `<variables><name>Campaigns</name><dataType>SObject</dataType><isCollection>true</isCollection><isInput>false</isInput><isOutput>false</isOutput><objectType>Campaign</objectType></variables>`,
            `<variables><name>Count</name><dataType>Number</dataType><isCollection>false</isCollection><isInput>false</isInput><isOutput>false</isOutput><value><numberValue>0</numberValue></value></variables>`,
            `<variables><name>Members</name><dataType>SObject</dataType><isCollection>true</isCollection><isInput>false</isInput><isOutput>false</isOutput><objectType>CampaignMember</objectType></variables>`,
            `<variables><name>New_Member</name><dataType>SObject</dataType><isCollection>false</isCollection><isInput>false</isInput><isOutput>false</isOutput><objectType>CampaignMember</objectType></variables>`
        ].join('');
        const enrol = flow(
            'Enrol',
            `${to('Get_Campaigns')}<object>Lead</object><recordTriggerType>Create</recordTriggerType><triggerType>RecordAfterSave</triggerType>`,
            body
        );
        const db = new Database({ flows: [enrol], customMetadata: CUSTOM_METADATA });
        const [zeta = '', alpha = ''] = db.seed('Campaign', [
            { Name: 'Zeta', IsActive: true },
            { Name: 'Alpha', IsActive: true },
            { Name: 'Old', IsActive: false }
        ]);
        const [corp = '', solo = ''] = db.insert('Lead', [
            { LastName: 'A', Company: 'Big Corp' },
            { LastName: 'B', Company: 'Solo Ltd' }
        ]);
        const members = db.all('CampaignMember');
        expect(members.map((m) => [m.LeadId, m.CampaignId, m.Status])).toEqual([
            [corp, alpha, 'Auto-added'],
            [corp, zeta, 'Auto-added']
        ]);
        expect(members.every((m) => typeof m.Id === 'string' && m.Id.startsWith('00v'))).toBe(true);
        expect(solo).not.toBe('');
        // one Get Records and one Create Records for the whole batch of two leads
        expect({ soql: db.limits.soql, dml: db.limits.dml }).toEqual({ soql: 1, dml: 2 });
    });
});

describe('$Flow globals of an interview', () => {
    const stamp = (formula: string): ReturnType<typeof parseFlowXml> =>
        flow(
            'Stamp',
            `${to('Set_Fields')}<object>Lead</object><recordTriggerType>Create</recordTriggerType><triggerType>RecordBeforeSave</triggerType>`,
            `<assignments>${node('Set_Fields')}<assignmentItems><assignToReference>$Record.Title</assignToReference><operator>Assign</operator>${ref('Start_Day')}</assignmentItems><assignmentItems><assignToReference>$Record.Email</assignToReference><operator>Assign</operator>${ref('$Flow.InterviewGuid')}</assignmentItems></assignments><formulas><name>Start_Day</name><dataType>String</dataType><expression>${formula}</expression></formulas>`
        );

    it('$Flow.InterviewStartTime is a date-time (DATEVALUE works on it) and $Flow.InterviewGuid differs per interview', () => {
        const db = new Database({
            flows: [stamp('TEXT(DATEVALUE({!$Flow.InterviewStartTime}))')],
            customMetadata: CUSTOM_METADATA
        });
        const [a = '', b = ''] = db.insert('Lead', [
            { LastName: 'A', Company: 'A' },
            { LastName: 'B', Company: 'B' }
        ]);
        expect(db.get('Lead', a).Title).toBe('2026-11-22');
        expect(db.get('Lead', a).Email).toMatch(/\S/);
        expect(db.get('Lead', a).Email).not.toBe(db.get('Lead', b).Email);
    });

    it('refuses $Flow globals it does not implement', () => {
        const db = new Database({ flows: [stamp('{!$Flow.CurrentRecord}')], customMetadata: CUSTOM_METADATA });
        expect(() => db.insert('Lead', [{ LastName: 'A', Company: 'A' }])).toThrow(
            /global \$Flow\.CurrentRecord is not implemented/
        );
    });
});

describe('loading', () => {
    it('names the flow and file for malformed XML and a wrong root element', () => {
        expect(() => parseFlowXml('<Flow><label>x</Flow>', 'Broken')).toThrow(
            /^flow Broken \(Broken\.flow-meta\.xml\): malformed XML/
        );
        expect(() => parseFlowXml('<Workflow/>', 'Wrong')).toThrow(
            'flow Wrong (Wrong.flow-meta.xml): root element must be <Flow>'
        );
    });

    it('reads custom metadata values with their xsi types and refuses unknown fields', () => {
        const xml = (field: string): string =>
            `<?xml version="1.0" encoding="UTF-8"?><CustomMetadata xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><label>Strict</label><protected>false</protected><values><field>Aged_Lead_Days__c</field><value xsi:type="xsd:double">45</value></values><values><field>${field}</field><value xsi:nil="true"/></values></CustomMetadata>`;
        expect(parseCustomMetadataXml(xml('Stage_Order__c'), 'Attribution_Rules.Strict.md-meta.xml')).toEqual({
            object: 'Attribution_Rules__mdt',
            values: { DeveloperName: 'Strict', MasterLabel: 'Strict', Aged_Lead_Days__c: 45, Stage_Order__c: null }
        });
        expect(() => parseCustomMetadataXml(xml('Stage_Ordre__c'), 'Attribution_Rules.Strict.md-meta.xml')).toThrow(
            'Attribution_Rules.Strict.md-meta.xml: field Attribution_Rules__mdt.Stage_Ordre__c does not exist'
        );
    });
});
