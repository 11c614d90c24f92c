/** Runs one record-triggered flow interview element by element. See flow-schema.ts for the supported subset. */
import { coerceFieldValue, fieldType, isCustomMetadata } from './catalog.js';
import type { Value } from './catalog.js';
import type {
    Condition,
    Connector,
    CustomError,
    FlowDefinition,
    InputAssignment,
    LoadedFlow,
    RecordFilter,
    RecordLookup
} from './flow-schema.js';
import { evaluateFormula } from './formula.js';
import { combineLogic, compare } from './logic.js';
import { isSObject, Scope } from './scope.js';
import type { Slot } from './scope.js';
import type { Fields, SObject } from './store.js';

export interface RecordError {
    readonly message: string;
    readonly field?: string;
}

/** A runtime failure a fault connector may catch (DML failure, missing Id…). Simulator errors are plain Errors. */
export class FlowFault extends Error {
    constructor(
        message: string,
        readonly errors: readonly RecordError[] = [{ message }]
    ) {
        super(message);
    }
}

export interface FlowHost {
    readonly today: string;
    hasPermission(name: string): boolean;
    /** Rows of an object; counts one SOQL query under `key` (custom metadata is free, like in Apex). */
    query(objectName: string, key: string): Fields[];
    insert(objectName: string, rows: Fields[], key: string): string[];
    update(objectName: string, rows: Fields[], key: string): void;
}

export interface InterviewInput {
    readonly record: Fields;
    readonly prior: Fields | null;
    readonly phase: FlowDefinition['start']['triggerType'];
    /** Bulk key of the batch this interview belongs to (see LimitCounter). */
    readonly batchKey: string;
}

type Element = { kind: string; name: string; [key: string]: unknown };
const KINDS = [
    'assignments',
    'customErrors',
    'decisions',
    'loops',
    'recordCreates',
    'recordLookups',
    'recordUpdates'
] as const;
const MAX_STEPS = 2000;

export function elementIndex(flow: LoadedFlow): Map<string, Element> {
    const index = new Map<string, Element>();
    const def = flow.definition;
    for (const kind of KINDS) {
        for (const element of def[kind]) {
            if (index.has(element.name)) {
                throw new Error(`flow ${flow.name}: duplicate element name ${element.name}`);
            }
            index.set(element.name, { ...element, kind });
        }
    }
    const targets: Array<[string, Connector | undefined]> = [['start', def.start.connector]];
    for (const element of index.values()) {
        for (const key of [
            'connector',
            'faultConnector',
            'defaultConnector',
            'nextValueConnector',
            'noMoreValuesConnector'
        ]) {
            targets.push([element.name, element[key] as Connector | undefined]);
        }
        for (const rule of (element.rules as Array<{ connector?: Connector }> | undefined) ?? []) {
            targets.push([element.name, rule.connector]);
        }
    }
    for (const [from, connector] of targets) {
        if (connector && !index.has(connector.targetReference)) {
            throw new Error(`flow ${flow.name}: ${from} connects to unknown element ${connector.targetReference}`);
        }
    }
    return index;
}

export class Interview {
    private readonly scope: Scope;
    private readonly index: Map<string, Element>;
    private readonly visits = new Map<string, number>();
    private readonly loops = new Map<string, { items: SObject[]; next: number }>();
    readonly errors: RecordError[] = [];

    constructor(
        private readonly flow: LoadedFlow,
        private readonly host: FlowHost,
        private readonly input: InterviewInput
    ) {
        this.index = elementIndex(flow);
        this.scope = new Scope({
            flow: flow.name,
            definition: flow.definition,
            record: input.record,
            prior: input.prior,
            recordWritable: input.phase === 'RecordBeforeSave',
            hasPermission: (name) => host.hasPermission(name),
            today: host.today
        });
        for (const lookup of flow.definition.recordLookups) {
            if (lookup.storeOutputAutomatically) {
                this.scope.declare(lookup.name, 'sobject', lookup.getFirstRecordOnly !== true, lookup.object);
            }
        }
        for (const create of flow.definition.recordCreates) {
            if (create.storeOutputAutomatically) {
                this.scope.declare(create.name, 'id', false);
            }
        }
    }

