/** The setup-script helper's pure parts: sort-order plans, matching-rule and flow verdicts, bad input. */
import { describe, expect, it } from 'vitest';
import {
    parseOrgDuplicateRules,
    planSortOrders,
    withSortOrder,
    type KitDuplicateRule
} from '../../src/install/duplicate-order.js';
import { flowVerdict, matchingRuleVerdict } from '../../src/install/org-status.js';

const kit: KitDuplicateRule[] = [
    { object: 'Lead', name: 'Attribution_Leads_Matching_Contacts', sortOrder: 3 },
    { object: 'Lead', name: 'Attribution_Leads_By_Email', sortOrder: 2 },
    { object: 'Contact', name: 'Attribution_Contacts_By_Email', sortOrder: 2 }
];
const query = (records: unknown[]): string =>
    JSON.stringify({ status: 0, result: { records, totalSize: records.length } });

describe('planSortOrders', () => {
    it('keeps the repository order within an object and counts inactive org rules', () => {
        const org = parseOrgDuplicateRules(
            query([
                { DeveloperName: 'Standard_Lead_Duplicate_Rule', SobjectType: 'Lead', IsActive: true },
                { DeveloperName: 'Legacy', SobjectType: 'Lead', IsActive: false }
            ]),
            'org.json'
        );
        expect(planSortOrders(kit, org)).toEqual([
            {
                object: 'Contact',
                orgRules: [],
                assignments: [{ name: 'Attribution_Contacts_By_Email', from: 2, to: 1 }]
            },
            {
                object: 'Lead',
                orgRules: ['Legacy', 'Standard_Lead_Duplicate_Rule'],
                assignments: [
                    { name: 'Attribution_Leads_By_Email', from: 2, to: 3 },
                    { name: 'Attribution_Leads_Matching_Contacts', from: 3, to: 4 }
                ]
            }
        ]);
    });

    it('does not count the kit rules already in the org, nor same-named rules of another object', () => {
        const org = parseOrgDuplicateRules(
            query([
                { DeveloperName: 'Standard_Lead_Duplicate_Rule', SobjectType: 'Lead' },
                { DeveloperName: 'Attribution_Leads_By_Email', SobjectType: 'Lead' },
                { DeveloperName: 'Attribution_Leads_By_Email', SobjectType: 'Contact' }
            ]),
            'org.json'
        );
        const [contact, lead] = planSortOrders(kit, org);
        expect(contact?.orgRules).toEqual(['Attribution_Leads_By_Email']);
        expect(lead?.assignments.map((a) => a.to)).toEqual([2, 3]);
    });

    it('rejects a query result of the wrong shape, naming the file', () => {
        expect(() =>
            parseOrgDuplicateRules('{"status":0,"result":{"records":[{"Name":"x"}]}}', '/tmp/dr.json')
        ).toThrow(/^\/tmp\/dr\.json: not a DuplicateRule query result: result\.records\.0\.DeveloperName/);
        expect(() => parseOrgDuplicateRules('Error: no org', '/tmp/dr.json')).toThrow(/^\/tmp\/dr\.json: not JSON/);
    });
});

describe('withSortOrder', () => {
    it('changes only the top-level sortOrder, not the filter item one', () => {
        const xml = '<DuplicateRule><x><sortOrder>1</sortOrder></x>\n    <sortOrder>2</sortOrder>\n</DuplicateRule>\n';
        expect(withSortOrder(xml, 5, 'f')).toBe(
            '<DuplicateRule><x><sortOrder>1</sortOrder></x>\n    <sortOrder>5</sortOrder>\n</DuplicateRule>\n'
        );
        expect(() => withSortOrder('<DuplicateRule/>', 5, 'f.xml')).toThrow(/^f\.xml: no top-level <sortOrder>/);
    });
});

describe('matchingRuleVerdict', () => {
    const names = ['Attribution_Contact_Email', 'Attribution_Lead_Email'];
    const rows = (a: string, b?: string): string =>
        query([
            { DeveloperName: 'Attribution_Contact_Email', RuleStatus: a },
            ...(b ? [{ DeveloperName: 'Attribution_Lead_Email', RuleStatus: b }] : [])
        ]);
    it('is done only when every kit rule is Active', () => {
        expect(matchingRuleVerdict(rows('Active', 'Active'), names, 'm.json').state).toBe('done');
        expect(matchingRuleVerdict(rows('Active', 'Activating'), names, 'm.json')).toEqual({
            state: 'pending',
            message: 'waiting for Attribution_Lead_Email (Activating)'
        });
        expect(matchingRuleVerdict(rows('Active'), names, 'm.json').message).toBe(
            'waiting for Attribution_Lead_Email (not visible yet)'
        );
    });
    it('fails on ActivationFailed or Inactive, naming the rule', () => {
        expect(matchingRuleVerdict(rows('Inactive', 'Active'), names, 'm.json')).toMatchObject({
            state: 'failed',
            message: expect.stringContaining('Attribution_Contact_Email is Inactive') as string
        });
    });
});

describe('flowVerdict', () => {
    const names = ['A_Flow', 'B_Flow'];
    it('tells an inactive latest version apart from a flow that never ran', () => {
        const verdict = flowVerdict(
            query([
                { ApiName: 'A_Flow', IsActive: false, ActiveVersionId: '301000000000001AAA' },
                { ApiName: 'Other', IsActive: true, ActiveVersionId: '301000000000002AAA' }
            ]),
            names,
            'f.json'
        );
        expect(verdict.state).toBe('failed');
        expect(verdict.message).toContain('B_Flow is not in the org');
        expect(verdict.message).toContain(
            'A_Flow: the deployed (latest) version is inactive, an older version still runs'
        );
        expect(verdict.message).toContain('FlowSettings.enableFlowDeployAsActiveEnabled');
    });
    it('is done when every kit flow is active', () => {
        const rows = names.map((n) => ({ ApiName: n, IsActive: true, ActiveVersionId: '301000000000001AAA' }));
        expect(flowVerdict(query(rows), names, 'f.json')).toEqual({
            state: 'done',
            message: 'all 2 kit flows are active: A_Flow, B_Flow'
        });
    });
});
