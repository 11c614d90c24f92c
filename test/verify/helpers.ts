/** Test helpers: copy the good fixture project to a temp dir, seed defects into it, run the gate on it. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { runGate, type SchemaSource } from '../../src/verify/gate.js';
import type { Problem } from '../../src/verify/problems.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const GOOD = join(HERE, 'fixtures', 'good');
export const REPO = join(HERE, '..', '..');
export const DEFAULT = 'force-app/main/default';

const OFFICIAL_WSDL = '/work/shared/metadata-api/metadata-v66.wsdl';
/** The WSDL CI names in SF_METADATA_WSDL (falls back to the workspace copy when the variable is unset). */
export const WSDL_PATH = process.env.SF_METADATA_WSDL ?? (existsSync(OFFICIAL_WSDL) ? OFFICIAL_WSDL : undefined);
export const WSDL: SchemaSource | undefined = WSDL_PATH ? { kind: 'wsdl', path: WSDL_PATH } : undefined;
export const DTS: SchemaSource = { kind: 'dts' };

const created: string[] = [];
afterAll(() => {
    for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

export interface Edit {
    /** Path relative to the fixture root. */
    file: string;
    /** Text to replace (must occur), or undefined to write `to` as the whole file. */
    from?: string | RegExp;
    to: string;
}

/** Applies seed edits in `dir`: a new file when `from` is absent, else one replacement that must change the file. */
export function applyEdits(dir: string, edits: readonly Edit[]): void {
    for (const e of edits) {
        const path = join(dir, e.file);
        if (e.from === undefined) {
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, e.to);
            continue;
        }
        if (!existsSync(path)) throw new Error(`seed edit: ${e.file} does not exist`);
        const before = readFileSync(path, 'utf8');
        const after = before.replace(e.from, e.to);
        if (after === before) throw new Error(`seed edit found nothing to replace in ${e.file}: ${String(e.from)}`);
        writeFileSync(path, after);
    }
}

/** A copy of the good fixture with the edits applied; removed after the test file. */
export function seeded(edits: readonly Edit[]): string {
    const dir = mkdtempSync(join(tmpdir(), 'verify-fixture-'));
    created.push(dir);
    cpSync(GOOD, dir, { recursive: true });
    applyEdits(dir, edits);
    return dir;
}

export async function gate(root: string, schema: SchemaSource = WSDL ?? DTS, skipPackaging = true): Promise<Problem[]> {
    // fixture projects have no README or setup script: the install-path check runs on the repository (repo.test.ts)
    return (await runGate({ root, schema, skipPackaging, preconditions: false })).problems;
}

/** Compact `file:line path — message` lines, handy in assertion messages. */
export function lines(problems: readonly Problem[]): string[] {
    return problems.map((p) => `${p.file}:${p.line ?? '-'} [${p.check}] ${p.path ?? ''} — ${p.message}`);
}
