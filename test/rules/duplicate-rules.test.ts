import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIR } from './helpers.js';
import { dedupeProblems, loadDuplicateRules, loadMatchingRules, parseDuplicateRule } from './dedupe-model.js';
import type { DuplicateRule } from './dedupe-model.js';

const DUPLICATE_DIR = join(DEFAULT_DIR, 'duplicateRules');
const MATCHING_DIR = join(DEFAULT_DIR, 'matchingRules');
const duplicates = loadDuplicateRules(DUPLICATE_DIR);
const matching = loadMatchingRules(MATCHING_DIR);

function rule(object: string, name: string): DuplicateRule {
    const found = duplicates.find((d) => d.object === object && d.name === name);
    if (!found) {
        throw new Error(`duplicate rule ${object}.${name} not found in ${DUPLICATE_DIR}`);
    }
    return found;
}

describe('matching rules', () => {
    it('match Leads and Contacts on exact Email, blanks never matching, active and documented', () => {
        expect(matching.map((m) => `${m.object}.${m.fullName}`).sort()).toEqual([
            'Contact.Attribution_Contact_Email',
            'Lead.Attribution_Lead_Email'
        ]);
        for (const m of matching) {
            expect(m.ruleStatus).toBe('Active');
            expect(m.description.length).toBeGreaterThan(40);
            expect(m.matchingRuleItems).toEqual([
                { blankValueBehavior: 'NullNotAllowed', fieldName: 'Email', matchingMethod: 'Exact' }
            ]);
        }
    });
});

describe('duplicate rules', () => {
    it('ship the three rules: leads by email, contacts by email, leads matching contacts', () => {
        expect(duplicates.map((d) => `${d.object}.${d.name}`)).toEqual([
            'Contact.Attribution_Contacts_By_Email',
            'Lead.Attribution_Leads_By_Email',
            'Lead.Attribution_Leads_Matching_Contacts'
        ]);
    });

    it('allow with an alert and a report on create, allow on edit, enforce sharing, documented', () => {
        for (const d of duplicates) {
            expect(d.actionOnInsert, d.file).toBe('Allow');
            expect(d.operationsOnInsert, d.file).toEqual(['Alert', 'Report']);
            expect(d.actionOnUpdate, d.file).toBe('Allow');
            expect(d.operationsOnUpdate, d.file).not.toContain('Alert');
            expect(d.isActive, d.file).toBe('true');
            expect(d.securityOption, d.file).toBe('EnforceSharingRules');
            expect(d.alertText.length, d.file).toBeGreaterThan(40);
            expect(d.description, d.file).toMatch(/Attribution Guardrails/);
        }
    });

    it('reference an existing matching rule on the object they match', () => {
        expect(dedupeProblems(duplicates, matching)).toEqual([]);
        expect(rule('Lead', 'Attribution_Leads_By_Email').duplicateRuleMatchRules).toEqual([
            {
                matchRuleSObjectType: 'Lead',
                matchingRule: 'Attribution_Lead_Email',
                objectMapping: { '@xsi:nil': 'true' }
            }
        ]);
        expect(rule('Contact', 'Attribution_Contacts_By_Email').duplicateRuleMatchRules[0]?.matchingRule).toBe(
            'Attribution_Contact_Email'
        );
    });

    it('map Lead.Email to Contact.Email for the cross-object rule', () => {
        const [use] = rule('Lead', 'Attribution_Leads_Matching_Contacts').duplicateRuleMatchRules;
        expect(use?.matchRuleSObjectType).toBe('Contact');
        expect(use?.matchingRule).toBe('Attribution_Contact_Email');
        expect(use?.objectMapping).toEqual({
            inputObject: 'Lead',
            mappingFields: [{ inputField: 'Email', outputField: 'Email' }],
            outputObject: 'Contact'
        });
    });

    it('use consecutive sort orders per object after the standard rules (Lead 1-2, Contact 1)', () => {
        const orders = (object: string): number[] =>
            duplicates.filter((d) => d.object === object).map((d) => d.sortOrder);
        expect(orders('Lead').sort()).toEqual([3, 4]);
        expect(orders('Contact')).toEqual([2]);
    });
});

describe('structural check catches seeded defects', () => {
    const file = join(DUPLICATE_DIR, 'Lead.Attribution_Leads_Matching_Contacts.duplicateRule-meta.xml');
    const xml = readFileSync(file, 'utf8');
    const mutate = (from: string, to: string): DuplicateRule => {
        const changed = xml.replace(from, to);
        expect(changed).not.toBe(xml);
        return parseDuplicateRule(changed, file);
    };

    it('reports a misspelt matching rule', () => {
        const broken = mutate('<matchingRule>Attribution_Contact_Email<', '<matchingRule>Attribution_Contact_Emial<');
        expect(dedupeProblems([broken], matching)).toEqual([
            `${file}: matching rule Attribution_Contact_Emial does not exist`
        ]);
    });

    it('reports a matching rule of the wrong object', () => {
        const broken = mutate('<matchingRule>Attribution_Contact_Email<', '<matchingRule>Attribution_Lead_Email<');
        expect(dedupeProblems([broken], matching)).toEqual([
            `${file}: matching rule Attribution_Lead_Email is on Lead, not Contact`
        ]);
    });

    it('reports a cross-object rule whose mapping misses the matched field', () => {
        const broken = mutate('<outputField>Email</outputField>', '<outputField>Phone</outputField>');
        expect(dedupeProblems([broken], matching)).toEqual([`${file}: matching field Email has no mapped Lead field`]);
    });

    it('reports a cross-object rule without a mapping', () => {
        const broken = mutate(
            /<objectMapping>[\s\S]*<\/objectMapping>/.exec(xml)?.[0] ?? '',
            '<objectMapping xsi:nil="true"/>'
        );
        expect(dedupeProblems([broken], matching)).toEqual([`${file}: Lead matched against Contact needs a mapping`]);
    });

    it('rejects an action outside the WSDL enumeration, naming file and element', () => {
        expect(() => mutate('<actionOnInsert>Allow<', '<actionOnInsert>Warn<')).toThrow(
            /duplicateRule-meta\.xml: <actionOnInsert>/
        );
    });
});
