/**
 * Offline checks of the org-runnable Apex tests (they cannot run here): each class parses and is Prettier-formatted
 * (prettier-plugin-apex, native parser), has API 66.0 metadata, follows the project's test conventions, and the
 * messages, roles and picklist values it expects agree with the metadata it exercises.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIR, loadRule } from './helpers.js';

const CLASSES_DIR = join(DEFAULT_DIR, 'classes');
const classFiles = readdirSync(CLASSES_DIR)
    .filter((name) => name.endsWith('.cls'))
    .sort();
const source = (name: string): string => readFileSync(join(CLASSES_DIR, name), 'utf8');
/** Classes that are not `@IsTest` (shipped logic); everything else is a test class or a test support class. */
const PRODUCTION_CLASSES = classFiles.filter((name) => !/^\s*@IsTest/m.test(source(name)));
const TEST_CLASSES = classFiles.filter((name) => !PRODUCTION_CLASSES.includes(name));
/** `@IsTest public` classes the test classes share (data factory and configuration reader); they hold no tests. */
const SUPPORT_CLASSES = ['AttributionTestConfig.cls', 'AttributionTestFactory.cls'];
/** The test classes of lead conversion (into a new opportunity, into an existing one). */
/**
 * Aura methods that are not cacheable, each with its reason: a cacheable method may not write (Salesforce refuses DML
 * in it), and a cached read would show a stale answer where the rep needs a fresh one.
 */
const NOT_CACHEABLE: Readonly<Record<string, string>> = {
    'AttributionLeadConvertController.convertLead': 'converts the lead: DML is not allowed in a cacheable method',
    'AttributionLeadConvertController.getPreflight':
        'read each time the action opens: a cached verdict would hide the fix a rep just made on the lead'
};
/** Production classes without Aura methods that serve a controller and are proven by that controller's tests. */
const HELPERS: Readonly<Record<string, string>> = {
    'AttributionLeadConvertErrors.cls': 'AttributionLeadConvertController.cls',
    'AttributionLeadConvertPreflight.cls': 'AttributionLeadConvertController.cls'
};
const CONVERSION_TESTS = ['LeadConversionAttributionTest.cls', 'LeadConversionExistingOpportunityTest.cls'];

function stringConstant(className: string, constant: string): string {
    const match = new RegExp(`static final String ${constant} =\\s*'([^']*)';`).exec(source(`${className}.cls`));
    if (!match?.[1]) {
        throw new Error(`${className}.cls: constant ${constant} not found`);
    }
    return match[1];
}

function flowErrorMessages(flow: string): string[] {
    const xml = readFileSync(join(DEFAULT_DIR, 'flows', `${flow}.flow-meta.xml`), 'utf8');
    return [...xml.matchAll(/<errorMessage>([^<]*)<\/errorMessage>/g)].map((m) => m[1] ?? '');
}

/** Arguments of an Assert method when it is given a failure message. */
const MESSAGE_ARITY: Record<string, number> = {
    areEqual: 3,
    areNotEqual: 3,
    isTrue: 2,
    isFalse: 2,
    isNull: 2,
    isNotNull: 2,
    isInstanceOfType: 3,
    fail: 1
};

