/**
 * Reads the sample snapshot (`data/sample-snapshot/<Object>.csv`) into plain rows for the preview's stubs. DuckDB
 * (the audit's CSV engine) parses the files strictly; each row is then validated here: an Id a record page can show,
 * and only columns the object's field metadata knows, so a typo in the data names its file, line and column.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { z } from 'zod';
import type { FieldMeta } from './metadata.js';

export const SNAPSHOT_DIR = 'data/sample-snapshot';

export type Row = Record<string, string | null>;
export type Snapshot = Record<string, Row[]>;

const idSchema = z.string().regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'not a 15- or 18-character record Id');

/** Checks rows of one object against its fields; returns them unchanged or throws naming file, line and column. */
export function validateRows(
    object: string,
    file: string,
    header: readonly string[],
    rows: readonly Row[],
    fields: Readonly<Record<string, FieldMeta>>
): Row[] {
    for (const column of header) {
        if (!fields[column]) {
            throw new Error(`${file}: column ${column} is not a field of ${object} known to the preview`);
        }
    }
    rows.forEach((row, index) => {
        const id = idSchema.safeParse(row.Id);
        if (!id.success) {
            throw new Error(`${file}: line ${index + 2}: Id: ${id.error.issues[0]?.message ?? 'invalid'}`);
        }
        for (const [column, value] of Object.entries(row)) {
            const type = fields[column]?.dataType;
            if (value !== null && type === 'Boolean' && value !== 'true' && value !== 'false') {
                throw new Error(`${file}: line ${index + 2}: ${column}: expected true or false, got "${value}"`);
            }
            if (value !== null && (type === 'Currency' || type === 'Double') && !Number.isFinite(Number(value))) {
                throw new Error(`${file}: line ${index + 2}: ${column}: expected a number, got "${value}"`);
            }
        }
    });
    return [...rows];
}

/** Loads every `<Object>.csv` of the snapshot whose object the field metadata knows (others are ignored). */
export async function loadSnapshot(
    projectDir: string,
    objects: Readonly<Record<string, Readonly<Record<string, FieldMeta>>>>,
    dir: string = SNAPSHOT_DIR
): Promise<Snapshot> {
    const full = path.join(projectDir, dir);
    if (!existsSync(full)) throw new Error(`${dir}: the sample snapshot is missing`);
    const instance = await DuckDBInstance.create(':memory:');
    const conn = await instance.connect();
    const snapshot: Snapshot = {};
    try {
        for (const name of readdirSync(full).filter((f) => f.endsWith('.csv'))) {
            const object = name.slice(0, -'.csv'.length);
            const fields = objects[object];
            if (!fields) continue;
            const file = `${dir}/${name}`;
            const csv = path.join(full, name).replaceAll("'", "''");
            let rows: Row[];
            let header: string[];
            try {
                const reader = await conn.runAndReadAll(
                    `SELECT * FROM read_csv('${csv}', header = true, all_varchar = true, strict_mode = true)`
                );
                header = reader.columnNames();
                rows = reader.getRowObjectsJS() as Row[];
            } catch (err) {
                throw new Error(`${file}: cannot be read as CSV: ${(err as Error).message.split('\n')[0]}`);
            }
            snapshot[object] = validateRows(object, file, header, rows, fields);
        }
    } finally {
        conn.closeSync();
        instance.closeSync();
    }
    return snapshot;
}
