/**
 * AttributionRulesController is the one reader of the rules for LWCs: its DTO, the ambient TypeScript type the cards
 * compile against and the Jest payload agree field by field, it reads every Attribution_Rules__mdt field the audit
 * reads, and the Jest payload is the shipped Default record split on ';' (so the card tests run on the real rules).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES, RULE_FIELDS, splitList } from '../../src/audit/config.js';
import { DEFAULT_DIR, shippedRules } from './helpers.js';

const APEX = readFileSync(join(DEFAULT_DIR, 'classes', 'AttributionRulesController.cls'), 'utf8');
const DTS = readFileSync('types/apex.d.ts', 'utf8');
const PAYLOAD = JSON.parse(
    readFileSync(join(DEFAULT_DIR, 'lwc', 'opportunityAttribution', '__tests__', 'data', 'rulesDefault.json'), 'utf8')
) as Record<string, unknown>;

/** `@AuraEnabled public <Type> <name>;` members of the Rules inner class. */
function apexFields(source: string): Record<string, string> {
    const body = /public class Rules \{([\s\S]*?)\n {4}\}/.exec(source)?.[1] ?? '';
    return Object.fromEntries(
        [...body.matchAll(/@AuraEnabled\s+public ([\w<>]+) (\w+);/g)].map((m) => [m[2] ?? '', m[1] ?? ''])
    );
}

function dtsFields(source: string): Record<string, string> {
    const body = /export interface AttributionRulesDto \{([\s\S]*?)\}/.exec(source)?.[1] ?? '';
    return Object.fromEntries(
        [...body.matchAll(/^\s*(\w+): ([^;]+);/gm)].map((m) => [m[1] ?? '', (m[2] ?? '').trim()])
    );
}

const TS_TYPE: Record<string, string> = {
    'List<String>': 'string[]',
    String: 'string | null',
    Integer: 'number | null'
};

describe('AttributionRulesController DTO', () => {
    const apex = apexFields(APEX);

    it('parses the Apex DTO (the comparison below can fail)', () => {
        expect(Object.keys(apex).length).toBeGreaterThanOrEqual(10);
        expect(apexFields('public class Rules {\n        @AuraEnabled\n        public String x;\n    }')).toEqual({
            x: 'String'
        });
    });

    it('has the same fields and types in Apex and in types/apex.d.ts', () => {
        const ts = dtsFields(DTS);
        expect(Object.keys(ts).sort()).toEqual(Object.keys(apex).sort());
        for (const [name, type] of Object.entries(apex)) expect(ts[name], name).toBe(TS_TYPE[type]);
    });

    it('gives the cards every rule the audit reads, from the same custom metadata field', () => {
        expect(Object.keys(apex).sort()).toEqual(Object.keys(DEFAULT_RULES).sort());
        for (const [key, field] of Object.entries(RULE_FIELDS)) {
            expect(APEX, `${key} must be read from ${field}`).toMatch(
                new RegExp(`rules\\.${key} = [^;]*record\\.${field}`)
            );
        }
    });

    it('the Jest payload has exactly the DTO fields and the shipped Default record values', () => {
        expect(Object.keys(PAYLOAD).sort()).toEqual(Object.keys(apex).sort());
        const record = shippedRules();
        for (const [key, field] of Object.entries(RULE_FIELDS)) {
            const raw = record[`Attribution_Rules__mdt.Default.${field}`]?.value;
            const type = apex[key];
            const expected =
                type === 'List<String>'
                    ? splitList(String(raw ?? ''))
                    : type === 'Integer'
                      ? Number(raw)
                      : String(raw ?? '').trim() || null;
            expect(PAYLOAD[key], key).toEqual(expected);
        }
    });
});
