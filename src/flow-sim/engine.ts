/**
 * Save-order simulator: a `Database` facade whose insert/update/delete run, per batch of up to 200 records,
 * before-save (or before-delete) flows → validation rules → commit → after-save flows, with every DML of an after-save
 * flow going back through the same path (so it re-triggers flows on the touched object). A failing record fails the
 * whole DML (allOrNone) and the DML's changes are rolled back to the savepoint taken before it.
 */
import type { Value } from './catalog.js';
import type { LoadedFlow } from './flow-schema.js';
import { meetsEntryCriteria } from './entry.js';
import { elementIndex, FlowFault, Interview } from './interpreter.js';
import type { FlowHost, RecordError } from './interpreter.js';
import type { CustomMetadataRecord } from './load.js';
import { LimitCounter, LimitException, RecordStore } from './store.js';
import type { Fields } from './store.js';

export interface RowError extends RecordError {
    readonly index: number;
}

/** A failed DML: like Salesforce's DmlException, one entry per failing row. */
export class DmlException extends FlowFault {
    constructor(
        readonly operation: string,
        readonly objectName: string,
        readonly rowErrors: readonly RowError[]
    ) {
        super(
            `${operation} failed on ${objectName}: ${rowErrors
                .map((e) => `row ${e.index}: ${e.field ? `${e.field}: ` : ''}${e.message}`)
                .join('; ')}`,
            rowErrors
        );
    }
}

/** Optional validation-rule hook (e.g. the project's rule XML evaluated by the formula evaluator). */
export type RecordValidator = (
    objectName: string,
    record: Fields,
    prior: Fields | null,
    hasPermission?: (name: string) => boolean
) => RecordError[];

export interface EngineOptions {
    readonly flows: readonly LoadedFlow[];
    readonly customMetadata: readonly CustomMetadataRecord[];
    readonly permissions?: readonly string[];
    readonly today?: string;
    readonly validate?: RecordValidator;
}

type Operation = 'insert' | 'update' | 'delete';

export interface DmlOptions {
    /** Skip validation rules for this DML only (lead conversion without "Require Validation for Converted Leads"). */
    readonly skipValidationRules?: boolean;
}
const BATCH = 200;
const MAX_DEPTH = 16;

export class Database {
    readonly store = new RecordStore();
    private limitCounter = new LimitCounter();
    private permissions: Set<string>;
    private depth = 0;
    private transactions = 0;
    private interviews = 0;
    private readonly host: FlowHost;

    constructor(private readonly options: EngineOptions) {
        for (const flow of options.flows) {
            elementIndex(flow);
        }
        this.permissions = new Set(options.permissions ?? []);
        const today = options.today ?? '2026-11-22';
        this.host = {
            today,
            now: () => this.store.now(),
            newInterviewGuid: () => `${(++this.interviews).toString(16).padStart(12, '0')}-flow-sim-interview`,
            hasPermission: (name) => this.permissions.has(name),
            query: (objectName, key) => this.query(objectName, key),
            insert: (objectName, rows, key) => this.dml('insert', objectName, rows, key),
            update: (objectName, rows, key) => {
                this.dml('update', objectName, rows, key);
            }
        };
    }

    /** Limits consumed by the last top-level transaction. */
    get limits(): LimitCounter {
        return this.limitCounter;
    }

    setPermissions(permissions: readonly string[]): void {
        this.permissions = new Set(permissions);
    }

    /** Loads records without running automation (test fixtures, org data that already exists). */
    seed(objectName: string, rows: Fields[]): string[] {
        return rows.map((row) => {
            const id = typeof row.Id === 'string' ? row.Id : this.store.newId(objectName);
            const created = typeof row.CreatedDate === 'string' ? row.CreatedDate : this.store.now();
            const values = this.store.normalise(
                objectName,
                { CreatedDate: created, LastModifiedDate: created, ...row },
                `seed ${objectName}`
            );
            this.store.write(objectName, id, values);
            return id;
        });
    }

