/**
 * The validation rules on Attribution_Rules__mdt keep every reader of the rules in agreement (issue 7, item 10):
 * the formulas and flows normalise only "; " inside a list, while Apex, the LWCs and the audit trim each entry, so a
 * list written "Outbound ;Partner Referral" would be exempt for some readers and not for others. The rules refuse
 * such a record, and a negative lookback window.
 */
import { describe, expect, it } from 'vitest';
import type { TypedValue, ValueMap } from '../../src/formula/evaluate.js';
import { RECORD_VALUE_LISTS } from '../../src/verify/refs/governed.js';
import { blocks, loadRule, shippedRules } from './helpers.js';

const lists = loadRule('Attribution_Rules__mdt', 'Rule_Lists_Well_Formed');
const lookback = loadRule('Attribution_Rules__mdt', 'Campaign_Lookback_Not_Negative');
const text = (value: string | null): TypedValue => ({ type: 'text', value });
const num = (value: number | null): TypedValue => ({ type: 'number', value });

/** Every text field of the record whose values another metadata type governs (the lists and the single stage). */
const LIST_FIELDS = Object.keys(RECORD_VALUE_LISTS)
    .filter((k) => k.startsWith('Attribution_Rules__mdt.'))
    .map((k) => k.slice('Attribution_Rules__mdt.'.length));

/** The shipped Default record as the record being saved (field names without the `$CustomMetadata` prefix). */
function record(overrides: Readonly<Record<string, TypedValue>> = {}): ValueMap {
    const prefix = 'Attribution_Rules__mdt.Default.';
    const fields = Object.fromEntries(
        Object.entries(shippedRules())
            .filter(([k]) => k.startsWith(prefix))
            .map(([k, v]) => [k.slice(prefix.length), v])
    );
    return { ...fields, ...overrides };
}

const saves = (rule: typeof lists, after: ValueMap): boolean => blocks(rule, { after, before: after });

describe('Attribution_Rules__mdt.Rule_Lists_Well_Formed', () => {
    it('covers every list field the rules, flows, cards and audit read', () => {
        expect(LIST_FIELDS.length).toBeGreaterThanOrEqual(9);
        for (const field of LIST_FIELDS) expect(lists.errorConditionFormula, field).toContain(field);
    });

    it('accepts the shipped Default record, blank lists and one space after a separator', () => {
        expect(saves(lists, record())).toBe(false);
        expect(saves(lists, record({ Campaign_Exempt_Stages__c: text(null) }))).toBe(false);
        expect(saves(lists, record({ Exempt_Lead_Sources__c: text('Outbound; Partner Referral') }))).toBe(false);
    });

    it.each([
        ['a space before a separator', 'Outbound ;Partner Referral'],
        ['an empty entry', 'Outbound;;Partner Referral'],
        ['a leading separator', ';Outbound'],
        ['a trailing separator', 'Outbound;'],
        ['a trailing separator and space', 'Outbound; '],
        ['a trailing space', 'Outbound '],
        ['two spaces after a separator', 'Outbound;  Partner Referral']
    ])('refuses %s in every list field', (_, value) => {
        for (const field of LIST_FIELDS) {
            expect(saves(lists, record({ [field]: text(value) })), `${field} = "${value}"`).toBe(true);
        }
    });
});

describe('Attribution_Rules__mdt.Campaign_Lookback_Not_Negative', () => {
    it('accepts the shipped value, 0 and blank (no limit); refuses a negative window on its field', () => {
        expect(saves(lookback, record())).toBe(false);
        expect(saves(lookback, record({ Campaign_Lookback_Days__c: num(0) }))).toBe(false);
        expect(saves(lookback, record({ Campaign_Lookback_Days__c: num(null) }))).toBe(false);
        expect(saves(lookback, record({ Campaign_Lookback_Days__c: num(-1) }))).toBe(true);
        expect(lookback.errorDisplayField).toBe('Campaign_Lookback_Days__c');
    });
});
