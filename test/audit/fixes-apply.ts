/**
 * Test helpers for the fix list: a small RFC 4180 CSV reader and an applier that loads `<Object>.csv` files into a
 * copy of a snapshot the way Bulk API 2.0 updates records (matched on the 15-character Id; an empty cell leaves the
 * field as it is; `#N/A` blanks it; a value is written as it is, untrimmed).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Parses CSV text into rows of cells (quoted cells may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
    const rows: string[][] = [];
    let row: string[] = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < text.length; i++) {
        const ch = text[i];
        if (quoted) {
            if (ch === '"' && text[i + 1] === '"') {
                cell += '"';
                i++;
            } else if (ch === '"') quoted = false;
            else cell += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') {
            row.push(cell);
            cell = '';
        } else if (ch === '\n' || ch === '\r') {
            if (ch === '\r' && text[i + 1] === '\n') i++;
            row.push(cell);
            rows.push(row);
            row = [];
            cell = '';
        } else cell += ch;
    }
    if (cell !== '' || row.length > 0) {
        row.push(cell);
        rows.push(row);
    }
    return rows;
}

function quote(v: string): string {
    return /[",\r\n]/.test(v) || v.trim() !== v ? `"${v.replaceAll('"', '""')}"` : v;
}

export function toCsv(rows: readonly (readonly string[])[]): string {
    return rows.map((r) => r.map(quote).join(',')).join('\n') + '\n';
}

/** Rows of a file as objects keyed by header. */
export function readObjects(file: string): Record<string, string>[] {
    const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
    return rows.map((r) => Object.fromEntries((header ?? []).map((h, i) => [h, r[i] ?? ''])));
}

/**
 * Applies a load file (`Id` + fields) to `<snapshot>/<object>.csv` in place, as Bulk API 2.0 would; fails on an Id
 * the snapshot lacks or a column the snapshot file lacks (the org would reject them too).
 */
export function applyLoadFile(snapshotDir: string, object: string, loadFile: string): number {
    const target = path.join(snapshotDir, `${object}.csv`);
    const [header, ...rows] = parseCsv(readFileSync(target, 'utf8'));
    if (!header) throw new Error(`${target}: empty`);
    const [loadHeader, ...updates] = parseCsv(readFileSync(loadFile, 'utf8'));
    if (!loadHeader || loadHeader[0] !== 'Id') throw new Error(`${loadFile}: the first column must be Id`);
    const idCol = header.indexOf('Id');
    const cols = loadHeader.slice(1).map((f) => {
        const i = header.indexOf(f);
        if (i < 0) throw new Error(`${loadFile}: ${object}.csv has no ${f} column`);
        return i;
    });
    const byId = new Map(rows.map((r) => [(r[idCol] ?? '').slice(0, 15), r]));
    for (const u of updates) {
        const row = byId.get((u[0] ?? '').slice(0, 15));
        if (!row) throw new Error(`${loadFile}: no ${object} ${u[0]} in the snapshot`);
        cols.forEach((c, j) => {
            const v = u[j + 1] ?? '';
            if (v === '') return;
            row[c] = v === '#N/A' ? '' : v;
        });
    }
    writeFileSync(target, toCsv([header, ...rows]));
    return updates.length;
}

/** A copy of `snapshotDir` with every `<Object>.csv` (or `.undo.csv`) of `fixesDir` applied. */
export function applyFixDir(snapshotDir: string, fixesDir: string, kind: 'update' | 'undo', into?: string): string {
    const copy = into ?? mkdtempSync(path.join(os.tmpdir(), 'audit-fixed-'));
    if (!into) cpSync(snapshotDir, copy, { recursive: true });
    for (const object of ['Lead', 'Contact', 'Opportunity']) {
        const file = path.join(fixesDir, kind === 'update' ? `${object}.csv` : `${object}.undo.csv`);
        if (existsSync(file)) applyLoadFile(copy, object, file);
    }
    return copy;
}

/** Every cell of every `<Object>.csv` in `dir`, keyed `Object/Id/column` (values compared as text). */
export function cells(dir: string, objects: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const object of objects) {
        for (const row of readObjects(path.join(dir, `${object}.csv`)))
            for (const [k, v] of Object.entries(row)) out.set(`${object}/${row.Id}/${k}`, v);
    }
    return out;
}