    get(objectName: string, id: string): Fields {
        const row = this.store.get(objectName, id);
        if (!row) {
            throw new Error(`${objectName} ${id} not found`);
        }
        return row;
    }

    all(objectName: string): Fields[] {
        return this.store.all(objectName);
    }

    insert(objectName: string, rows: Fields[]): string[] {
        return this.transaction(() => this.dml('insert', objectName, rows, `T${this.transactions}`));
    }

    update(objectName: string, rows: Fields[]): void {
        this.transaction(() => this.dml('update', objectName, rows, `T${this.transactions}`));
    }

    delete(objectName: string, ids: string[]): void {
        this.transaction(() =>
            this.dml(
                'delete',
                objectName,
                ids.map((Id) => ({ Id })),
                `T${this.transactions}`
            )
        );
    }

    /** Runs `work` as one transaction: fresh limits, everything rolled back when it throws. */
    transaction<T>(work: () => T): T {
        if (this.depth > 0) {
            return work();
        }
        this.transactions += 1;
        this.limitCounter = new LimitCounter();
        const savepoint = this.store.savepoint();
        try {
            return work();
        } catch (error) {
            this.store.rollback(savepoint);
            throw error;
        }
    }

    /** Internal DML entry point (also used by flows and the lead-conversion simulator). */
    dml(operation: Operation, objectName: string, rows: Fields[], key: string, options: DmlOptions = {}): string[] {
        if (rows.length === 0) {
            return [];
        }
        if (this.depth >= MAX_DEPTH) {
            throw new LimitException(
                `System.LimitException: Maximum trigger depth exceeded (${objectName} ${operation})`
            );
        }
        this.limitCounter.dmlStatement(key, rows.length);
        const savepoint = this.store.savepoint();
        this.depth += 1;
        try {
            const ids: string[] = [];
            for (let start = 0; start < rows.length; start += BATCH) {
                const batchKey = `${key}>${operation}:${objectName}@${start}`;
                ids.push(
                    ...this.batch(operation, objectName, rows.slice(start, start + BATCH), batchKey, start, options)
                );
            }
            return ids;
        } catch (error) {
            this.store.rollback(savepoint);
            throw error;
        } finally {
            this.depth -= 1;
        }
    }

    private query(objectName: string, key: string): Fields[] {
        const metadata = this.options.customMetadata.filter((r) => r.object === objectName);
        if (objectName.endsWith('__mdt')) {
            return metadata.map((r, i) =>
                this.store.normalise(
                    objectName,
                    { Id: `m0${String(i).padStart(13, '0')}`, ...r.values },
                    `custom metadata ${objectName}`
                )
            );
        }
        this.limitCounter.query(key);
        return this.store.all(objectName);
    }

    private flowsFor(objectName: string, phase: string, operation: Operation): LoadedFlow[] {
        const types: Record<Operation, readonly string[]> = {
            insert: ['Create', 'CreateAndUpdate'],
            update: ['Update', 'CreateAndUpdate'],
            delete: ['Delete']
        };
        return this.options.flows
            .filter((f) => f.definition.status === 'Active')
            .filter((f) => f.definition.start.object === objectName && f.definition.start.triggerType === phase)
            .filter((f) => types[operation].includes(f.definition.start.recordTriggerType))
            .sort(
                (a, b) =>
                    Number(a.definition.triggerOrder ?? 0) - Number(b.definition.triggerOrder ?? 0) ||
                    a.name.localeCompare(b.name)
            );
    }

    private runFlows(
        phase: 'RecordBeforeSave' | 'RecordAfterSave' | 'RecordBeforeDelete',
        objectName: string,
        operation: Operation,
        records: Fields[],
        priors: Array<Fields | null>,
        batchKey: string,
        errors: RowError[]
    ): void {
        for (const flow of this.flowsFor(objectName, phase, operation)) {
            records.forEach((record, index) => {
                if (errors.some((e) => e.index === index)) {
                    return;
                }
                const prior = priors[index] ?? null;
                // before-delete flows see the record being deleted as $Record and have no $Record__Prior
                if (!meetsEntryCriteria(flow, this.host, record, phase === 'RecordBeforeDelete' ? null : prior)) {
                    return;
                }
                const interview = new Interview(flow, this.host, {
                    record: phase === 'RecordBeforeSave' ? record : { ...record },
                    prior: phase === 'RecordBeforeDelete' ? null : prior,
                    phase,
                    batchKey
                });
                for (const error of interview.run()) {
                    errors.push({ ...error, index });
                }
            });
        }
    }

