/**
 * `npm run org:setup` and `npm run org:delete` against the fake `sf` on PATH: call order and flags of a full
 * scratch-org run with the sample data, a second run, no Dev Hub (one line and how to log in), a Dev Hub that is not
 * logged in, a failing step (its name and the CLI's own message), a failing conversion, a partial import, no CLI.
 */
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
    HISTORY_QUERIES,
    REPO,
    cleanUp,
    label,
    newOrg,
    patchState,
    readState,
    runWithFakeSf,
    type Call
} from './fake-sf-harness.js';

afterAll(cleanUp);
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const HUB = { alias: 'devhub', username: 'hub@example.com', loggedIn: true };
const setup = (dir: string, ...args: string[]): ReturnType<typeof runWithFakeSf> =>
    runWithFakeSf(dir, TSX, [join(REPO, 'scripts', 'org-setup.ts'), '--alias', 'kit-test', ...args]);
const remove = (dir: string): ReturnType<typeof runWithFakeSf> =>
    runWithFakeSf(dir, TSX, [join(REPO, 'scripts', 'org-delete.ts'), '--alias', 'kit-test']);
const find = (calls: Call[], l: string): Call | undefined => calls.find((c) => label(c) === l);
const after = (calls: Call[], l: string): string[] => calls.map(label).slice(calls.map(label).indexOf(l));

