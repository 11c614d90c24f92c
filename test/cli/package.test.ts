/**
 * The audit as users get it, outside this repository's tsx setup:
 * 1. `npm pack` (which runs `prepare`: the tsc build) and `npm install <tarball>` into an empty folder, then
 *    `npx attribution-audit` there (production dependencies only, compiled JavaScript, the bundled sample);
 * 2. the real Salesforce CLI (`@salesforce/cli`, installed by this test into a cache folder, never a project
 *    dependency) with this project linked as a plugin (`sf plugins link`), running `sf attribution audit --json`
 *    on the sample and against the mock org through a login stored by `sf org login access-token` in a temp HOME.
 * Timings (`--help` ≤ 0.3 s, sample ≤ 1.5 s) are not asserted here: `npm run bench` measures them.
 */
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_DIR } from '../../src/audit/paths.js';
import { mockOrg } from '../audit-org/fixtures.js';
import { startMockServer, type MockServer } from '../audit-org/mock-server.js';
import { ensureSfCli, packProject, run, runOk, sfEnv } from './harness.js';

type Envelope = {
    status: number;
    result?: { source: { kind: string; objects: Record<string, { rows: number }> }; checks: { id: string }[] };
    warnings: string[];
    name?: string;
    message?: string;
};

/** A token shaped as `sf org login access-token` requires (`<15-character org id>!<token>`); never printed. */
const TOKEN = '00D000000000001!AQ4AQFakeAccessTokenThatMustNeverBePrinted.x7Yz';
const parseEnvelope = (stdout: string): Envelope => JSON.parse(stdout) as Envelope;
let work: string;

beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'attribution-cli-'));
}, 30_000);
afterAll(async () => {
    await rm(work, { recursive: true, force: true });
});

describe('npm pack → install into an empty folder → npx attribution-audit', () => {
    let app: string;
    let files: string[];

    beforeAll(async () => {
        const tarball = await packProject(work);
        const listed = await runOk('tar', ['-tzf', tarball]);
        files = listed.stdout.split('\n').filter(Boolean);
        app = path.join(work, 'app');
        await runOk('mkdir', ['-p', app]);
        await writeFile(path.join(app, 'package.json'), '{ "name": "app", "private": true }\n');
        await runOk('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--omit=dev', tarball], {
            cwd: app,
            timeoutMs: 600_000
        });
    }, 900_000);

    it('ships the compiled build, the messages and the runtime data, and no TypeScript sources or tests', () => {
        expect(files).toContain('package/dist/audit/cli.js');
        expect(files).toContain('package/dist/plugin/commands/attribution/audit.js');
        expect(files).toContain('package/messages/attribution.audit.md');
        expect(files).toContain('package/data/sample-snapshot/Lead.csv');
        expect(files).toContain('package/force-app/main/default/customMetadata/Attribution_Rules.Default.md-meta.xml');
        expect(files.filter((f) => f.endsWith('.ts') || f.startsWith('package/test/') || f.includes('/src/'))).toEqual(
            []
        );
    });

    it('installs no development dependency (tsx, typescript, vitest) and runs from any folder', async () => {
        const installed = await readdir(path.join(app, 'node_modules'));
        expect(installed).toContain('attribution-guardrails');
        expect(installed).not.toContain('tsx');
        expect(installed).not.toContain('typescript');
        expect(installed).not.toContain('vitest');
        const out = path.join(work, 'r.json');
        const r = await run('npx', ['--no-install', 'attribution-audit', '--format', 'json', '--as-of', '2026-11-22'], {
            cwd: app
        });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        await writeFile(out, r.stdout);
        const report = JSON.parse(await readFile(out, 'utf8')) as Envelope['result'];
        expect(report?.source.kind).toBe('snapshot');
        expect(report?.source.objects.Lead?.rows).toBe(240);
        expect(report?.checks.length).toBeGreaterThanOrEqual(11);
    }, 120_000);

    it('keeps the exit codes: 1 over --fail-on, 2 on bad usage with a message naming the flag', async () => {
        const over = await run('npx', ['--no-install', 'attribution-audit', '--fail-on', 'any', '--quiet'], {
            cwd: app
        });
        expect(over.code).toBe(1);
        const bad = await run('npx', ['--no-install', 'attribution-audit', '--format', 'yaml'], { cwd: app });
        expect(bad.code).toBe(2);
        expect(bad.stderr).toMatch(/--format/);
    }, 120_000);
});

