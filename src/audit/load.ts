/**
 * Loads a snapshot directory into DuckDB: one normalised table per `<Object>.csv` (lower-case object name), every
 * schema field present as a column (NULL when the CSV lacks it), Ids as they appear in `Id` and 15-character join
 * keys in `<Field>` for lookups and `Id_k` for the record's own Id.
 *
 * Parsing is strict: a row with the wrong number of columns, an unterminated quote or a truncated last line is an
 * `InputError` naming the file and line, and no report is produced.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { findInvalidUtf8 } from './encoding.js';
import { InputError } from './errors.js';
import { assertUniqueColumns, delimiterHint, printable, readHeader } from './header.js';

export { parseHeaderLine, readHeader } from './header.js';
import type { ColumnPlan } from './reads.js';
import { SCHEMA, SNAPSHOT_OBJECTS, fieldsOf, type SnapshotObject } from './schema.js';
import { ident, isParsedKind, lit, normalise, sqlType } from './sql.js';

export type LoadedObject = {
    file: string;
    rows: number;
    /** Schema fields and planned fields the CSV has. */
    fields: Set<string>;
    /** Schema fields the CSV lacks. */
    missing: string[];
};

export type LoadResult = {
    objects: Partial<Record<SnapshotObject, LoadedObject>>;
    warnings: string[];
};

/**
 * Maps schema fields (and `extra` fields a check declared beyond the schema) to header column positions: exact
 * name first, then case-insensitive.
 */
export function mapColumns(
    object: SnapshotObject,
    header: string[],
    extra: readonly string[] = []
): Map<string, number> {
    const map = new Map<string, number>();
    const lower = header.map((h) => h.toLowerCase());
    for (const field of new Set([...fieldsOf(object), ...extra])) {
        let idx = header.indexOf(field);
        if (idx < 0) idx = lower.indexOf(field.toLowerCase());
        if (idx >= 0) map.set(field, idx);
    }
    return map;
}

/** Turns DuckDB's CSV error into an input error naming the file and line. */
export function csvError(file: string, err: unknown): InputError {
    const message = err instanceof Error ? err.message : String(err);
    const line = /CSV Error on Line:\s*(\d+)/.exec(message)?.[1];
    const expected = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/.exec(message);
    let what = printable(message.split('\n')[0] ?? message, 300);
    if (expected) what = `expected ${expected[1]} columns, found ${expected[2]} (malformed or truncated row)`;
    else if (/unterminated quote/i.test(message)) what = 'unterminated quoted value (truncated file?)';
    else if (/invalid unicode|utf-?8/i.test(message)) what = 'not valid UTF-8 (re-save the export as UTF-8)';
    return new InputError(`${file}${line ? `: line ${line}` : ''}: ${what}`, { cause: err });
}

/** Finds `<Object>.csv` files in the snapshot directory (file names matched case-insensitively). */
export async function findObjectFiles(dir: string): Promise<Partial<Record<SnapshotObject, string>>> {
    let entries: string[];
    try {
        if (!(await stat(dir)).isDirectory()) throw new InputError(`--snapshot ${dir}: not a directory`);
        entries = await readdir(dir);
    } catch (err) {
        if (err instanceof InputError) throw err;
        throw new InputError(`--snapshot ${dir}: cannot read the directory (${(err as NodeJS.ErrnoException).code})`);
    }
    const found: Partial<Record<SnapshotObject, string>> = {};
    for (const object of SNAPSHOT_OBJECTS) {
        const name =
            entries.find((e) => e === `${object}.csv`) ??
            entries.find((e) => e.toLowerCase() === `${object.toLowerCase()}.csv`);
        if (name) found[object] = path.join(dir, name);
    }
    return found;
}

/**
 * Loads one object's CSV into table `<object lower-case>`: the `fields` planned for it (a planned field the CSV
 * lacks becomes a NULL column of its kind); returns what it found.
 */