/** Every `Assert.x(...)` call with its number of top-level arguments (string literals and nesting respected). */
function assertCalls(text: string): Array<{ method: string; args: number }> {
    const calls: Array<{ method: string; args: number }> = [];
    for (const match of text.matchAll(/Assert\.(\w+)\(/g)) {
        let depth = 1;
        let args = 1;
        let index = (match.index ?? 0) + match[0].length;
        let quoted = false;
        for (; index < text.length && depth > 0; index += 1) {
            const char = text[index];
            if (quoted) {
                if (char === '\\') {
                    index += 1;
                } else if (char === "'") {
                    quoted = false;
                }
                continue;
            }
            if (char === "'") {
                quoted = true;
            } else if (char === '(' || char === '{' || char === '[') {
                depth += 1;
            } else if (char === ')' || char === '}' || char === ']') {
                depth -= 1;
            } else if (char === ',' && depth === 1) {
                args += 1;
            }
        }
        calls.push({ method: match[1] ?? '', args });
    }
    return calls;
}

interface AuraMethod {
    name: string;
    cacheable: boolean;
    writes: boolean;
}

/** The `@AuraEnabled` methods of a class: cacheable or not, and whether their body writes (DML or a savepoint). */
function auraMethods(text: string): AuraMethod[] {
    return [...text.matchAll(/@AuraEnabled(\(([^)]*)\))?\s+public static [\w<>.]+ (\w+)\(/g)].map((match) => {
        const start = match.index + match[0].length;
        const end = text.indexOf('\n    }\n', start);
        const body = text.slice(start, end < 0 ? undefined : end);
        return {
            name: match[3] ?? '',
            cacheable: /cacheable=true/.test(match[2] ?? ''),
            writes: /Database\.(insert|update|delete|upsert|setSavepoint)\(/.test(body)
        };
    });
}

describe('Apex classes', () => {
    it('ships the rules controller, the test support classes and the test classes', () => {
        expect(classFiles).toEqual([
            'AttributionDealController.cls',
            'AttributionDealControllerTest.cls',
            'AttributionInfluenceController.cls',
            'AttributionInfluenceControllerTest.cls',
            'AttributionLeadConvertController.cls',
            'AttributionLeadConvertControllerTest.cls',
            'AttributionLeadConvertErrors.cls',
            'AttributionLeadConvertPreflight.cls',
            'AttributionRulesController.cls',
            'AttributionRulesControllerTest.cls',
            'AttributionTestConfig.cls',
            'AttributionTestFactory.cls',
            'LeadConversionAttributionTest.cls',
            'LeadConversionExistingOpportunityTest.cls',
            'OpportunityCampaignAutoAssociationTest.cls',
            'OpportunityContactRoleGuardrailsTest.cls',
            'RequireLeadSourceTest.cls',
            'RequirePrimaryCampaignSourceTest.cls'
        ]);
    });

    it.each(classFiles)('%s parses and is Prettier-formatted', async (name) => {
        const file = join(CLASSES_DIR, name);
        const text = source(name);
        const options = (await prettier.resolveConfig(file)) ?? {};
        const formatted = await prettier.format(text, { ...options, filepath: file });
        expect(formatted).toBe(text);
    });

    it('counts assertion arguments so a missing message is caught', () => {
        expect(assertCalls("Assert.areEqual(1, f(a, b), 'why, exactly');")).toEqual([{ method: 'areEqual', args: 3 }]);
        expect(assertCalls("Assert.isTrue(x.contains('a)'));")).toEqual([{ method: 'isTrue', args: 1 }]);
    });

    it('tells a read from a write (the cacheable check can fail)', () => {
        const read = '    @AuraEnabled(cacheable=true)\n    public static X a() {\n        return null;\n    }\n';
        const write =
            '    @AuraEnabled\n    public static void b() {\n        Database.delete(r, AccessLevel.USER_MODE);\n    }\n';
        const cachedWrite = write.replace('@AuraEnabled', '@AuraEnabled(cacheable=true)');
        expect(auraMethods(read + write)).toEqual([
            { name: 'a', cacheable: true, writes: false },
            { name: 'b', cacheable: false, writes: true }
        ]);
        expect(auraMethods(cachedWrite)).toEqual([{ name: 'b', cacheable: true, writes: true }]);
    });

    it('rejects an Apex syntax error (the parse check can fail)', async () => {
        const file = join(CLASSES_DIR, 'Broken.cls');
        const options = (await prettier.resolveConfig(file)) ?? {};
        await expect(
            prettier.format('@IsTest private class Broken { static void x( { } }', { ...options, filepath: file })
        ).rejects.toThrow();
    });

    it.each(classFiles)('%s has API 66.0 Active metadata', (name) => {
        const meta = readFileSync(join(CLASSES_DIR, `${name}-meta.xml`), 'utf8');
        expect(meta).toContain('<apiVersion>66.0</apiVersion>');
        expect(meta).toContain('<status>Active</status>');
    });

    it.each(PRODUCTION_CLASSES)(
        '%s is a with sharing class whose Aura methods are cacheable and documented',
        (name) => {
            const text = source(name);
            expect(text).toMatch(/^\/\*\*[\s\S]*?@description/);
            expect(text).toMatch(/public with sharing class /);
            expect(text).not.toMatch(/without sharing|SeeAllData/);
            // every SOQL query of a production class runs in user mode
            expect((text.match(/\[\s*SELECT[\s\S]*?\]/g) ?? []).every((query) => /WITH USER_MODE/.test(query))).toBe(
                true
            );
            const className = name.replace(/\.cls$/, '');
            const methods = auraMethods(text);
            const helperOf = HELPERS[name];
            if (helperOf) {
                // A helper has no Aura method; its controller calls it and the controller's test class exercises it.
                expect(methods).toEqual([]);
                expect(source(helperOf)).toContain(`${className}.`);
                expect(classFiles).toContain(helperOf.replace(/\.cls$/, 'Test.cls'));
                return;
            }
            expect(methods.length).toBeGreaterThan(0);
            // a read is cacheable and writes nothing (unless listed, with its reason, in NOT_CACHEABLE); a method
            // that writes is never cacheable
            for (const method of methods) {
                const label = `${className}.${method.name}`;
                if (method.writes || NOT_CACHEABLE[label]) expect(method.cacheable, label).toBe(false);
                else expect(method.cacheable, `${label} is cacheable: it writes nothing`).toBe(true);
            }
            // every DML of a production class runs in user mode
            expect(
                (text.match(/Database\.(insert|update|delete)\([^;]*;/g) ?? []).every((dml) =>
                    /AccessLevel\.USER_MODE/.test(dml)
                )
            ).toBe(true);
            expect(text).not.toMatch(/^\s*(insert|update|delete|upsert) /m);
            // its test class exists
            expect(classFiles).toContain(name.replace(/\.cls$/, 'Test.cls'));
        }
    );

    it.each(TEST_CLASSES)('%s follows the test conventions', (name) => {
        const text = source(name);
        expect(text).toMatch(/^\/\*\*[\s\S]*?@description/);
        expect(text).toMatch(/@IsTest/);
        expect(text).not.toMatch(/System\.assert(Equals|NotEquals)?\s*\(/);
        expect(text).not.toMatch(/SeeAllData\s*=\s*true/i);
        for (const call of assertCalls(text)) {
            expect(call.args, `${name}: Assert.${call.method} needs a message`).toBe(MESSAGE_ARITY[call.method]);
        }
        if (SUPPORT_CLASSES.includes(name)) {
            expect(text).toMatch(new RegExp(`@IsTest\\s+public with sharing class ${name.replace(/\.cls$/, '')} \\{`));
            expect(text).not.toMatch(/@IsTest\s+static void|testMethod/);
            // every DML of a support class names its access level; every query too
            expect(text).not.toMatch(/^\s*(insert|update|delete|upsert) /m);
            expect(
                (text.match(/Database\.(insert|update|delete)\([^;]*;/g) ?? []).every((dml) =>
                    /AccessLevel\./.test(dml)
                )
            ).toBe(true);
            const queries = text.match(/\[\s*SELECT[\s\S]*?\]/g) ?? [];
            expect(queries.length).toBeGreaterThan(0);
            expect(queries.every((query) => /WITH (USER|SYSTEM)_MODE/.test(query))).toBe(true);
        } else {
            expect(text).toMatch(/@IsTest\(IsParallel=false\)\s+private class/);
            expect(text).toMatch(/Test\.startTest\(\)/);
            expect(text).toMatch(/Test\.stopTest\(\)/);
            expect(text).toMatch(/System\.runAs\(/);
            expect(assertCalls(text).length).toBeGreaterThan(2);
        }
    });
});

describe('Apex expectations agree with the metadata they exercise', () => {
    it('the campaign rule message the tests expect is the rule message on CampaignId', () => {
        const rule = loadRule('Opportunity', 'Require_Primary_Campaign_Source');
        expect(rule.errorMessage.startsWith(stringConstant('RequirePrimaryCampaignSourceTest', 'MESSAGE'))).toBe(true);
        expect(rule.errorDisplayField).toBe('CampaignId');
    });

    it('the lead source rule message the tests expect is the rule message on LeadSource', () => {
        const rule = loadRule('Lead', 'Require_Lead_Source');
        expect(rule.errorMessage.startsWith(stringConstant('RequireLeadSourceTest', 'MESSAGE'))).toBe(true);
        expect(rule.errorDisplayField).toBe('LeadSource');
    });

    it('the contact role messages the tests expect are the flows’ error messages', () => {
        const gate = stringConstant('OpportunityContactRoleGuardrailsTest', 'GATE_MESSAGE');
        const guard = stringConstant('OpportunityContactRoleGuardrailsTest', 'DELETE_MESSAGE');
        expect(stringConstant('AttributionDealControllerTest', 'DELETE_MESSAGE')).toBe(guard);
        expect(flowErrorMessages('Opportunity_Contact_Role_Gate').some((m) => m.startsWith(gate))).toBe(true);
        expect(flowErrorMessages('Opportunity_Contact_Role_Delete_Guard').some((m) => m.startsWith(guard))).toBe(true);
        const gateXml = readFileSync(join(DEFAULT_DIR, 'flows', 'Opportunity_Contact_Role_Gate.flow-meta.xml'), 'utf8');
        expect(gateXml).toContain('<fieldSelection>StageName</fieldSelection>');
    });

    it.each(CONVERSION_TESTS)(
        '%s expects contact roles from Persona_Role_Mapping__mdt at run time, not from literals',
        (name) => {
            const text = source(name);
            expect(text.match(/config\.roleByPersona\.get\(/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
            for (const file of readdirSync(join(DEFAULT_DIR, 'customMetadata')).filter((f) =>
                f.startsWith('Persona_Role_Mapping.')
            )) {
                const xml = readFileSync(join(DEFAULT_DIR, 'customMetadata', file), 'utf8');
                const role = /<field>Contact_Role__c<\/field>\s*<value[^>]*>([^<]+)<\/value>/.exec(xml)?.[1] ?? '';
                expect(role, file).not.toBe('');
                expect(text, `${file}: role ${role} spelled in the test`).not.toContain(`'${role}'`);
            }
        }
    );

    it('every conversion scenario that checks a contact role reads it from the mapping', () => {
        const reads = CONVERSION_TESTS.map((name) => source(name).match(/config\.roleByPersona\.get\(/g)?.length ?? 0);
        // new opportunity, existing contact, bulk; existing opportunity with a campaign
        expect(reads.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(4);
    });
});
