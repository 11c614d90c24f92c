import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DmlException, loadValidationRules, validatorFromRules } from '../../src/flow-sim/index.js';
import type { CustomMetadataRecord } from '../../src/flow-sim/index.js';
import { BYPASS, contact, CUSTOM_METADATA, newDb, opportunity, thrown } from './helpers.js';

const FIXTURE_RULES = loadValidationRules('test/flows/fixtures/objects');

describe('validation rules in the save order', () => {
    it('loads rule XML with its object, name and active flag', () => {
        expect(FIXTURE_RULES.map((r) => [r.object, r.name, r.active])).toEqual([
            ['Opportunity', 'Campaign_Required_To_Advance', true],
            ['Opportunity', 'Inactive_Rule', false]
        ]);
    });

    it('names the rule when its formula uses something the evaluator cannot resolve', () => {
        const [rule] = FIXTURE_RULES;
        const broken = { ...rule!, name: 'Cross_Object', formula: 'ISBLANK(Account.Name)' };
        const validate = validatorFromRules([broken]);
        expect(() => validate('Opportunity', {}, null, () => false)).toThrow(
            /^validation rule Opportunity\.Cross_Object \(.*Campaign_Required_To_Advance.*\): .*Account\.Name/
        );
    });

    it('runs after before-save flows: the rule error lands on its field and the save is rolled back', () => {
        const db = newDb({ validate: validatorFromRules(FIXTURE_RULES) });
        const opp = opportunity(db, { LeadSource: 'Web' });
        db.seed('OpportunityContactRole', [{ OpportunityId: opp, ContactId: contact(db) }]);
        const error = thrown(() =>
            db.update('Opportunity', [{ Id: opp, StageName: 'Proposal/Quote' }])
        ) as DmlException;
        expect(error).toBeInstanceOf(DmlException);
        expect(error.rowErrors).toEqual([
            { index: 0, field: 'CampaignId', message: 'Pick the Primary Campaign Source before changing the stage.' }
        ]);
        expect(db.get('Opportunity', opp).StageName).toBe('Qualification');
    });

    it('reports both the flow error and the rule error on the same save', () => {
        const db = newDb({ validate: validatorFromRules(FIXTURE_RULES) });
        const opp = opportunity(db, { LeadSource: 'Web' });
        const error = thrown(() => db.update('Opportunity', [{ Id: opp, StageName: 'Negotiation' }])) as DmlException;
        expect(error.rowErrors.map((e) => e.field)).toEqual(['StageName', 'CampaignId']);
    });

    it('honours exempt values, inserts (ISNEW) and the bypass permission', () => {
        const db = newDb({ validate: validatorFromRules(FIXTURE_RULES) });
        const outbound = opportunity(db, { LeadSource: 'Outbound' });
        db.update('Opportunity', [{ Id: outbound, StageName: 'Closed Lost' }]);
        db.insert('Opportunity', [{ Name: 'New', StageName: 'Qualification', CloseDate: '2026-12-31' }]);
        db.setPermissions([BYPASS]);
        const web = opportunity(db, { LeadSource: 'Web' });
        db.update('Opportunity', [{ Id: web, StageName: 'Closed Lost' }]);
        expect([db.get('Opportunity', outbound).StageName, db.get('Opportunity', web).StageName]).toEqual([
            'Closed Lost',
            'Closed Lost'
        ]);
    });

    const shipped = existsSync('force-app') ? loadValidationRules('force-app') : [];
    it.skipIf(shipped.length === 0)('every shipped validation rule compiles and evaluates on a blank record', () => {
        const validate = validatorFromRules(shipped, CUSTOM_METADATA);
        for (const rule of shipped) {
            expect(() => validate(rule.object, {}, null, () => false)).not.toThrow();
        }
    });
});

const SHIPPED_RULES = existsSync('force-app') ? loadValidationRules('force-app') : [];

/** The shipped custom metadata with one field of Attribution_Rules.Default replaced. */
function withDefault(field: string, value: string | null): CustomMetadataRecord[] {
    return CUSTOM_METADATA.map((record) =>
        record.object === 'Attribution_Rules__mdt' && record.values.DeveloperName === 'Default'
            ? { ...record, values: { ...record.values, [field]: value } }
            : record
    );
}

function shippedDb(customMetadata: readonly CustomMetadataRecord[] = CUSTOM_METADATA) {
    return newDb({ customMetadata: [...customMetadata], validate: validatorFromRules(SHIPPED_RULES, customMetadata) });
}

describe.skipIf(SHIPPED_RULES.length === 0)('shipped rules in the save order (with every flow)', () => {
    it('a Web-to-Lead style insert with a blank Lead Source saves, and cannot progress without one', () => {
        const db = shippedDb();
        const id = db.insert('Lead', [{ LastName: 'Web visitor', Company: '[not provided]', Status: 'Open' }])[0] ?? '';
        expect(db.get('Lead', id).LeadSource ?? null).toBeNull();
        const error = thrown(() => db.update('Lead', [{ Id: id, Status: 'Working' }])) as DmlException;
        expect(error.rowErrors.map((e) => e.field)).toEqual(['LeadSource']);
        db.update('Lead', [{ Id: id, Status: 'Working', LeadSource: 'Web' }]);
        expect(db.get('Lead', id).Status).toBe('Working');
    });

    it('a bulk API sync of 200 leads without a source all save', () => {
        const db = shippedDb();
        const ids = db.insert(
            'Lead',
            Array.from({ length: 200 }, (_v, i) => ({ LastName: `L${i}`, Company: `C${i}`, Status: 'Open' }))
        );
        expect(ids).toHaveLength(200);
    });

    it('Closed Lost without a campaign saves because the Default record exempts it', () => {
        const db = shippedDb();
        const opp = opportunity(db, { LeadSource: 'Web' });
        db.update('Opportunity', [{ Id: opp, StageName: 'Closed Lost' }]);
        expect(db.get('Opportunity', opp).StageName).toBe('Closed Lost');
    });

    it('a changed Default record changes the verdict: without the exemption Closed Lost needs a campaign', () => {
        const db = shippedDb(withDefault('Campaign_Exempt_Stages__c', null));
        const opp = opportunity(db, { LeadSource: 'Web' });
        const error = thrown(() => db.update('Opportunity', [{ Id: opp, StageName: 'Closed Lost' }])) as DmlException;
        expect(error.rowErrors.map((e) => e.field)).toEqual(['CampaignId']);
        expect(db.get('Opportunity', opp).StageName).toBe('Qualification');
    });
});
