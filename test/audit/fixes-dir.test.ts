/**
 * Writing the fix list directory: atomic (a failure leaves nothing half-written and no temp directory), a file path
 * or a directory inside the snapshot is refused before the run, a directory of other files is never overwritten, a
 * previous fix list is replaced, and values with quotes, commas, newlines, spaces and non-ASCII text survive.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOT, main } from '../../src/audit/cli.js';
import type { Change } from '../../src/audit/fixes/types.js';
import { renderFixesCsv, renderObjectFiles, writeDirAtomic } from '../../src/audit/fixes/write.js';
import { parseCsv } from './fixes-apply.js';

const dirs: string[] = [];
afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function workDir(): string {
    const d = mkdtempSync(path.join(os.tmpdir(), 'audit-fixdir-'));
    dirs.push(d);
    return d;
}

async function cli(args: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const code = await main(['--as-of', '2026-11-22', '--quiet', ...args], {
        stdout: () => undefined,
        stderr: (t) => (stderr += t),
        env: {}
    });
    return { code, stderr };
}

describe('--fixes <dir>', () => {
    it('a path that is a file is a clear usage error, and the file is untouched', async () => {
        const dir = workDir();
        const file = path.join(dir, 'fixes');
        writeFileSync(file, 'mine');
        const { code, stderr } = await cli(['--fixes', file]);
        expect(code).toBe(2);
        expect(stderr).toContain(`--fixes ${file} is a file; name a directory for the fix list`);
        expect(readFileSync(file, 'utf8')).toBe('mine');
    });

    it('inside the snapshot directory is refused (the next audit would read the files as objects)', async () => {
        const { code, stderr } = await cli(['--fixes', path.join(DEFAULT_SNAPSHOT, 'fixes')]);
        expect(code).toBe(2);
        expect(stderr).toMatch(/--fixes .*fixes overlaps the snapshot directory \(--snapshot /);
        expect(readdirSync(DEFAULT_SNAPSHOT)).not.toContain('fixes');
    });

    it('a directory holding other files is never overwritten; a previous fix list is replaced', async () => {
        const dir = workDir();
        const other = path.join(dir, 'other');
        mkdirSync(other);
        writeFileSync(path.join(other, 'notes.txt'), 'keep');
        const refused = await cli(['--fixes', other]);
        expect(refused.code).toBe(2);
        expect(refused.stderr).toMatch(/holds other files \(notes\.txt\)/);
        expect(readdirSync(other)).toEqual(['notes.txt']);

        const fixes = path.join(dir, 'fixes');
        expect((await cli(['--fixes', fixes])).code).toBe(0);
        writeFileSync(path.join(fixes, 'Stale.csv'), 'from an older run');
        expect((await cli(['--fixes', fixes])).code).toBe(0);
        expect(readdirSync(fixes)).not.toContain('Stale.csv');
        expect(readdirSync(fixes)).toContain('fixes.csv');
        expect(readdirSync(dir).sort()).toEqual(['fixes', 'other']); // no temp directory left beside it
    });

    it('--out inside the fix list directory is refused (the directory is replaced as a whole)', async () => {
        const dir = workDir();
        const fixes = path.join(dir, 'fixes');
        const { code, stderr } = await cli(['--fixes', fixes, '--out', path.join(fixes, 'report.html')]);
        expect(code).toBe(2);
        expect(stderr).toMatch(/--out .* is inside --fixes /);
        expect(readdirSync(dir)).toEqual([]);
    });

    it('a failed write leaves nothing: no directory, no temp directory', async () => {
        const dir = workDir();
        writeFileSync(path.join(dir, 'not-a-dir'), 'x');
        const target = path.join(dir, 'not-a-dir', 'fixes');
        await expect(writeDirAtomic(target, { 'fixes.csv': 'x' })).rejects.toThrow(
            /--fixes .*: cannot write the fix list \(E(NOTDIR|EXIST)\); nothing was written/
        );
        expect(readdirSync(dir)).toEqual(['not-a-dir']);
        // a failure after some files were written (a name that cannot be created) removes the partial directory
        const partial = path.join(dir, 'partial');
        await expect(writeDirAtomic(partial, { 'fixes.csv': 'x', 'sub/Lead.csv': 'y' })).rejects.toThrow(
            /nothing was written/
        );
        expect(readdirSync(dir)).toEqual(['not-a-dir']);
    });
});

describe('CSV the loaders accept', () => {
    const change = (value: string, current: string): Change => ({
        checkId: 'lead-source-drift',
        object: 'Lead',
        record: { recordId: '00Q000000000001AAA', recordName: 'Zoë "Z" Ånström, PhD', ownerId: '', amount: '' },
        field: 'UTM_Content__c',
        currentValue: current,
        value,
        confidence: 'certain',
        reason: 'line one\nline two'
    });

    it('quotes every value, doubles quotes, keeps commas, newlines, spaces and UTF-8 text as they are', () => {
        const c = change(' a, "b"\nc ', '');
        const fixes = parseCsv(renderFixesCsv([c]));
        expect(fixes[1]).toEqual([
            'lead-source-drift',
            'Lead',
            '00Q000000000001AAA',
            'Zoë "Z" Ånström, PhD',
            '',
            '',
            'UTM_Content__c',
            '',
            ' a, "b"\nc ',
            'certain',
            'line one\nline two'
        ]);
        const [file] = renderObjectFiles([c]);
        expect(file?.update).toBe('"Id","UTM_Content__c"\n"00Q000000000001AAA"," a, ""b""\nc "\n');
        expect(file?.undo).toBe('"Id","UTM_Content__c"\n"00Q000000000001AAA","#N/A"\n');
        expect(
            Buffer.from(file?.update ?? '', 'utf8')
                .subarray(0, 3)
                .toString('hex')
        ).not.toBe('efbbbf');
    });
});