    private prepare(
        operation: Operation,
        objectName: string,
        row: Fields,
        context: string
    ): { record: Fields; prior: Fields | null } {
        if (operation === 'insert') {
            if (row.Id) {
                throw new FlowFault(
                    `INVALID_FIELD_FOR_INSERT_UPDATE: cannot specify Id in an insert call (${context})`
                );
            }
            const now = this.store.now();
            return {
                record: this.store.normalise(objectName, { ...row, CreatedDate: now, LastModifiedDate: now }, context),
                prior: null
            };
        }
        const id = row.Id;
        if (typeof id !== 'string' || id === '') {
            throw new FlowFault(`MISSING_ARGUMENT: Id not specified in an ${operation} call (${context})`);
        }
        const existing = this.store.get(objectName, id);
        if (!existing) {
            throw new FlowFault(`ENTITY_IS_DELETED: ${objectName} ${id} does not exist (${context})`);
        }
        if (objectName === 'Lead' && existing.IsConverted === true) {
            throw new FlowFault(`CANNOT_UPDATE_CONVERTED_LEAD: cannot reference converted lead (${context})`);
        }
        if (operation === 'delete') {
            return { record: existing, prior: null };
        }
        const merged = this.store.normalise(
            objectName,
            { ...existing, ...row, LastModifiedDate: this.store.now() },
            context
        );
        return { record: merged, prior: existing };
    }

    private batch(
        operation: Operation,
        objectName: string,
        rows: Fields[],
        batchKey: string,
        offset: number,
        options: DmlOptions
    ): string[] {
        const context = `${operation} ${objectName}`;
        const prepared = rows.map((row) => this.prepare(operation, objectName, row, context));
        const records = prepared.map((p) => p.record);
        const priors = prepared.map((p) => p.prior);
        const errors: RowError[] = [];
        const fail = (): never => {
            throw new DmlException(
                operation,
                objectName,
                errors.map((e) => ({ ...e, index: e.index + offset }))
            );
        };
        if (operation === 'delete') {
            this.runFlows('RecordBeforeDelete', objectName, operation, records, priors, batchKey, errors);
            if (errors.length > 0) {
                fail();
            }
            for (const record of records) {
                this.store.remove(objectName, String(record.Id));
            }
            return records.map((r) => String(r.Id));
        }
        this.runFlows('RecordBeforeSave', objectName, operation, records, priors, batchKey, errors);
        records.forEach((record, index) => {
            derive(objectName, record);
            const validate = options.skipValidationRules ? undefined : this.options.validate;
            for (const error of validate?.(objectName, record, priors[index] ?? null, this.host.hasPermission) ?? []) {
                errors.push({ ...error, index });
            }
        });
        if (errors.length > 0) {
            fail();
        }
        const ids = records.map((record, index) => {
            const id = priors[index] ? String(record.Id) : this.store.newId(objectName);
            record.Id = id;
            this.store.write(objectName, id, this.store.normalise(objectName, record, context));
            return id;
        });
        const committed = ids.map((id) => this.get(objectName, id));
        this.runFlows('RecordAfterSave', objectName, operation, committed, priors, batchKey, errors);
        if (errors.length > 0) {
            fail();
        }
        return ids;
    }
}

/** Standard fields Salesforce derives on save. */
function derive(objectName: string, record: Record<string, Value>): void {
    if (objectName === 'Opportunity') {
        record.IsClosed = record.StageName === 'Closed Won' || record.StageName === 'Closed Lost';
        record.IsWon = record.StageName === 'Closed Won';
    }
}
