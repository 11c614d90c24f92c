/**
 * Runs the setup commands against the fake `sf` on PATH (fixtures/fake-sf): each test describes an org as JSON state,
 * the fake records every call (args, query, tooling flag, staged sort orders) and answers in `sf … --json` shapes.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
export const REPO = join(HERE, '..', '..');
const FAKE = join(HERE, 'fixtures', 'fake-sf');

export interface Call {
    args: string[];
    query?: string;
    tooling?: boolean;
    staged?: Record<string, number>;
}

export interface Org {
    org?: { username: string } | null;
    devHub?: { alias: string; username: string; loggedIn: boolean } | null;
    duplicateRules: { DeveloperName: string; SobjectType: string; IsActive: boolean }[];
    matchingStatus: string[];
    inactiveFlows?: string[];
    assigned?: string[];
    leadCount?: number;
    converted?: boolean;
    history?: Record<string, { enabled: boolean; tracked: string[] } | null | 'error'>;
    fail?: Record<string, { name: string; message: string }>;
}

export const STANDARD = [
    { DeveloperName: 'Standard_Lead_Duplicate_Rule', SobjectType: 'Lead', IsActive: true },
    { DeveloperName: 'Standard_Contact_Duplicate_Rule', SobjectType: 'Contact', IsActive: true }
];

const dirs: string[] = [];
export function cleanUp(): void {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
}

export function newOrg(overrides: Partial<Org> = {}): string {
    const dir = mkdtempSync(join(tmpdir(), 'org-setup-test-'));
    dirs.push(dir);
    const org: Org = { org: null, duplicateRules: STANDARD, matchingStatus: ['Active'], ...overrides };
    writeFileSync(join(dir, 'state.json'), JSON.stringify(org));
    return dir;
}

export const readState = (dir: string): Org => JSON.parse(readFileSync(join(dir, 'state.json'), 'utf8')) as Org;
export function patchState(dir: string, patch: Partial<Org>): void {
    writeFileSync(join(dir, 'state.json'), JSON.stringify({ ...readState(dir), ...patch }));
}

/** Runs `cmd args` from the repository root with the fake sf first on PATH; returns exit status, output, calls. */
export async function runWithFakeSf(
    dir: string,
    cmd: string,
    args: string[],
    env: Record<string, string> = {},
    path = `${FAKE}:${process.env.PATH ?? ''}`
): Promise<{ status: number; out: string; calls: Call[] }> {
    writeFileSync(join(dir, 'calls.jsonl'), '');
    const child = spawn(cmd, args, {
        cwd: REPO,
        env: {
            ...process.env,
            PATH: path,
            FAKE_SF_STATE: join(dir, 'state.json'),
            FAKE_SF_LOG: join(dir, 'calls.jsonl'),
            MATCHING_RULE_POLL_SECONDS: '0',
            ...env
        }
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const status = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
    const calls = readFileSync(join(dir, 'calls.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Call);
    return { status, out, calls };
}

/** A compact label per call: `deploy <source or metadata dir>`, `query <object>`, … */
export function label(c: Call): string {
    const [a = '', b = ''] = c.args;
    if (a === 'project' && b === 'deploy') {
        const i = c.args.indexOf('--source-dir');
        return i >= 0 ? `deploy ${c.args[i + 1] ?? ''}` : 'deploy <staged duplicate rules>';
    }
    if (a === 'data' && b === 'query') return `query ${/FROM (\w+)/.exec(c.query ?? '')?.[1] ?? '?'}`;
    return `${a} ${b}`;
}

/** The field-history step: two Tooling API queries per object the kit tracks fields of. */
export const HISTORY_QUERIES = ['Contact', 'Lead', 'Opportunity'].flatMap(() => [
    'query EntityDefinition',
    'query FieldDefinition'
]);

export const stagedOrders = (calls: Call[]): Record<string, number> | undefined => calls.find((c) => c.staged)?.staged;
