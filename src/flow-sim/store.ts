/** In-memory record store with an undo journal (savepoints) and per-transaction governor-limit counters. */
import { coerceFieldValue, ID_PREFIX, objectFields } from './catalog.js';
import type { Value } from './catalog.js';

export type Fields = Record<string, Value>;

export interface SObject {
    readonly type: string;
    readonly values: Fields;
    /** When set, only these fields were queried; reading another one fails like an unqueried SObject field. */
    readonly queried?: ReadonlySet<string>;
}

/** Governor limit breach: like System.LimitException it cannot be caught by a fault connector. */
export class LimitException extends Error {}

export const LIMITS = { soql: 100, dml: 150, dmlRows: 10_000 } as const;

/**
 * Counts SOQL/DML the way bulkified record-triggered flows consume them: interviews of one batch that reach the
 * same element for the n-th time share one query/statement, so the count key is (batch path, element, visit).
 * A Get Records outside loops costs one query per batch; inside a loop of 200 iterations it costs 200.
 */
export class LimitCounter {
    private readonly soqlKeys = new Set<string>();
    private readonly dmlKeys = new Set<string>();
    private rows = 0;

    get soql(): number {
        return this.soqlKeys.size;
    }
    get dml(): number {
        return this.dmlKeys.size;
    }
    get dmlRows(): number {
        return this.rows;
    }

    query(key: string): void {
        this.soqlKeys.add(key);
        if (this.soqlKeys.size > LIMITS.soql) {
            throw new LimitException(`System.LimitException: Too many SOQL queries: ${this.soqlKeys.size} (at ${key})`);
        }
    }

    dmlStatement(key: string, rows: number): void {
        this.dmlKeys.add(key);
        this.rows += rows;
        if (this.dmlKeys.size > LIMITS.dml) {
            throw new LimitException(
                `System.LimitException: Too many DML statements: ${this.dmlKeys.size} (at ${key})`
            );
        }
        if (this.rows > LIMITS.dmlRows) {
            throw new LimitException(`System.LimitException: Too many DML rows: ${this.rows}`);
        }
    }
}

interface JournalEntry {
    readonly type: string;
    readonly id: string;
    readonly before: Fields | undefined;
}

export class RecordStore {
    private readonly tables = new Map<string, Map<string, Fields>>();
    private readonly journal: JournalEntry[] = [];
    private sequence = 0;
    private tick = 0;

    constructor(private readonly epochMs = Date.parse('2026-11-22T09:00:00Z')) {}

    /**
     * Monotonic timestamp so CreatedDate ordering is deterministic: each call advances the clock by one millisecond,
     * so a whole bulk transaction (thousands of writes) spans seconds, as it does on the platform.
     */
    now(): string {
        return new Date(this.epochMs + this.tick++).toISOString();
    }

    newId(type: string): string {
        const prefix = ID_PREFIX[type];
        if (!prefix) {
            throw new Error(`no Id prefix for ${type}`);
        }
        this.sequence += 1;
        return `${prefix}${String(this.sequence).padStart(12, '0')}AAA`;
    }

    private table(type: string): Map<string, Fields> {
        let table = this.tables.get(type);
        if (!table) {
            objectFields(type, 'store');
            table = new Map();
            this.tables.set(type, table);
        }
        return table;
    }

    /** Fills every catalog field (missing → null/false) and validates the types of the given ones. */
    normalise(type: string, values: Fields, context: string): Fields {
        const out: Fields = {};
        for (const field of Object.keys(objectFields(type, context))) {
            out[field] = coerceFieldValue(type, field, values[field] ?? null, context);
        }
        for (const field of Object.keys(values)) {
            if (!(field in out)) {
                coerceFieldValue(type, field, values[field] ?? null, context);
            }
        }
        return out;
    }

    get(type: string, id: string): Fields | undefined {
        const row = this.table(type).get(id);
        return row ? { ...row } : undefined;
    }

    all(type: string): Fields[] {
        return [...this.table(type).values()].map((row) => ({ ...row }));
    }

    write(type: string, id: string, values: Fields): void {
        const table = this.table(type);
        const before = table.get(id);
        this.journal.push({ type, id, before: before ? { ...before } : undefined });
        table.set(id, { ...values, Id: id });
    }

    remove(type: string, id: string): void {
        const table = this.table(type);
        const before = table.get(id);
        if (!before) {
            throw new Error(`ENTITY_IS_DELETED: ${type} ${id} does not exist`);
        }
        this.journal.push({ type, id, before: { ...before } });
        table.delete(id);
    }

    savepoint(): number {
        return this.journal.length;
    }

    rollback(savepoint: number): void {
        while (this.journal.length > savepoint) {
            const entry = this.journal.pop();
            if (!entry) {
                break;
            }
            const table = this.table(entry.type);
            if (entry.before) {
                table.set(entry.id, entry.before);
            } else {
                table.delete(entry.id);
            }
        }
    }
}