export async function loadObject(
    conn: DuckDBConnection,
    object: SnapshotObject,
    file: string,
    fields: readonly string[] = fieldsOf(object)
): Promise<{ loaded: LoadedObject; warnings: string[] }> {
    const spec = SCHEMA[object];
    const header = await readHeader(file);
    assertUniqueColumns(file, header);
    const hint = delimiterHint(header);
    if (hint && header.length === 1) {
        throw new InputError(
            `${file}: line 1: the header has a single column "${printable(header[0] ?? '', 80)}"${hint}`
        );
    }
    const columns = mapColumns(object, header, fields);
    const missingRequired = spec.required.filter((f) => !columns.has(f));
    if (missingRequired.length > 0) {
        const shown = printable(`${header.slice(0, 12).join(',')}${header.length > 12 ? ',…' : ''}`, 160);
        throw new InputError(
            `${file}: line 1: missing required column${missingRequired.length > 1 ? 's' : ''} ${missingRequired.join(', ')} (header: ${shown})${delimiterHint(header)}`
        );
    }
    const colSpec = `{${header.map((_, i) => `'c${i}': 'VARCHAR'`).join(', ')}}`;
    // Inner projection parses each value once; the outer one keeps the parsed fields and, for parsed kinds, the raw
    // text only where it failed to parse (for the warnings below).
    const inner: string[] = [];
    const outer: string[] = [];
    const badCols: string[] = [];
    for (const field of new Set(fields)) {
        const kind = spec.kinds[field] ?? 'text';
        const idx = columns.get(field);
        if (idx === undefined) {
            outer.push(`NULL::${sqlType(kind)} AS ${ident(field)}`);
            continue;
        }
        const raw = `c${idx}`;
        inner.push(`${normalise(kind, raw)} AS ${ident(field)}`);
        outer.push(ident(field));
        if (kind === 'id')
            outer.push(
                `CASE WHEN length(${ident(field)}) <= 15 THEN ${ident(field)} ELSE left(${ident(field)}, 15) END AS ${ident(`${field}_k`)}`
            );
        if (isParsedKind(kind)) {
            inner.push(`${raw} AS ${ident(`_raw_${field}`)}`);
            outer.push(
                `CASE WHEN ${ident(field)} IS NULL AND trim(${ident(`_raw_${field}`)}) <> '' THEN ${ident(`_raw_${field}`)} END AS ${ident(`_bad_${field}`)}`
            );
            badCols.push(field);
        }
    }
    // Exports of all records (queryAll, Data Loader "Export All") carry deleted rows: they are dropped and counted.
    const deletedIdx = header.findIndex((h) => h.toLowerCase() === 'isdeleted');
    if (deletedIdx >= 0) {
        inner.push(`sf_bool(c${deletedIdx}) AS _deleted`);
        outer.push('_deleted');
    }
    if (inner.length === 0) inner.push('1 AS _one'); // an object only checked for presence (e.g. Account)
    if (outer.length === 0) outer.push('_one');
    const table = object.toLowerCase();
    const source = `read_csv(${lit(file)}, header=false, skip=1, columns=${colSpec}, auto_detect=false, strict_mode=true, delim=',', quote='"', escape='"', null_padding=false, ignore_errors=false)`;
    try {
        await conn.run(
            `CREATE OR REPLACE TABLE ${ident(table)} AS SELECT ${outer.join(', ')} FROM (SELECT ${inner.join(', ')} FROM ${source})`
        );
    } catch (err) {
        const bad = await findInvalidUtf8(file);
        if (bad) {
            throw new InputError(
                `${file}: line ${bad.line}: not valid UTF-8 (byte 0x${bad.byte.toString(16).toUpperCase()}); the export looks Windows-1252/Latin-1: re-export or re-save it as UTF-8`,
                { cause: err }
            );
        }
        throw csvError(file, err);
    }
    const stats = await conn.runAndReadAll(
        `SELECT count(*)::BIGINT AS n${badCols.map((f, i) => `, count(${ident(`_bad_${f}`)})::BIGINT AS b${i}, any_value(${ident(`_bad_${f}`)}) AS e${i}`).join('')} FROM ${ident(table)}`
    );
    const row = stats.getRowObjectsJS()[0] ?? {};
    const warnings: string[] = [];
    let deleted = 0;
    if (deletedIdx >= 0) {
        deleted = await countAndDropDeleted(conn, table);
        if (deleted > 0)
            warnings.push(
                `${file}: ${deleted} deleted row${deleted > 1 ? 's' : ''} (IsDeleted true) left out of the audit`
            );
    }
    badCols.forEach((field, i) => {
        const count = Number(row[`b${i}`] ?? 0);
        if (count > 0) {
            warnings.push(
                `${file}: ${field}: ${count} value${count > 1 ? 's' : ''} not recognised as ${spec.kinds[field]} (e.g. "${printable(String(row[`e${i}`]), 80)}"); treated as blank`
            );
        }
    });
    const present = new Set(columns.keys());
    return {
        loaded: {
            file,
            rows: Number(row.n ?? 0) - deleted,
            fields: present,
            missing: fieldsOf(object).filter((f) => !present.has(f))
        },
        warnings
    };
}

async function countAndDropDeleted(conn: DuckDBConnection, table: string): Promise<number> {
    const reader = await conn.runAndReadAll(`SELECT count_if(_deleted)::BIGINT AS n FROM ${ident(table)}`);
    const n = Number(reader.getColumnsJS()[0]?.[0] ?? 0);
    if (n > 0) await conn.run(`DELETE FROM ${ident(table)} WHERE _deleted`);
    return n;
}

/**
 * Loads every `<Object>.csv` the snapshot has, with the columns of `plan` (derived from the check definitions and
 * the engine's declarations, `src/audit/reads.ts`; without a plan, every schema field). A directory with neither
 * Lead.csv nor Opportunity.csv is rejected.
 */
export async function loadSnapshot(conn: DuckDBConnection, dir: string, plan?: ColumnPlan): Promise<LoadResult> {
    const files = await findObjectFiles(dir);
    if (!files.Lead && !files.Opportunity) {
        const entries = await readdir(dir);
        if (entries.some((e) => /^(lead|opportunity)s?\.json$/i.test(e))) {
            throw new InputError(
                `--snapshot ${dir}: this looks like an \`sf data tree\` export (JSON with referenceIds, no record Ids); the audit reads CSV snapshots: export with \`sf data query --result-format csv\`, Data Loader or Bulk API 2.0`
            );
        }
        const nested = entries.find((e) => /^(data|csv|export)$/i.test(e));
        const hint = nested ? ` (did you mean ${path.join(dir, nested)}?)` : '';
        throw new InputError(
            `--snapshot ${dir}: no Lead.csv or Opportunity.csv; a snapshot is one <Object>.csv per object (${SNAPSHOT_OBJECTS.join(', ')})${hint}`
        );
    }
    const result: LoadResult = { objects: {}, warnings: [] };
    for (const object of SNAPSHOT_OBJECTS) {
        const file = files[object];
        if (!file) continue;
        const { loaded, warnings } = await loadObject(conn, object, file, plan ? (plan[object] ?? []) : undefined);
        result.objects[object] = loaded;
        result.warnings.push(...warnings);
    }
    return result;
}
