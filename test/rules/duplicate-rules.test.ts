import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sortOrderProblems } from '../../src/install/duplicate-order.js';
import { NEW_ORG_DUPLICATE_RULES } from '../../src/install/org-facts.js';
import { dedupeProblems, loadDuplicateRules, loadMatchingRules, parseDuplicateRule, repoDir } from './dedupe-model.js';
import type { DuplicateRule } from './dedupe-model.js';
import { insert } from './dedupe-save.js';
import type { Org, Row } from './dedupe-save.js';

const DUPLICATE_DIR = repoDir('duplicateRules');
const MATCHING_DIR = repoDir('matchingRules');
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

    it('use consecutive sort orders after the one standard rule per object of an org created since Summer 17', () => {
        const orders = (object: string): number[] =>
            duplicates
                .filter((d) => d.object === object)
                .map((d) => d.sortOrder)
                .sort();
        expect(orders('Lead')).toEqual([2, 3]);
        expect(orders('Contact')).toEqual([2]);
        expect(sortOrderProblems(duplicates, NEW_ORG_DUPLICATE_RULES)).toEqual([]);
    });
});

describe('sort-order check catches seeded defects', () => {
    it('reports the old orders (Lead 3 and 4, assuming two standard Lead rules)', () => {
        const old = duplicates.map((d) => (d.object === 'Lead' ? { ...d, sortOrder: d.sortOrder + 1 } : d));
        expect(sortOrderProblems(old, NEW_ORG_DUPLICATE_RULES)).toEqual([
            'Lead.Attribution_Leads_By_Email: sortOrder 3, expected 2 (a new org has 1 standard Lead rule(s); sort orders run 1, 2, 3… without gaps)',
            'Lead.Attribution_Leads_Matching_Contacts: sortOrder 4, expected 3 (a new org has 1 standard Lead rule(s); sort orders run 1, 2, 3… without gaps)'
        ]);
    });

    it('reports a gap between two kit rules', () => {
        const gap = duplicates.map((d) =>
            d.name === 'Attribution_Leads_Matching_Contacts' ? { ...d, sortOrder: 4 } : d
        );
        expect(sortOrderProblems(gap, NEW_ORG_DUPLICATE_RULES)).toEqual([
            'Lead.Attribution_Leads_Matching_Contacts: sortOrder 4, expected 3 (a new org has 1 standard Lead rule(s); sort orders run 1, 2, 3… without gaps)'
        ]);
    });
});

