/**
 * scripts/org-init.sh against a fake `sf` on PATH (fixtures/fake-sf): the order of the calls, the sort orders it
 * computes from the org's duplicate rules, the bounded wait for matching rules, the flow-activation check and a
 * second run. Nothing here talks to an org.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
    HISTORY_QUERIES,
    REPO,
    STANDARD,
    cleanUp,
    label,
    newOrg,
    readState,
    runWithFakeSf,
    stagedOrders,
    type Call
} from './fake-sf-harness.js';

const SCRIPT = join(REPO, 'scripts', 'org-init.sh');
afterAll(cleanUp);

const run = (dir: string, env: Record<string, string> = {}): ReturnType<typeof runWithFakeSf> =>
    runWithFakeSf(dir, 'bash', [SCRIPT, 'kit-test'], { SKIP_DATA: '1', ...env });

describe('scripts/org-init.sh with a fake sf', { timeout: 120_000 }, () => {
    it('deploys matching rules, waits until they are active, then the rest, duplicate rules last, and checks flows', async () => {
        const dir = newOrg({ matchingStatus: ['Activating', 'Activating', 'Active'] });
        const { status, out, calls } = await run(dir);
        expect(status, out).toBe(0);
        expect(calls.map(label)).toEqual([
            'org display',
            'org create',
            'org display',
            ...HISTORY_QUERIES,
            'deploy unpackaged/main/default/matchingRules',
            'query MatchingRule',
            'query MatchingRule',
            'query MatchingRule',
            'deploy force-app',
            'deploy unpackaged/main/default/objects',
            'query DuplicateRule',
            'deploy <staged duplicate rules>',
            'query FlowDefinitionView',
            'deploy demo-org',
            'deploy campaign-influence',
            'query PermissionSetAssignment',
            'org assign',
            'query PermissionSetAssignment',
            'org assign',
            'query PermissionSetAssignment',
            'org assign'
        ]);
        expect(stagedOrders(calls)).toEqual({
            'Contact.Attribution_Contacts_By_Email': 2,
            'Lead.Attribution_Leads_By_Email': 2,
            'Lead.Attribution_Leads_Matching_Contacts': 3
        });
        expect(out).toContain('Lead: org has 1 rule(s) of its own (Standard_Lead_Duplicate_Rule)');
        expect(out).toContain('all 5 kit flows are active');

        // second run against the same scratch org: reused, nothing reassigned, same sort orders
        const second = await run(dir);
        expect(second.status, second.out).toBe(0);
        expect(second.calls.map(label)).not.toContain('org create');
        expect(second.calls.map(label)).not.toContain('org assign');
        expect(second.out).toContain('Attribution_Guardrails_Admin already assigned');
        expect(stagedOrders(second.calls)).toEqual(stagedOrders(calls));
    });

    it('appends the kit rules after an org with more rules, a re-run keeps the orders, the repo files stay', async () => {
        const file = join(
            REPO,
            'unpackaged/main/default/duplicateRules/Lead.Attribution_Leads_By_Email.duplicateRule-meta.xml'
        );
        const before = readFileSync(file, 'utf8');
        const dir = newOrg({
            org: { username: 'admin@prod.example.com' },
            duplicateRules: [
                ...STANDARD,
                {
                    DeveloperName: 'Standard_Rule_for_Leads_with_Duplicate_Contacts',
                    SobjectType: 'Lead',
                    IsActive: false
                },
                { DeveloperName: 'Acme_Leads_By_Phone', SobjectType: 'Lead', IsActive: true }
            ]
        });
        const first = await run(dir, { ORG_INIT_EXISTING: '1' });
        expect(first.status, first.out).toBe(0);
        const expected = {
            'Contact.Attribution_Contacts_By_Email': 2,
            'Lead.Attribution_Leads_By_Email': 4,
            'Lead.Attribution_Leads_Matching_Contacts': 5
        };
        expect(stagedOrders(first.calls)).toEqual(expected);
        expect(first.out).toContain(
            'kit uses 4 Attribution_Leads_By_Email (file says 2), 5 Attribution_Leads_Matching_Contacts (file says 3)'
        );
        expect(first.calls.map(label)).not.toContain('deploy demo-org');
        expect(first.calls.map(label)).not.toContain('deploy campaign-influence');
        expect(first.calls.map(label)).not.toContain('org create');

        // the org now holds the kit's rules too (the fake records them): they are not counted as the org's own
        const state = readState(dir);
        expect(state.duplicateRules.map((r) => r.DeveloperName)).toContain('Attribution_Leads_By_Email');
        const second = await run(dir, { ORG_INIT_EXISTING: '1' });
        expect(second.status, second.out).toBe(0);
        expect(stagedOrders(second.calls)).toEqual(expected);
        expect(second.calls.map(label)).not.toContain('org create');
        expect(readFileSync(file, 'utf8'), 'the repository file keeps its own sort order').toBe(before);
    });

    it('stops before the duplicate rules when a matching rule fails to activate', async () => {
        const dir = newOrg({ matchingStatus: ['Activating', 'ActivationFailed'] });
        const { status, out, calls } = await run(dir);
        expect(status).toBe(1);
        expect(out).toContain('Attribution_Lead_Email is ActivationFailed');
        expect(out).toContain('stopping before the duplicate rules');
        expect(calls.map(label)).not.toContain('deploy force-app');
        expect(calls.map(label)).not.toContain('deploy <staged duplicate rules>');
    });

    it('gives up after the bounded wait with a message naming the setting', async () => {
        const dir = newOrg({ matchingStatus: ['Activating'] });
        const { status, out, calls } = await run(dir, { MATCHING_RULE_WAIT_SECONDS: '0' });
        expect(status).toBe(1);
        expect(out).toContain('still activating after 0s (MATCHING_RULE_WAIT_SECONDS)');
        expect(calls.filter((c) => label(c) === 'query MatchingRule')).toHaveLength(1);
        expect(calls.map(label)).not.toContain('deploy <staged duplicate rules>');
    });

    it('fails with a clear message when a kit flow is inactive after the deploy', async () => {
        const dir = newOrg({ org: { username: 'a@prod.example.com' }, inactiveFlows: ['Lead_After_Conversion'] });
        const { status, out } = await run(dir, { ORG_INIT_EXISTING: '1' });
        expect(status).toBe(1);
        expect(out).toContain('Lead_After_Conversion is inactive');
        expect(out).toContain('Deploy processes and flows as active');
        expect(out).toContain('kit flows are not active');
    });

    const deploys = (calls: Call[]): string[] => calls.map(label).filter((l) => l.startsWith('deploy'));
    const orgFields = (n: number): string[] => Array.from({ length: n }, (_, i) => `Org_Field_${i + 1}__c`);

    it('stops a scratch-org run before any deploy when Opportunity history is off, naming the Setup path', async () => {
        const dir = newOrg({ history: { Opportunity: { enabled: false, tracked: [] } } });
        const { status, out, calls } = await run(dir);
        expect(status, out).toBe(1);
        expect(deploys(calls)).toEqual([]);
        expect(out).toContain('Opportunity: history OFF');
        expect(out).toContain('The entity: Opportunity does not have history tracking enabled');
        expect(out).toContain(
            'In the scratch org (sf org open --target-org kit-test): Setup → Object Manager → Opportunity → Fields & Relationships → Set History Tracking → Enable Opportunity Field History'
        );
        expect(out).toContain('nothing was deployed');
        expect(out).not.toContain('STOP: Lead');
        const history = calls.filter((c) => /FROM (EntityDefinition|FieldDefinition)\b/.test(c.query ?? ''));
        expect(history).toHaveLength(6);
        expect(
            history.every((c) => c.tooling === true),
            'Tooling API queries'
        ).toBe(true);
    });

    it('stops an existing-org run when Lead history is off', async () => {
        const dir = newOrg({
            org: { username: 'a@prod.example.com' },
            history: { Lead: { enabled: false, tracked: [] } }
        });
        const { status, out, calls } = await run(dir, { ORG_INIT_EXISTING: '1' });
        expect(status, out).toBe(1);
        expect(deploys(calls)).toEqual([]);
        expect(out).toContain(
            'In the org: Setup → Object Manager → Lead → Fields & Relationships → Set History Tracking → Enable Lead History'
        );
    });

    it('stops when the org tracks too many fields for the kit, naming the object and the counts', async () => {
        const dir = newOrg({
            org: { username: 'a@prod.example.com' },
            history: { Opportunity: { enabled: true, tracked: ['Amount', ...orgFields(12)] } }
        });
        const { status, out, calls } = await run(dir, { ORG_INIT_EXISTING: '1' });
        expect(status, out).toBe(1);
        expect(deploys(calls)).toEqual([]);
        expect(out).toContain('Opportunity: history on; the org tracks 13 field(s) of its own');
        expect(out).toContain(
            'STOP: Opportunity: the org tracks 13 field(s) of its own and the kit adds 8: 21 is over the limit of 20 tracked fields per object'
        );
        expect(out).toContain('Untrack at least 1 field(s)');
        expect(out).toContain('exceeded the allowed number of fields to track');

        // Field Audit Trail: a higher limit lets the same org through
        const fat = await run(dir, { ORG_INIT_EXISTING: '1', HISTORY_FIELD_LIMIT: '60' });
        expect(fat.status, fat.out).toBe(0);
        expect(fat.out).toContain('= 21 of 60');
    });

    it('proceeds when history is on with exactly enough room, and a re-run does not count the kit fields twice', async () => {
        const dir = newOrg({
            history: {
                Lead: { enabled: true, tracked: orgFields(13) },
                Opportunity: { enabled: true, tracked: ['Amount', ...orgFields(11)] }
            }
        });
        const first = await run(dir);
        expect(first.status, first.out).toBe(0);
        expect(first.out).toContain('Lead: history on; the org tracks 13 field(s) of its own');
        expect(first.out).toContain('+ 7 of the kit (0 already tracked) = 20 of 20');
        expect(first.out).toContain('Opportunity: history on; the org tracks 12 field(s) of its own');
        expect(first.out).toContain('field history: room for the kit on every object');
        const labels = first.calls.map(label);
        expect(labels.lastIndexOf('query FieldDefinition')).toBeLessThan(labels.indexOf('deploy force-app'));

        // the fake now tracks the kit's fields too (force-app and unpackaged/ deploys): still 20 of 20
        const state = readState(dir);
        const lead = state.history?.Lead;
        expect(typeof lead === 'object' ? lead?.tracked : lead).toEqual(
            expect.arrayContaining([...orgFields(13), 'LeadSource', 'Persona__c', 'UTM_Term__c'])
        );
        const second = await run(dir);
        expect(second.status, second.out).toBe(0);
        expect(second.out).toContain('Lead: history on; the org tracks 13 field(s) of its own');
        expect(second.out).toContain('+ 7 of the kit (7 already tracked) = 20 of 20');
    });

    it('stops with what the CLI said when a history query fails, before any deploy', async () => {
        const dir = newOrg({ history: { Lead: 'error' } });
        const { status, out, calls } = await run(dir);
        expect(status).toBe(1);
        expect(out).toMatch(
            /history\/entity-Lead\.json: unexpected query result: result: .*\(sf: sObject type 'EntityDefinition' is not supported\.\)/
        );
        expect(deploys(calls)).toEqual([]);
    });

    it('refuses a HISTORY_FIELD_LIMIT that is not a number, before any deploy', async () => {
        const dir = newOrg();
        const { status, out, calls } = await run(dir, { HISTORY_FIELD_LIMIT: 'lots' });
        expect(status).toBe(1);
        expect(out).toContain('--limit (HISTORY_FIELD_LIMIT): "lots" is not a positive whole number');
        expect(deploys(calls)).toEqual([]);
    });

    it('refuses an existing-org run against an alias that is not logged in, without creating a scratch org', async () => {
        const dir = newOrg();
        const { status, out, calls } = await run(dir, { ORG_INIT_EXISTING: '1' });
        expect(status).toBe(1);
        expect(out).toContain("'kit-test' is not a logged-in org");
        expect(calls.map(label)).toEqual(['org display']);
    });
});
