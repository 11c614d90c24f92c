/**
 * The org-runnable Apex tests must expect what the shipped rules and flows do, or a production deploy (which runs
 * every local test) fails in the org although every offline check is green. These checks tie the Apex test sources
 * to the metadata: the configuration reader reads every Attribution_Rules__mdt field the rules and flows read, no
 * test expects Require_Lead_Source to block an insert while the rule exempts inserts, tests that drive the
 * non-blocking flows assert that no fault record was written, and a test expecting auto-association creates the
 * response before the opportunity. Each check has a seeded defect: the test classes as they were before the kit's
 * behaviour changed (test/rules/fixtures/apex-behaviour, copied from the previous commit).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIR, loadRule } from './helpers.js';

const CLASSES_DIR = join(DEFAULT_DIR, 'classes');
const OLD_DIR = join('test', 'rules', 'fixtures', 'apex-behaviour');
const RULES_FIELDS_DIR = join(DEFAULT_DIR, 'objects', 'Attribution_Rules__mdt', 'fields');
const NON_BLOCKING_FLOWS = ['Lead_After_Conversion', 'Opportunity_Campaign_Auto_Association'];

const read = (dir: string, name: string): string => readFileSync(join(dir, name), 'utf8');

/** The files of the shipped validation rules and flows, by path. */
function behaviourFiles(): Map<string, string> {
    const files = new Map<string, string>();
    const flows = join(DEFAULT_DIR, 'flows');
    for (const name of readdirSync(flows)) files.set(join(flows, name), read(flows, name));
    const objects = join(DEFAULT_DIR, 'objects');
    for (const object of readdirSync(objects)) {
        const dir = join(objects, object, 'validationRules');
        let names: string[] = [];
        try {
            names = readdirSync(dir);
        } catch {
            continue;
        }
        for (const name of names) files.set(join(dir, name), read(dir, name));
    }
    return files;
}

/** Attribution_Rules__mdt fields a shipped validation rule or flow reads, with the first file reading each. */
function fieldsReadByBehaviour(): Map<string, string> {
    const fields = readdirSync(RULES_FIELDS_DIR).map((name) => name.replace(/\.field-meta\.xml$/, ''));
    const found = new Map<string, string>();
    for (const [file, text] of behaviourFiles()) {
        const readsRules = text.includes('Attribution_Rules__mdt');
        for (const field of fields) {
            if (readsRules && new RegExp(`\\b${field}\\b`).test(text) && !found.has(field)) found.set(field, file);
        }
    }
    return found;
}

/** Fields the rules and flows read that the tests' configuration reader never reads (`rules.<Field>`). */
function unreadFields(reader: string): string[] {
    return [...fieldsReadByBehaviour()]
        .filter(([field]) => !reader.includes(`rules.${field}`))
        .map(([field, file]) => `${field} (read by ${file})`);
}

/** `name(...) { body }` of every method of an Apex class, by brace matching (strings and comments are plain here). */
function methods(source: string): Array<{ name: string; body: string }> {
    const out: Array<{ name: string; body: string }> = [];
    for (const match of source.matchAll(/^\s*(?:private |public )?static [\w<>.,\s]+? (\w+)\([^)]*\)\s*\{/gm)) {
        let depth = 1;
        let index = (match.index ?? 0) + match[0].length;
        for (; index < source.length && depth > 0; index += 1) {
            if (source[index] === '{') depth += 1;
            else if (source[index] === '}') depth -= 1;
        }
        out.push({ name: match[1] ?? '', body: source.slice((match.index ?? 0) + match[0].length, index - 1) });
    }
    return out;
}