    private where(element: Element): string {
        return `flow ${this.flow.name} element ${element.name}`;
    }

    run(): RecordError[] {
        let next = this.flow.definition.start.connector?.targetReference;
        let steps = 0;
        while (next !== undefined) {
            if (++steps > MAX_STEPS) {
                throw new Error(`flow ${this.flow.name}: more than ${MAX_STEPS} elements executed (endless loop?)`);
            }
            const element = this.index.get(next);
            if (!element) {
                throw new Error(`flow ${this.flow.name}: unknown element ${next}`);
            }
            const visit = (this.visits.get(element.name) ?? 0) + 1;
            this.visits.set(element.name, visit);
            const key = `${this.input.batchKey}/${this.flow.name}.${element.name}#${visit}`;
            try {
                next = this.step(element, key);
            } catch (error) {
                const fault = element.faultConnector as Connector | undefined;
                if (!(error instanceof FlowFault)) {
                    throw error;
                }
                if (!fault) {
                    this.errors.push({
                        message: `An unhandled fault has occurred in flow ${this.flow.name} at ${element.name}: ${error.message}`
                    });
                    return this.errors;
                }
                this.scope.faultMessage = error.message;
                next = fault.targetReference;
            }
        }
        return this.errors;
    }

    private step(element: Element, key: string): string | undefined {
        const connector = (element.connector as Connector | undefined)?.targetReference;
        switch (element.kind) {
            case 'decisions':
                return this.decide(element);
            case 'assignments':
                for (const item of element.assignmentItems as Array<{
                    assignToReference: string;
                    operator: 'Assign' | 'Add';
                    value: never;
                }>) {
                    this.scope.assign(
                        item.assignToReference,
                        this.scope.value(item.value, element.name),
                        item.operator
                    );
                }
                return connector;
            case 'loops':
                return this.loop(element);
            case 'recordLookups':
                this.lookup(element as unknown as RecordLookup & Element, key);
                return connector;
            case 'recordUpdates':
                this.updateRecords(element, key);
                return connector;
            case 'recordCreates':
                this.createRecords(element, key);
                return connector;
            case 'customErrors':
                this.customError(element as unknown as CustomError & Element);
                return undefined;
            default:
                throw new Error(`${this.where(element)}: element kind ${element.kind} is not implemented`);
        }
    }

    private condition(condition: Condition, where: string): boolean {
        const right = condition.rightValue ? this.scope.value(condition.rightValue, where) : null;
        if (condition.operator === 'IsChanged') {
            const ref = condition.leftValueReference;
            if (!ref.startsWith('$Record.') || typeof right !== 'boolean') {
                throw new Error(`${where}: IsChanged needs a $Record field and a boolean value`);
            }
            const before = this.scope.resolve(ref.replace('$Record.', '$Record__Prior.'));
            const changed = this.input.prior !== null && before.value !== this.scope.resolve(ref).value;
            return changed === right;
        }
        const left = this.scope.resolveSlot(condition.leftValueReference);
        if (condition.operator === 'IsNull' && typeof left === 'object' && left !== null) {
            const empty = Array.isArray(left) && left.length === 0;
            return empty === right;
        }
        if ((typeof left === 'object' && left !== null) || (typeof right === 'object' && right !== null)) {
            throw new Error(`${where}: ${condition.operator} on a record or collection is not implemented`);
        }
        return compare(condition.operator, left, right, where);
    }

