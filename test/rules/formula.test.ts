import { describe, expect, it } from 'vitest';
import {
    FormulaError,
    evaluateCondition,
    evaluateFormula,
    functionsUsed,
    referencesUsed
} from '../../src/formula/evaluate.js';
import type { ValueMap } from '../../src/formula/evaluate.js';
import { picklist, reference } from './helpers.js';

const record: ValueMap = {
    StageName: picklist('Negotiation'),
    CampaignId: reference(null),
    Amount: { type: 'currency', value: 1200 },
    CloseDate: { type: 'date', value: '2026-11-30' },
    Name: { type: 'text', value: 'Acme renewal' }
};

describe('evaluateFormula', () => {
    it('binds fields case-insensitively and evaluates text, number and date results', () => {
        expect(evaluateFormula('TEXT(stagename) & " / " & Name', { record })).toBe('Negotiation / Acme renewal');
        expect(evaluateFormula('Amount * 2', { record })).toBe(2400);
        expect(evaluateFormula('CloseDate + 1', { record })).toBe('2026-12-01');
    });

    it('treats a blank picklist as empty text, not "NULL"', () => {
        expect(evaluateFormula('TEXT(LeadSource)', { record: { LeadSource: picklist(null) } })).toBe('');
        expect(evaluateCondition('ISBLANK(TEXT(LeadSource))', { record: { LeadSource: picklist(null) } })).toBe(true);
    });

    it('binds ISNEW from the absence of a prior record unless told otherwise', () => {
        expect(evaluateCondition('ISNEW()', { record })).toBe(true);
        expect(evaluateCondition('ISNEW()', { record, prior: record })).toBe(false);
        expect(evaluateCondition('ISNEW()', { record, isNew: false })).toBe(false);
    });

    it('binds ISCHANGED and PRIORVALUE from the prior record', () => {
        const prior = { ...record, StageName: picklist('Qualification'), CampaignId: reference('701000000000001') };
        expect(evaluateCondition('ISCHANGED(StageName)', { record, prior })).toBe(true);
        expect(evaluateCondition('ISCHANGED(Name)', { record, prior })).toBe(false);
        expect(evaluateCondition('ISCHANGED( CampaignId )', { record, prior })).toBe(true);
        expect(evaluateFormula('TEXT(PRIORVALUE(StageName))', { record, prior })).toBe('Qualification');
        expect(evaluateCondition('ISCHANGED(StageName)', { record })).toBe(false);
        expect(evaluateFormula('TEXT(PRIORVALUE(StageName))', { record })).toBe('');
    });

    it('treats null and empty text as the same blank value for ISCHANGED', () => {
        const prior = { ...record, Name: { type: 'text', value: '' } } as const;
        const after = { ...record, Name: { type: 'text', value: null } } as const;
        expect(evaluateCondition('ISCHANGED(Name)', { record: after, prior })).toBe(false);
    });

    it('resolves $Permission, $CustomMetadata, $User and other globals from the context', () => {
        const context = {
            record,
            permissions: { Attribution_Guardrails_Bypass: true },
            customMetadata: { 'Attribution_Rules__mdt.Default.Exempt_Lead_Sources__c': reference('Outbound') },
            user: { Department: { type: 'text', value: 'Sales' } },
            globals: { '$Profile.Name': { type: 'text', value: 'System Administrator' } }
        } as const;
        expect(evaluateCondition('$Permission.Attribution_Guardrails_Bypass', context)).toBe(true);
        expect(evaluateFormula('$CustomMetadata.Attribution_Rules__mdt.Default.Exempt_Lead_Sources__c', context)).toBe(
            'Outbound'
        );
        expect(evaluateFormula('$User.Department & "/" & $Profile.Name', context)).toBe('Sales/System Administrator');
    });

    it('ignores comments and function-like text inside string literals', () => {
        expect(evaluateCondition('/* ISCHANGED(x) */ CONTAINS("FOO(1) ISNEW()", "FOO")', { record })).toBe(true);
        expect(functionsUsed('IF(ISBLANK(Name), "BAR(", TEXT(StageName))')).toEqual(['IF', 'ISBLANK', 'TEXT']);
        expect(referencesUsed('AND(ISBLANK(Name), $Permission.X, TRUE)')).toEqual(['Name', '$Permission.X']);
    });

    it('throws on an unknown function instead of evaluating to blank', () => {
        expect(() => evaluateCondition('AND(ISBLANK(Name), FOO(Name))', { record })).toThrow(/Unknown function FOO/);
        expect(() => evaluateCondition('ISCLONE()', { record })).toThrow(/ISCLONE is not supported/);
    });

    it('throws on an unknown field, permission or custom metadata value, naming it', () => {
        expect(() => evaluateCondition('ISBLANK(CampaignIdd)', { record })).toThrow(FormulaError);
        expect(() => evaluateCondition('ISBLANK(CampaignIdd)', { record })).toThrow(/CampaignIdd does not exist/);
        expect(() => evaluateCondition('$Permission.Typo', { record, permissions: { Real: true } })).toThrow(
            /unknown custom permission \$Permission.Typo/
        );
        expect(() => evaluateCondition('ISBLANK($CustomMetadata.A__mdt.B.C__c)', { record })).toThrow(
            /unknown custom metadata value/
        );
    });

    it('throws on misuse of ISCHANGED/PRIORVALUE/ISNEW and on syntax and type errors', () => {
        expect(() => evaluateCondition('ISCHANGED($Permission.X)', { record, permissions: { X: true } })).toThrow(
            /ISCHANGED needs exactly one field/
        );
        expect(() => evaluateCondition('ISCHANGED(Name, StageName)', { record })).toThrow(/ISCHANGED needs/);
        expect(() => evaluateCondition('ISNEW(Name)', { record })).toThrow(/ISNEW takes no argument/);
        expect(() => evaluateCondition('AND(TRUE', { record })).toThrow(FormulaError);
        expect(() => evaluateCondition('ISBLANK(StageName)', { record })).toThrow(/formula error/);
        expect(() => evaluateCondition('Name', { record })).toThrow(/must return a checkbox/);
    });

    it('requires the prior record to carry the fields ISCHANGED compares', () => {
        expect(() => evaluateCondition('ISCHANGED(StageName)', { record, prior: { Name: record['Name']! } })).toThrow(
            /prior record has no field StageName/
        );
    });
});
