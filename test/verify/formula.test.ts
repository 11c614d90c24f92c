import { describe, expect, it } from 'vitest';
import { analyzeFormula, normalizeFormula, unwrapMergeFields } from '../../src/verify/refs/formula.js';

describe('formula analysis', () => {
    it('lists identifiers, including $-globals and cross-object paths', () => {
        const r = analyzeFormula('AND(NOT($Permission.Bypass), ISBLANK(CampaignId), Account.Name <> $User.Username)');
        expect(r.error).toBeUndefined();
        expect(r.identifiers.sort()).toEqual(['$Permission.Bypass', '$User.Username', 'Account.Name', 'CampaignId']);
    });

    it('collects literals compared with a field through ISPICKVAL, =, <>, CASE and INCLUDES', () => {
        const r = analyzeFormula(
            "ISPICKVAL(LeadSource, 'Web') && TEXT(StageName) <> 'Closed Won' && CASE(Status, 'Open', 1, 'Working', 2, 0) = 1 && INCLUDES(M__c, 'A')"
        );
        expect(r.comparisons).toEqual([
            { identifier: 'LeadSource', value: 'Web' },
            { identifier: 'StageName', value: 'Closed Won' },
            { identifier: 'Status', value: 'Open' },
            { identifier: 'Status', value: 'Working' },
            { identifier: 'M__c', value: 'A' }
        ]);
    });

    it('handles flow merge fields, comments, escaped quotes and polymorphic references', () => {
        expect(unwrapMergeFields('{!$Record.StageName} = {! Var }')).toBe('$Record.StageName = Var');
        expect(normalizeFormula("/* note */ Owner:User.Alias = 'it\\'s a:b.c'")).toBe(`  Owner.Alias = "it's a:b.c"`);
        const r = analyzeFormula(
            "/* gate */ ISCHANGED({!$Record.StageName}) && TEXT({!$Record.LeadSource}) = 'O\\'Brien'"
        );
        expect(r.error).toBeUndefined();
        expect(r.comparisons).toEqual([{ identifier: '$Record.LeadSource', value: "O'Brien" }]);
    });

    it('reports formulas that do not parse', () => {
        expect(analyzeFormula('AND(A, ').error).toBe('SyntaxError: Syntax error.');
    });
});