describe('npm run org:setup with a fake sf', { timeout: 180_000 }, () => {
    it('creates the scratch org, deploys, assigns, imports and converts the sample data; a re-run changes nothing', async () => {
        const dir = newOrg({ devHub: HUB });
        const first = await setup(dir, '--days', '3');
        expect(first.status, first.out).toBe(0);
        const labels = first.calls.map(label);
        expect(labels.slice(0, 6)).toEqual([
            'org display',
            'config get',
            'org display',
            'org display',
            'org create',
            'org display'
        ]);
        expect(labels.slice(6, 12)).toEqual(HISTORY_QUERIES);
        expect(after(first.calls, 'deploy demo-org')).toEqual([
            'deploy demo-org',
            'deploy campaign-influence',
            ...Array.from({ length: 3 }, () => ['query PermissionSetAssignment', 'org assign']).flat(),
            'query Lead',
            'data import',
            'apex run'
        ]);
        expect(
            first.calls.filter((c) => label(c) === 'org assign').map((c) => c.args[c.args.indexOf('--name') + 1])
        ).toEqual(['Attribution_Guardrails_Admin', 'Attribution_Guardrails_Rep', 'Attribution_Guardrails_Bypass']);
        expect(find(first.calls, 'org create')?.args).toEqual(
            expect.arrayContaining([
                '--definition-file',
                'config/project-scratch-def.json',
                '--alias',
                'kit-test',
                '--duration-days',
                '3'
            ])
        );
        expect(find(first.calls, 'data import')?.args).toEqual([
            'data',
            'import',
            'tree',
            '--plan',
            'data/tree/plan.json',
            '--target-org',
            'kit-test'
        ]);
        expect(find(first.calls, 'apex run')?.args).toEqual([
            'apex',
            'run',
            '--file',
            'scripts/apex/convert-sample-leads.apex',
            '--target-org',
            'kit-test',
            '--json'
        ]);
        expect(first.out).toContain("Dev Hub 'devhub': a scratch org 'kit-test' will be created for 3 day(s)");
        expect(first.out).toContain('==> [convert-leads] Convert the sample Leads');
        expect(first.out).toContain('Sample Leads converted now: 60, converted before: 0');
        expect(first.out).toContain('holds Attribution_Guardrails_Bypass, so the guardrails do not stop this user');
        expect(first.out).toContain('Ready. Open the org: sf org open --target-org kit-test');
        expect(first.out).toContain('npm run audit -- --target-org kit-test');

        const second = await setup(dir);
        expect(second.status, second.out).toBe(0);
        const again = second.calls.map(label);
        expect(again).not.toContain('org create');
        expect(again).not.toContain('config get');
        expect(again).not.toContain('org assign');
        expect(again).not.toContain('data import');
        expect(second.out).toContain("'kit-test' is a live org (admin@fake-scratch.example.com): reusing it");
        expect(second.out).toContain('Sample data already imported (240 sample Leads)');
        expect(second.out).toContain('Sample Leads converted now: 0, converted before: 60');
    });

    it('without a Dev Hub says so in one line with how to log in, and calls nothing else', async () => {
        const dir = newOrg({ devHub: null });
        const { status, out, calls } = await setup(dir);
        expect(status).toBe(1);
        expect(calls.map(label)).toEqual(['org display', 'config get']);
        const lines = out.split('\n').filter((l) => l.startsWith('org:setup:'));
        expect(lines).toEqual([
            'org:setup: no Dev Hub is set, so no scratch org can be created: log in to one with `sf org login web --set-default-dev-hub --alias devhub`, then run the command again.'
        ]);
    });

    it('names a Dev Hub that is not logged in, with what the CLI said', async () => {
        const dir = newOrg({ devHub: { ...HUB, loggedIn: false } });
        const { status, out, calls } = await setup(dir);
        expect(status).toBe(1);
        expect(out).toContain(
            'the Dev Hub "devhub" is not logged in (sf: NamedOrgNotFoundError: No authorization information found for devhub.)'
        );
        expect(calls.map(label)).not.toContain('org create');
    });

    it('stops at a failing step with its name and the CLI message, deploying nothing after it', async () => {
        const dir = newOrg({
            devHub: HUB,
            fail: { 'deploy force-app': { name: 'DeployFailed', message: 'Persona__c: Value set Persona not found' } }
        });
        const { status, out, calls } = await setup(dir);
        expect(status).toBe(1);
        expect(out).toContain('Error (DeployFailed): Persona__c: Value set Persona not found');
        expect(out).toContain('org-init: step "force-app" failed (exit 1)');
        expect(calls.map(label).at(-1)).toBe('deploy force-app');
        expect(out).not.toContain('Ready.');
    });

    it('stops when the conversion fails or the sample data is partial, naming the step', async () => {
        const dir = newOrg({
            devHub: HUB,
            fail: { 'apex run': { name: 'ApexCompileError', message: 'Variable does not exist: Persona__c' } }
        });
        const failed = await setup(dir);
        expect(failed.status).toBe(1);
        expect(failed.out).toContain(
            'scripts/apex/convert-sample-leads.apex: sf: ApexCompileError: Variable does not exist: Persona__c'
        );
        expect(failed.out).toContain('org-init: step "convert-leads" failed: the sample Leads were not converted');

        patchState(dir, { fail: {}, leadCount: 100 });
        const partial = await setup(dir);
        expect(partial.status).toBe(1);
        expect(partial.out).toContain('step "sample-data" failed: the org holds 100 Leads, the sample data 240');
        expect(partial.calls.map(label)).not.toContain('data import');
        expect(readState(dir).converted).toBeFalsy();
    });

    it('says how to install the CLI when sf is not on PATH', async () => {
        const dir = newOrg();
        const { status, out } = await runWithFakeSf(
            dir,
            TSX,
            [join(REPO, 'scripts', 'org-setup.ts'), '--alias', 'x'],
            {},
            dirname(process.execPath)
        );
        expect(status).toBe(1);
        expect(out).toContain('the Salesforce CLI (sf) is not on PATH: npm install --global @salesforce/cli');
    });
});

describe('npm run org:delete with a fake sf', { timeout: 60_000 }, () => {
    it('deletes without prompting, is safe to run again, and reports a failure with the CLI message', async () => {
        const dir = newOrg({ org: { username: 'admin@fake-scratch.example.com' } });
        const first = await remove(dir);
        expect(first.status, first.out).toBe(0);
        expect(first.calls[0]?.args).toEqual([
            'org',
            'delete',
            'scratch',
            '--target-org',
            'kit-test',
            '--no-prompt',
            '--json'
        ]);
        expect(first.out).toContain('org:delete: deleted scratch org admin@fake-scratch.example.com');
        const second = await remove(dir);
        expect(second.status).toBe(0);
        expect(second.out).toContain('org:delete: no scratch org "kit-test" to delete');
        patchState(dir, {
            org: { username: 'u@x.example.com' },
            fail: { 'org delete': { name: 'HubOrgError', message: 'The Dev Hub is unavailable' } }
        });
        const third = await remove(dir);
        expect(third.status).toBe(1);
        expect(third.out).toContain(
            'org:delete: could not delete "kit-test" (sf: HubOrgError: The Dev Hub is unavailable)'
        );
    });
});
