/**
 * The fix list files and how they are written. `fixes.csv` (every change, certain and suggested), `<Object>.csv`
 * (`Id` first, one column per field, certain changes only: the shape `sf data update bulk` and Data Loader's Update
 * read) and `<Object>.undo.csv` (same Ids and columns, today's values; `#N/A` where a field was blank, which is how
 * Bulk API 2.0, and Data Loader with "Use Bulk API", set a field to null: an empty cell leaves the field unchanged).
 *
 * CSV: UTF-8 without a byte order mark, every value double-quoted (quotes doubled), LF line endings (Bulk API
 * 2.0's default `lineEnding`); values are written as they are (Bulk API does not trim them).
 *
 * The directory is written atomically: every file goes into `.<dir>.attribution-audit-<pid>-partial-XXXXXX` beside
 * it, which is renamed into place once complete (a previous fix list there is replaced; nothing else is ever
 * overwritten). The temp directory is removed on failure and on a signal, and swept by a later run after a kill.
 */
import { readdirSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tempTag, trackTemp } from '../cleanup.js';
import { InputError, UsageError } from '../errors.js';
import { inside as insideDir } from '../out.js';
import { FIX_COLUMNS, type Change, type FixObject } from './types.js';

/** How Bulk API 2.0 (and Data Loader with "Use Bulk API") blanks a field: an empty cell is ignored on update. */
export const BULK_NULL = '#N/A';

export function quote(value: string): string {
    return `"${value.replaceAll('"', '""')}"`;
}

function csvText(rows: readonly (readonly string[])[]): string {
    return rows.map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

export function renderFixesCsv(changes: readonly Change[]): string {
    return csvText([
        FIX_COLUMNS,
        ...changes.map((c) => [
            c.checkId,
            c.object,
            c.record.recordId,
            c.record.recordName,
            c.record.ownerId,
            c.record.amount,
            c.field,
            c.currentValue,
            c.value,
            c.confidence,
            c.reason
        ])
    ]);
}

export type ObjectFile = { object: FixObject; fields: string[]; records: number; update: string; undo: string };

/** `<Object>.csv` and `<Object>.undo.csv` per object with certain changes. */
export function renderObjectFiles(changes: readonly Change[]): ObjectFile[] {
    const byObject = new Map<FixObject, Map<string, Map<string, Change>>>();
    for (const c of changes) {
        if (c.confidence !== 'certain') continue;
        const records = byObject.get(c.object) ?? new Map<string, Map<string, Change>>();
        const fields = records.get(c.record.recordId) ?? new Map<string, Change>();
        fields.set(c.field, c);
        records.set(c.record.recordId, fields);
        byObject.set(c.object, records);
    }
    const files: ObjectFile[] = [];
    for (const [object, records] of [...byObject].sort(([a], [b]) => a.localeCompare(b))) {
        const fields = [...new Set([...records.values()].flatMap((f) => [...f.keys()]))].sort();
        const ids = [...records.keys()].sort();
        const row = (id: string, pick: (c: Change) => string): string[] => {
            const set = records.get(id);
            return [id, ...fields.map((f) => (set?.get(f) ? pick(set.get(f) as Change) : ''))];
        };
        files.push({
            object,
            fields,
            records: ids.length,
            update: csvText([['Id', ...fields], ...ids.map((id) => row(id, (c) => c.value))]),
            undo: csvText([
                ['Id', ...fields],
                ...ids.map((id) => row(id, (c) => (c.currentValue.trim() === '' ? BULK_NULL : c.currentValue)))
            ])
        });
    }
    return files;
}

/** A previous fix list's files (the only entries a --fixes directory may already hold). */
const OWN_FILE = /^(fixes|[A-Z][A-Za-z]*(\.undo)?)\.csv$/;

/**
 * Refuses a `--fixes` path that is a file, is inside (or contains) a snapshot directory the run reads or writes, or is
 * a directory holding anything but a previous fix list.
 */
export function checkFixesDir(dir: string, guarded: readonly { flag: string; dir: string }[]): void {
    let isDir = false;
    try {
        const st = statSync(dir);
        if (!st.isDirectory())
            throw new UsageError(`--fixes ${dir} is a file; name a directory for the fix list, e.g. --fixes fixes`);
        isDir = true;
    } catch (err) {
        if (err instanceof UsageError) throw err;
    }
    for (const g of guarded) {
        if (insideDir(dir, g.dir) || insideDir(g.dir, dir)) {
            throw new UsageError(
                `--fixes ${dir} overlaps the snapshot directory (${g.flag} ${g.dir}); the next audit would read the ` +
                    'fix files as object CSVs: write the fix list elsewhere'
            );
        }
    }
    if (isDir) {
        const foreign = readdirSync(dir).filter((e) => !OWN_FILE.test(e));
        const entries = readdirSync(dir);
        if (foreign.length > 0 || (entries.length > 0 && !entries.includes('fixes.csv'))) {
            throw new UsageError(
                `--fixes ${dir} holds other files (${(foreign.length > 0 ? foreign : entries).slice(0, 3).join(', ')}); ` +
                    'name a new or empty directory (only a previous fix list is replaced)'
            );
        }
    }
}

/** Writes the files (name → text) as directory `dir`, atomically; a previous fix list there is replaced. */
export async function writeDirAtomic(dir: string, files: Readonly<Record<string, string>>): Promise<void> {
    const abs = path.resolve(dir);
    const parent = path.dirname(abs);
    const prefix = path.join(parent, `.${path.basename(abs)}.${tempTag()}partial-`);
    let tmp: string | undefined;
    let old: string | undefined;
    const untrack: (() => void)[] = [];
    try {
        await mkdir(parent, { recursive: true });
        tmp = await mkdtemp(prefix);
        untrack.push(trackTemp(tmp));
        for (const [name, text] of Object.entries(files)) await writeFile(path.join(tmp, name), text, 'utf8');
        let exists = true;
        try {
            statSync(abs);
        } catch {
            exists = false;
        }
        if (exists) {
            old = await mkdtemp(prefix);
            untrack.push(trackTemp(old));
            await rename(abs, old);
        }
        await rename(tmp, abs);
        tmp = undefined;
        if (old) await rm(old, { recursive: true, force: true });
    } catch (err) {
        if (old) await rename(old, abs).catch(() => undefined);
        if (tmp) await rm(tmp, { recursive: true, force: true });
        const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
        throw new InputError(`--fixes ${dir}: cannot write the fix list (${code}); nothing was written`, {
            cause: err
        });
    } finally {
        for (const u of untrack) u();
    }
}