describe('duplicate rules and the bypass (integration users)', () => {
    const rep: Row = { Username: 'rep@acme.example.com', Attribution_Guardrails_Bypass__c: false };
    const integration: Row = { Username: 'sync@acme.example.com', Attribution_Guardrails_Bypass__c: true };
    const org: Org = {
        records: {
            Lead: [{ Id: '00Q1', Email: 'ada@example.com' }],
            Contact: [{ Id: '0031', Email: 'grace@example.com' }]
        }
    };
    const lead = (email: string | null): Row => ({ LastName: 'Lovelace', Company: 'Engines', Email: email });

    it('condition every rule on the current user not holding the bypass (User formula field)', () => {
        for (const d of duplicates) {
            expect(d.duplicateRuleFilter, d.file).toEqual({
                booleanFilter: { '@xsi:nil': 'true' },
                duplicateRuleFilterItems: [
                    {
                        field: 'Attribution_Guardrails_Bypass__c',
                        operation: 'equals',
                        value: 'false',
                        sortOrder: 1,
                        table: 'User'
                    }
                ]
            });
        }
        const field = readFileSync(
            'force-app/main/default/objects/User/fields/Attribution_Guardrails_Bypass__c.field-meta.xml',
            'utf8'
        );
        expect(field).toContain('<formula>$Permission.Attribution_Guardrails_Bypass</formula>');
        expect(field).toContain('<type>Checkbox</type>');
    });

    it('leave reps no way to give themselves the bypass (formula field, permission only in the Bypass set)', () => {
        const ps = (name: string): string =>
            readFileSync(`force-app/main/default/permissionsets/${name}.permissionset-meta.xml`, 'utf8');
        const rep = ps('Attribution_Guardrails_Rep');
        expect(rep).not.toContain('Attribution_Guardrails_Bypass');
        expect(rep).not.toMatch(/<name>(AssignPermissionSets|ManageUsers|ModifyAllData|CustomizeApplication)<\/name>/);
        expect(ps('Attribution_Guardrails_Admin')).not.toContain('<name>Attribution_Guardrails_Bypass</name>');
        for (const name of ['Attribution_Guardrails_Admin', 'Attribution_Guardrails_Bypass']) {
            expect(ps(name), name).toMatch(
                /<editable>false<\/editable>\s*<field>User\.Attribution_Guardrails_Bypass__c<\/field>\s*<readable>true<\/readable>/
            );
        }
        expect(ps('Attribution_Guardrails_Bypass')).toMatch(
            /<customPermissions>\s*<enabled>true<\/enabled>\s*<name>Attribution_Guardrails_Bypass<\/name>/
        );
    });

    it('let a bypass holder insert a duplicate lead through the API without a DuplicateRuleHeader', () => {
        const result = insert(duplicates, matching, org, {
            object: 'Lead',
            record: lead('ADA@example.com'),
            user: integration,
            channel: 'api'
        });
        expect(result).toEqual({
            saved: true,
            alerts: [],
            errors: [],
            reported: [],
            skipped: ['Attribution_Leads_By_Email', 'Attribution_Leads_Matching_Contacts']
        });
    });

    it('alert a rep creating a duplicate lead in the UI, with the rule text, and report it', () => {
        const result = insert(duplicates, matching, org, {
            object: 'Lead',
            record: lead('ada@example.com'),
            user: rep,
            channel: 'ui'
        });
        expect(result.saved).toBe(true);
        expect(result.alerts).toEqual([rule('Lead', 'Attribution_Leads_By_Email').alertText]);
        expect(result.reported).toEqual(['Attribution_Leads_By_Email']);
        const known = insert(duplicates, matching, org, {
            object: 'Lead',
            record: lead('grace@example.com'),
            user: rep,
            channel: 'ui'
        });
        expect(known.alerts).toEqual([rule('Lead', 'Attribution_Leads_Matching_Contacts').alertText]);
    });

    it('refuse a duplicate from an API caller without the bypass unless it sets allowSave (documented platform behaviour)', () => {
        const refused = insert(duplicates, matching, org, {
            object: 'Lead',
            record: lead('ada@example.com'),
            user: rep,
            channel: 'api'
        });
        expect(refused.saved).toBe(false);
        expect(refused.errors[0]).toMatch(/^DUPLICATES_DETECTED/);
        const header = insert(duplicates, matching, org, {
            object: 'Lead',
            record: lead('ada@example.com'),
            user: rep,
            channel: 'api',
            allowSaveHeader: true
        });
        expect(header.saved).toBe(true);
    });

    it('never match blank emails', () => {
        const result = insert(
            duplicates,
            matching,
            { records: { Lead: [{ Email: null }], Contact: [] } },
            { object: 'Lead', record: lead(null), user: rep, channel: 'api' }
        );
        expect(result).toMatchObject({ saved: true, alerts: [], errors: [] });
    });

    it('seeded defect: without the condition (the old rules) the integration insert fails with DUPLICATES_DETECTED', () => {
        const file = join(DUPLICATE_DIR, 'Lead.Attribution_Leads_By_Email.duplicateRule-meta.xml');
        const xml = readFileSync(file, 'utf8');
        const old = xml.replace(
            /<duplicateRuleFilter>[\s\S]*<\/duplicateRuleFilter>/,
            '<duplicateRuleFilter xsi:nil="true"/>'
        );
        expect(old).not.toBe(xml);
        const result = insert([parseDuplicateRule(old, file)], matching, org, {
            object: 'Lead',
            record: lead('ada@example.com'),
            user: integration,
            channel: 'api'
        });
        expect(result.saved).toBe(false);
        expect(result.errors).toEqual([`DUPLICATES_DETECTED: ${rule('Lead', 'Attribution_Leads_By_Email').alertText}`]);
    });

    it('seeded defect: a condition on a user field the model does not know fails loudly', () => {
        const file = join(DUPLICATE_DIR, 'Lead.Attribution_Leads_By_Email.duplicateRule-meta.xml');
        const broken = parseDuplicateRule(
            readFileSync(file, 'utf8').replace('<field>Attribution_Guardrails_Bypass__c<', '<field>Bypass__c<'),
            file
        );
        expect(() =>
            insert([broken], matching, org, { object: 'Lead', record: lead('x@example.com'), user: rep, channel: 'ui' })
        ).toThrow(/condition field User\.Bypass__c missing from the running user/);
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
