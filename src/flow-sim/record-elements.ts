/** Get/Update/Create Records elements of a flow interview. */
import { coerceFieldValue, fieldType, isCustomMetadata } from './catalog.js';
import type { Value } from './catalog.js';
import type { InputAssignment, RecordFilter, RecordLookup } from './flow-schema.js';
import { combineLogic, compare } from './logic.js';
import { isSObject } from './scope.js';
import type { Scope, Slot } from './scope.js';
import type { Fields, SObject } from './store.js';
import { FlowFault } from './types.js';
import type { Element, FlowHost, InterviewInput } from './types.js';

export class RecordElements {
    constructor(
        private readonly flowName: string,
        private readonly scope: Scope,
        private readonly host: FlowHost,
        private readonly input: InterviewInput
    ) {}

    private where(element: Element): string {
        return `flow ${this.flowName} element ${element.name}`;
    }

    /** Evaluates record filters against rows of `objectName`. */
    private matches(
        objectName: string,
        rows: Fields[],
        filters: RecordFilter[],
        logic: string | undefined,
        where: string
    ): Fields[] {
        const compiled = filters.map((filter) => {
            fieldType(objectName, filter.field, where);
            if (filter.operator === 'IsChanged') {
                throw new Error(`${where}: IsChanged is only valid in start filters`);
            }
            const value = this.scope.value(filter.value, where);
            if (typeof value === 'object' && value !== null) {
                throw new Error(`${where}: filter on ${filter.field} compares against a record or collection`);
            }
            return { field: filter.field, operator: filter.operator, value };
        });
        return rows.filter((row) =>
            combineLogic(
                logic,
                compiled.map((f) => compare(f.operator, row[f.field] ?? null, f.value, where)),
                where
            )
        );
    }

    lookup(element: RecordLookup & Element, key: string): void {
        const where = this.where(element);
        const rows = this.matches(
            element.object,
            this.host.query(element.object, key),
            element.filters,
            element.filterLogic,
            where
        );
        if (element.sortField) {
            const field = element.sortField;
            fieldType(element.object, field, where);
            const direction = element.sortOrder === 'Desc' ? -1 : 1;
            const rank = (v: Value): string =>
                v === null ? '' : typeof v === 'number' ? v.toFixed(6).padStart(30, '0') : String(v);
            rows.sort((a, b) => {
                const x = rank(a[field] ?? null);
                const y = rank(b[field] ?? null);
                return x === y ? 0 : (x < y ? -1 : 1) * direction;
            });
        }
        let queried: Set<string> | undefined;
        if (element.queriedFields) {
            queried = new Set(['Id', ...element.queriedFields]);
            for (const field of queried) {
                fieldType(element.object, field, where);
            }
        } else if (!element.storeOutputAutomatically) {
            throw new Error(`${where}: outputReference needs queriedFields`);
        }
        const records: SObject[] = rows.map((row) => {
            const values: Fields = {};
            for (const field of queried ?? Object.keys(row)) {
                values[field] = row[field] ?? null;
            }
            return queried ? { type: element.object, values, queried } : { type: element.object, values };
        });
        const first = element.getFirstRecordOnly === true;
        const result: Slot = records.length === 0 ? null : first ? (records[0] ?? null) : records;
        if (element.storeOutputAutomatically) {
            this.scope.store(element.name, result);
        } else if (element.outputReference) {
            const target = this.scope.sobjectOf(element.outputReference);
            if (!target || target.objectType !== element.object || target.many === first) {
                throw new Error(
                    `${where}: outputReference ${element.outputReference} is not a ${element.object} ${first ? 'record' : 'collection'} variable`
                );
            }
            this.scope.assign(element.outputReference, result, 'Assign');
        } else {
            throw new Error(`${where}: Get Records needs storeOutputAutomatically or outputReference`);
        }
    }

    private assignments(objectName: string, assignments: InputAssignment[], where: string): Fields {
        const values: Fields = {};
        for (const assignment of assignments) {
            const value = this.scope.value(assignment.value, where);
            if (typeof value === 'object' && value !== null) {
                throw new Error(`${where}: field ${assignment.field} cannot take a record or collection`);
            }
            values[assignment.field] = coerceFieldValue(objectName, assignment.field, value, where);
        }
        return values;
    }

    private requireDmlAllowed(element: Element): void {
        if (this.input.phase === 'RecordBeforeSave') {
            throw new Error(`${this.where(element)}: before-save flows cannot create or update other records`);
        }
    }

    private recordsOf(ref: string, where: string): SObject[] {
        const slot = this.scope.resolveSlot(ref);
        if (slot === null) {
            throw new FlowFault(`MISSING_ARGUMENT: ${ref} is null; there is no record to save (${where})`);
        }
        const list = Array.isArray(slot) ? slot : isSObject(slot) ? [slot] : undefined;
        if (!list) {
            throw new Error(`${where}: ${ref} is not a record or record collection`);
        }
        return list;
    }

    updateRecords(element: Element, key: string): void {
        this.requireDmlAllowed(element);
        const where = this.where(element);
        if (element.inputReference !== undefined) {
            if ((element.filters as unknown[]).length > 0 || (element.inputAssignments as unknown[]).length > 0) {
                throw new Error(`${where}: inputReference cannot be combined with filters or inputAssignments`);
            }
            const records = this.recordsOf(element.inputReference as string, where);
            const rows = records.map((record) => {
                if (!record.values.Id) {
                    throw new FlowFault(`MISSING_ARGUMENT: Id not specified in an update call (${where})`);
                }
                return { ...record.values };
            });
            this.host.update(records[0]?.type ?? '', rows, key);
            return;
        }
        const objectName = element.object as string | undefined;
        if (!objectName || (element.filters as unknown[]).length === 0) {
            throw new Error(`${where}: an update without inputReference needs object and filters`);
        }
        const values = this.assignments(objectName, element.inputAssignments as InputAssignment[], where);
        const targets = this.matches(
            objectName,
            this.host.query(objectName, `${key}:query`),
            element.filters as RecordFilter[],
            element.filterLogic as string | undefined,
            where
        );
        if (targets.length > 0) {
            this.host.update(
                objectName,
                targets.map((row) => ({ ...values, Id: row.Id ?? null })),
                key
            );
        }
    }

    createRecords(element: Element, key: string): void {
        this.requireDmlAllowed(element);
        const where = this.where(element);
        if (element.inputReference !== undefined) {
            const records = this.recordsOf(element.inputReference as string, where);
            const ids = this.host.insert(
                records[0]?.type ?? '',
                records.map((r) => ({ ...r.values })),
                key
            );
            records.forEach((record, i) => (record.values.Id = ids[i] ?? null));
            return;
        }
        const objectName = element.object as string | undefined;
        if (!objectName || isCustomMetadata(objectName)) {
            throw new Error(`${where}: Create Records needs a (non custom metadata) object`);
        }
        const values = this.assignments(objectName, element.inputAssignments as InputAssignment[], where);
        const [id = null] = this.host.insert(objectName, [values], key);
        if (element.storeOutputAutomatically) {
            this.scope.store(element.name, id);
        }
        if (element.assignRecordIdToReference) {
            this.scope.assign(element.assignRecordIdToReference as string, id, 'Assign');
        }
    }
}