    private decide(element: Element): string | undefined {
        const where = this.where(element);
        for (const rule of element.rules as Array<{
            name: string;
            conditionLogic: string;
            conditions: Condition[];
            connector?: Connector;
        }>) {
            const results = rule.conditions.map((c) => this.condition(c, `${where} rule ${rule.name}`));
            if (combineLogic(rule.conditionLogic, results, `${where} rule ${rule.name}`)) {
                return rule.connector?.targetReference;
            }
        }
        return (element.defaultConnector as Connector | undefined)?.targetReference;
    }

    private loop(element: Element): string | undefined {
        let state = this.loops.get(element.name);
        if (!state) {
            const collection = this.scope.resolveSlot(element.collectionReference as string);
            if (collection !== null && !Array.isArray(collection)) {
                throw new Error(`${this.where(element)}: ${String(element.collectionReference)} is not a collection`);
            }
            state = { items: collection ?? [], next: 0 };
            this.loops.set(element.name, state);
        }
        const item = state.items[state.next];
        if (item === undefined) {
            this.loops.delete(element.name);
            return (element.noMoreValuesConnector as Connector | undefined)?.targetReference;
        }
        state.next += 1;
        this.scope.assign(element.assignNextValueToReference as string, item, 'Assign');
        return (element.nextValueConnector as Connector).targetReference;
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

    private lookup(element: RecordLookup & Element, key: string): void {
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

    private updateRecords(element: Element, key: string): void {
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

    private createRecords(element: Element, key: string): void {
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

    private customError(element: CustomError & Element): void {
        const where = this.where(element);
        for (const message of element.customErrorMessages) {
            const text = message.errorMessage.replace(/\{!([^}]+)\}/g, (_all, ref: string) => {
                const { value } = this.scope.resolve(ref.trim());
                return value === null ? '' : String(value);
            });
            if (message.isFieldError) {
                if (!message.fieldSelection) {
                    throw new Error(`${where}: a field error needs fieldSelection`);
                }
                fieldType(this.scope.objectName, message.fieldSelection, where);
                this.errors.push({ message: text, field: message.fieldSelection });
            } else {
                if (message.fieldSelection) {
                    throw new Error(`${where}: fieldSelection is set but isFieldError is false`);
                }
                this.errors.push({ message: text });
            }
        }
    }
}

/** Evaluates the start element's entry conditions for a record (and its prior version). */
export function meetsEntryCriteria(flow: LoadedFlow, host: FlowHost, record: Fields, prior: Fields | null): boolean {
    const start = flow.definition.start;
    const evaluate = (current: Fields, before: Fields | null): boolean => {
        const scope = new Scope({
            flow: flow.name,
            definition: flow.definition,
            record: current,
            prior: before,
            recordWritable: false,
            hasPermission: (name) => host.hasPermission(name),
            today: host.today
        });
        const where = `flow ${flow.name} start`;
        if (start.filterFormula !== undefined) {
            if (start.filters.length > 0) {
                throw new Error(`${where}: filters and filterFormula cannot be combined`);
            }
            return evaluateFormula(start.filterFormula, 'Boolean', scope.formulaContext(), where) === true;
        }
        if (start.filters.length === 0) {
            return true;
        }
        const results = start.filters.map((filter) => {
            const type = fieldType(start.object, filter.field, where);
            const left = current[filter.field] ?? null;
            const right = scope.value(filter.value, where);
            if (typeof right === 'object' && right !== null) {
                throw new Error(`${where}: filter on ${filter.field} compares against a record`);
            }
            if (filter.operator === 'IsChanged') {
                const changed = before !== null && (before[filter.field] ?? null) !== left;
                return changed === right;
            }
            return compare(
                filter.operator,
                coerceFieldValue(start.object, filter.field, left, where),
                right,
                `${where} (${type})`
            );
        });
        return combineLogic(start.filterLogic, results, where);
    };
    const now = evaluate(record, prior);
    if (!now || start.doesRequireRecordChangedToMeetCriteria !== true || prior === null) {
        return now;
    }
    return !evaluate(prior, null);
}