describe('sf attribution audit in the real Salesforce CLI (plugin linked)', () => {
    let home: string;
    let env: NodeJS.ProcessEnv;
    let sf: string;
    let server: MockServer;

    beforeAll(async () => {
        sf = await ensureSfCli();
        home = await mkdtemp(path.join(work, 'home-'));
        env = sfEnv(home, sf);
        // dist/ is the build `npm pack` just made (prepare); linking without --install keeps node_modules as it is
        await runOk(sf, ['plugins', 'link', PROJECT_DIR, '--no-install'], { env, timeoutMs: 180_000 });
        server = await startMockServer({
            objects: mockOrg({ leads: 30 }),
            token: TOKEN,
            maxLifetimeMs: 900_000, // the sf runs of this suite take minutes on a shared machine
            // what `sf org login access-token` asks the org while storing the login
            extraJson: {
                '/services/oauth2/userinfo': {
                    user_id: '005000000000001AAA',
                    organization_id: '00D000000000001EAA',
                    preferred_username: 'audit@example.invalid'
                },
                '/services/data/v51.0/sobjects/User/005000000000001AAA': {
                    Id: '005000000000001AAA',
                    Username: 'audit@example.invalid'
                }
            }
        });
        await runOk(
            sf,
            ['org', 'login', 'access-token', '--instance-url', server.url, '--alias', 'mockorg', '--no-prompt'],
            { env: { ...env, SF_ACCESS_TOKEN: TOKEN }, timeoutMs: 120_000 }
        );
    }, 900_000);
    afterAll(async () => {
        await server?.close();
    });

    it('lists the linked plugin and its command', async () => {
        const r = await runOk(sf, ['attribution', 'audit', '--help'], { env });
        expect(r.stdout).toMatch(/-o, --target-org=<alias\|username>/);
        expect(r.stdout).toMatch(/--snapshot=<dir>/);
        expect(r.stdout).toMatch(/--json/);
    }, 120_000);

    it('--json on the sample: the report is the envelope result, status 0', async () => {
        const r = await run(sf, ['attribution', 'audit', '--json', '--as-of', '2026-11-22'], { env });
        expect(r.code).toBe(0);
        const envelope = parseEnvelope(r.stdout);
        expect(envelope.status).toBe(0);
        expect(envelope.result?.source.kind).toBe('snapshot');
        expect(envelope.result?.source.objects.Lead?.rows).toBe(240);
        expect(envelope.warnings).toEqual([]);
    }, 120_000);

    it('--json keeps exit code 1 over --fail-on (the report still in result) and 2 on bad usage', async () => {
        const over = await run(sf, ['attribution', 'audit', '--json', '--fail-on', 'any'], { env });
        expect(over.code).toBe(1);
        expect(parseEnvelope(over.stdout).status).toBe(1);
        expect(parseEnvelope(over.stdout).result?.checks.length).toBeGreaterThanOrEqual(11);
        const bad = await run(sf, ['attribution', 'audit', '--json', '--format', 'yaml'], { env });
        expect(bad.code).toBe(2);
        expect(parseEnvelope(bad.stdout).message).toMatch(/--format/);
        const input = await run(sf, ['attribution', 'audit', '--json', '--snapshot', path.join(work, 'none')], { env });
        expect(input.code).toBe(2);
        expect(parseEnvelope(input.stdout).message).toMatch(/--snapshot .*none/);
    }, 180_000);

    it('-o reads the mock org through the stored login; REQUEST_LIMIT_EXCEEDED exits 3; no token printed', async () => {
        const r = await run(sf, ['attribution', 'audit', '--json', '-o', 'mockorg'], { env });
        expect(r.stdout + r.stderr).not.toContain(TOKEN);
        expect(r.code, r.stdout.slice(0, 1500)).toBe(0);
        const envelope = parseEnvelope(r.stdout);
        expect(envelope.result?.source.kind).toBe('org');
        expect(envelope.result?.source.objects.Lead?.rows).toBe(30);
        expect(server.violations).toEqual([]);
        server.faults.limitExceededAfter = 0; // REQUEST_LIMIT_EXCEEDED from now on
        const failing = await run(sf, ['attribution', 'audit', '--json', '-o', 'mockorg'], { env });
        expect(failing.code).toBe(3);
        expect(failing.stdout + failing.stderr).not.toContain(TOKEN);
    }, 300_000);
});