/** Methods that assert an insert's result carries the rule's error (an insert expected to be blocked). */
function blockedInserts(source: string): string[] {
    const found: string[] = [];
    for (const { name, body } of methods(source)) {
        for (const match of body.matchAll(/Database\.SaveResult (\w+) = Database\.insert\(/g)) {
            const result = match[1] ?? '';
            const expectsError = new RegExp(
                `(hasError\\(\\s*${result}\\.getErrors\\(\\)|firstError\\(\\s*${result}\\b|Assert\\.isFalse\\(\\s*${result}\\.isSuccess\\(\\))`
            );
            if (expectsError.test(body)) found.push(`${name}: ${result}`);
        }
    }
    return found;
}

/**
 * True when a test class drives a non-blocking flow (a lead conversion, directly or through the factory's
 * `convertLead`/`convertInto`, or a primary contact role) without checking for faults.
 */
function drivesWithoutFaultCheck(text: string): boolean {
    const drives =
        /Database\.convertLead\(/.test(text) ||
        /AttributionTestFactory\.convert(Lead|Into)\(/.test(text) ||
        /IsPrimary = true/.test(text);
    return drives && !/AttributionTestFactory\.assertNoFaults\(/.test(text);
}

/** Test classes of a directory that drive a non-blocking flow without checking for faults. */
function faultsUnchecked(dir: string): string[] {
    return readdirSync(dir)
        .filter((name) => name.endsWith('Test.cls'))
        .filter((name) => drivesWithoutFaultCheck(read(dir, name)));
}

/**
 * Methods that add a responded membership after inserting the opportunity without moving the opportunity's
 * CreatedDate (Test.setCreatedDate): the flow counts only responses dated on or before the creation day.
 */
function respondedAfterOpportunity(source: string): string[] {
    return methods(source)
        .filter(({ body }) => {
            const opportunity = body.search(/insertOpportunities\(/);
            const responded = body.search(/insertMember\w*\([^;]*\btrue\b/);
            return opportunity >= 0 && responded > opportunity && !/Test\.setCreatedDate\(/.test(body);
        })
        .map(({ name }) => name);
}

describe('the Apex tests read every rule value the rules and flows read', () => {
    it('finds the fields the rules and flows read (the check sees them)', () => {
        const fields = [...fieldsReadByBehaviour().keys()];
        for (const field of [
            'Exempt_Lead_Sources__c',
            'Campaign_Exempt_Stages__c',
            'Campaign_Lookback_Days__c',
            'Stage_Order__c',
            'Contact_Role_Required_Stage__c'
        ]) {
            expect(fields, field).toContain(field);
        }
    });

    it('AttributionTestConfig reads each of them', () => {
        expect(unreadFields(read(CLASSES_DIR, 'AttributionTestConfig.cls'))).toEqual([]);
    });

    it('seeded defect: the factory before the campaign-exempt stages and the lookback window were read', () => {
        const missing = unreadFields(read(OLD_DIR, 'AttributionTestFactory.cls'));
        expect(missing.map((m) => m.split(' ')[0])).toEqual(
            expect.arrayContaining(['Campaign_Exempt_Stages__c', 'Campaign_Lookback_Days__c'])
        );
    });
});

describe('Require_Lead_Source never fires on insert, and no Apex test expects it to', () => {
    it('the rule exempts inserts (the premise of this check)', () => {
        expect(loadRule('Lead', 'Require_Lead_Source').errorConditionFormula).toMatch(/NOT\(ISNEW\(\)\)/);
    });

    it('RequireLeadSourceTest expects no insert to be blocked, and asserts an insert without a source saves', () => {
        const source = read(CLASSES_DIR, 'RequireLeadSourceTest.cls');
        expect(blockedInserts(source)).toEqual([]);
        expect(source).toMatch(/Database\.insert\(\s*AttributionTestFactory\.newLead\(null\)/);
    });

    it('seeded defect: the old test expected a new lead without a source to be blocked', () => {
        expect(blockedInserts(read(OLD_DIR, 'RequireLeadSourceTest.cls'))).toEqual([
            'newLeadWithoutSourceIsBlockedOnLeadSource: result'
        ]);
    });
});

describe('tests of the non-blocking flows check that no fault was recorded', () => {
    it('the two flows record faults instead of blocking (the premise of this check)', () => {
        for (const flow of NON_BLOCKING_FLOWS) {
            const xml = read(join(DEFAULT_DIR, 'flows'), `${flow}.flow-meta.xml`);
            expect(xml, flow).toContain('<object>Attribution_Guardrail_Fault__c</object>');
            expect(xml, flow).not.toContain('<customErrors>');
        }
    });

    it('every test class converting leads or adding primary contact roles calls assertNoFaults', () => {
        expect(faultsUnchecked(CLASSES_DIR)).toEqual([]);
    });

    it('seeded defect: a class converting only through the factory helpers counts as driving the flow', () => {
        const text = read(CLASSES_DIR, 'LeadConversionExistingOpportunityTest.cls');
        expect(text).not.toMatch(/Database\.convertLead\(/);
        expect(drivesWithoutFaultCheck(text)).toBe(false);
        expect(drivesWithoutFaultCheck(text.replaceAll('AttributionTestFactory.assertNoFaults(', 'noCheck('))).toBe(
            true
        );
    });

    it('seeded defect: the old conversion and auto-association tests never looked for fault records', () => {
        expect(faultsUnchecked(OLD_DIR)).toEqual([
            'LeadConversionAttributionTest.cls',
            'OpportunityCampaignAutoAssociationTest.cls'
        ]);
    });
});

describe('auto-association tests respond before the opportunity is created', () => {
    it('the flow counts only responses on or before the creation day (the premise of this check)', () => {
        const xml = read(join(DEFAULT_DIR, 'flows'), 'Opportunity_Campaign_Auto_Association.flow-meta.xml');
        expect(xml).toContain('{!Loop_Member.FirstRespondedDate} &lt;= DATEVALUE({!Get_Opportunity.CreatedDate})');
    });

    it('no test adds the responded membership after the opportunity without moving its CreatedDate', () => {
        expect(respondedAfterOpportunity(read(CLASSES_DIR, 'OpportunityCampaignAutoAssociationTest.cls'))).toEqual([]);
    });

    it('seeded defect: the old tests marked the member responded after inserting the opportunity', () => {
        expect(respondedAfterOpportunity(read(OLD_DIR, 'OpportunityCampaignAutoAssociationTest.cls'))).toEqual([
            'primaryContactRoleFillsTheRespondedCampaign',
            'existingCampaignIsKept',
            'bulkPrimaryRolesFillTwoHundredOpportunities'
        ]);
    });
});
