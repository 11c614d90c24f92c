/** Variable scope of one flow interview: resolves and assigns references such as `$Record.StageName`. */
import { fieldType, objectFields } from './catalog.js';
import type { FieldType, Value } from './catalog.js';
import type { FlowDefinition, FlowValue } from './flow-schema.js';
import { evaluateFormula } from './formula.js';
import type { FormulaContext, Typed } from './formula.js';
import type { Fields, SObject } from './store.js';

export type Slot = Value | SObject | SObject[];

const SCALAR_TYPES: Readonly<Record<string, FieldType>> = {
    String: 'text',
    Boolean: 'boolean',
    Number: 'number',
    Date: 'date'
};

/** Record variables have value semantics in flows: assigning or adding one copies it. */
function copy(record: SObject): SObject {
    return record.queried
        ? { type: record.type, values: { ...record.values }, queried: record.queried }
        : { type: record.type, values: { ...record.values } };
}

export function isSObject(slot: Slot | undefined): slot is SObject {
    return typeof slot === 'object' && slot !== null && !Array.isArray(slot);
}

export interface ScopeOptions {
    readonly flow: string;
    readonly definition: FlowDefinition;
    readonly record: Fields;
    readonly prior: Fields | null;
    /** before-save: $Record may be assigned; otherwise it is read-only. */
    readonly recordWritable: boolean;
    readonly hasPermission: (name: string) => boolean;
    readonly today: string;
    /** $Flow.InterviewStartTime and $Flow.InterviewGuid; absent for start-condition evaluation (no interview yet). */
    readonly interview?: { readonly startTime: string; readonly guid: string };
}

export class Scope {
    private readonly slots = new Map<string, Slot>();
    private readonly types = new Map<string, { type: FieldType | 'sobject'; objectType?: string; many: boolean }>();
    faultMessage: string | null = null;

    constructor(private readonly options: ScopeOptions) {
        const { definition } = options;
        for (const variable of definition.variables) {
            if (variable.dataType === 'SObject') {
                if (!variable.objectType) {
                    throw new Error(`flow ${options.flow}: SObject variable ${variable.name} has no objectType`);
                }
                objectFields(variable.objectType, `flow ${options.flow} variable ${variable.name}`);
                this.declare(variable.name, 'sobject', variable.isCollection, variable.objectType);
                this.slots.set(variable.name, variable.isCollection ? [] : null);
            } else {
                const type = SCALAR_TYPES[variable.dataType] ?? 'text';
                this.declare(variable.name, type, variable.isCollection);
                this.slots.set(variable.name, variable.value ? this.value(variable.value, variable.name) : null);
            }
        }
        for (const constant of definition.constants) {
            this.declare(constant.name, SCALAR_TYPES[constant.dataType] ?? 'text', false);
            this.slots.set(constant.name, this.value(constant.value, constant.name));
        }
    }

    get objectName(): string {
        return this.options.definition.start.object;
    }

    declare(name: string, type: FieldType | 'sobject', many: boolean, objectType?: string): void {
        if (this.types.has(name)) {
            throw new Error(`flow ${this.options.flow}: duplicate resource name ${name}`);
        }
        this.types.set(name, objectType === undefined ? { type, many } : { type, objectType, many });
    }

    has(name: string): boolean {
        return this.types.has(name);
    }

    /** Stores an element output (Get Records / Create Records) under the element name. */
    store(name: string, slot: Slot): void {
        this.slots.set(name, slot);
    }

    sobjectOf(name: string): { objectType: string; many: boolean } | undefined {
        const info = this.types.get(name);
        return info?.type === 'sobject' && info.objectType
            ? { objectType: info.objectType, many: info.many }
            : undefined;
    }

    private where(ref: string): string {
        return `flow ${this.options.flow}: reference {!${ref}}`;
    }

    private readField(record: SObject | null, field: string, ref: string): Typed {
        const type = fieldType(record?.type ?? this.objectName, field, this.where(ref));
        if (record === null) {
            throw new Error(`${this.where(ref)}: the record variable is null (it was never set or found)`);
        }
        if (record.queried && !record.queried.has(field)) {
            throw new Error(`${this.where(ref)}: field ${field} was not queried (SObject row retrieved without it)`);
        }
        return { value: record.values[field] ?? null, type };
    }

    /** Resolves a reference to a typed scalar (fields, scalar variables, constants, formulas, globals). */
    resolve(ref: string): Typed {
        const slot = this.slot(ref);
        if (slot.kind === 'typed') {
            return slot.typed;
        }
        throw new Error(`${this.where(ref)}: is a record or collection, a single value is needed here`);
    }

    /** Resolves any reference, records and collections included. */
    resolveSlot(ref: string): Slot {
        const slot = this.slot(ref);
        return slot.kind === 'typed' ? slot.typed.value : slot.value;
    }

    private slot(ref: string): { kind: 'typed'; typed: Typed } | { kind: 'slot'; value: Slot } {
        const { options } = this;
        const [head = '', field, extra] = ref.split('.');
        if (extra !== undefined) {
            throw new Error(`${this.where(ref)}: cross-object references are not implemented`);
        }
        if (head === '$Record' || head === '$Record__Prior') {
            const values = head === '$Record' ? options.record : options.prior;
            const record: SObject | null = values ? { type: this.objectName, values } : null;
            if (field === undefined) {
                return { kind: 'slot', value: record };
            }
            if (head === '$Record__Prior' && record === null) {
                return {
                    kind: 'typed',
                    typed: { value: null, type: fieldType(this.objectName, field, this.where(ref)) }
                };
            }
            return { kind: 'typed', typed: this.readField(record, field, ref) };
        }
        if (head === '$Permission' && field) {
            return { kind: 'typed', typed: { value: options.hasPermission(field), type: 'boolean' } };
        }
        if (head === '$Flow' && field === 'CurrentDate') {
            return { kind: 'typed', typed: { value: options.today, type: 'date' } };
        }
        if (head === '$Flow' && field === 'FaultMessage') {
            return { kind: 'typed', typed: { value: this.faultMessage, type: 'text' } };
        }
        if (head === '$Flow' && (field === 'InterviewStartTime' || field === 'InterviewGuid') && options.interview) {
            return field === 'InterviewStartTime'
                ? { kind: 'typed', typed: { value: options.interview.startTime, type: 'datetime' } }
                : { kind: 'typed', typed: { value: options.interview.guid, type: 'text' } };
        }
        if (head.startsWith('$')) {
            throw new Error(`${this.where(ref)}: global ${head}${field ? `.${field}` : ''} is not implemented`);
        }
        const formula = options.definition.formulas.find((f) => f.name === head);
        if (formula) {
            if (field !== undefined) {
                throw new Error(`${this.where(ref)}: a formula has no fields`);
            }
            const value = evaluateFormula(
                formula.expression,
                formula.dataType,
                this.formulaContext(),
                `flow ${options.flow} formula ${formula.name}`
            );
            return { kind: 'typed', typed: { value, type: SCALAR_TYPES[formula.dataType] ?? 'text' } };
        }
        const info = this.types.get(head);
        if (!info || !this.slots.has(head)) {
            if (info) {
                return { kind: 'slot', value: null };
            }
            throw new Error(`${this.where(ref)}: ${head} is not a variable, constant, formula or element output`);
        }
        const value = this.slots.get(head) ?? null;
        if (field !== undefined) {
            if (info.type !== 'sobject' || info.many) {
                throw new Error(`${this.where(ref)}: ${head} is not a single record`);
            }
            if (value !== null && !isSObject(value)) {
                throw new Error(`${this.where(ref)}: ${head} does not hold a record`);
            }
            return { kind: 'typed', typed: this.readField(value, field, ref) };
        }
        if (info.type === 'sobject' || info.many) {
            return { kind: 'slot', value };
        }
        return { kind: 'typed', typed: { value: value as Value, type: info.type } };
    }

    formulaContext(): FormulaContext {
        return {
            resolve: (ref) => this.resolve(ref),
            prior: (ref) =>
                this.options.prior === null ? null : this.resolve(ref.replace(/^\$Record\./, '$Record__Prior.')),
            isNew: () => this.options.prior === null
        };
    }

    /** Evaluates a FlowElementReferenceOrValue. */
    value(value: FlowValue, where: string): Slot {
        if (value.stringValue !== undefined) {
            return value.stringValue === '' ? null : value.stringValue;
        }
        if (value.booleanValue !== undefined) {
            return value.booleanValue;
        }
        if (value.numberValue !== undefined) {
            return Number(value.numberValue);
        }
        if (value.dateValue !== undefined) {
            return value.dateValue;
        }
        if (value.elementReference !== undefined) {
            return this.resolveSlot(value.elementReference);
        }
        throw new Error(`flow ${this.options.flow} ${where}: empty value`);
    }

    /** Assignment target: `var`, `var.Field` or (before-save only) `$Record.Field`. */
    assign(ref: string, slot: Slot, operator: 'Assign' | 'Add'): void {
        const where = this.where(ref);
        const [head = '', field, extra] = ref.split('.');
        if (extra !== undefined) {
            throw new Error(`${where}: cross-object assignment is not implemented`);
        }
        if (head === '$Record') {
            if (!this.options.recordWritable || field === undefined) {
                throw new Error(`${where}: $Record can only be assigned field by field in a before-save flow`);
            }
            fieldType(this.objectName, field, where);
            this.options.record[field] = this.scalar(slot, where);
            return;
        }
        const info = this.types.get(head);
        if (!info) {
            throw new Error(`${where}: ${head} is not a variable`);
        }
        if (field !== undefined) {
            let record = this.slots.get(head) ?? null;
            if (record === null && info.type === 'sobject' && !info.many && info.objectType) {
                // like Flow Builder: assigning a field of an empty record variable creates the record in memory
                record = { type: info.objectType, values: {} };
                this.slots.set(head, record);
            }
            if (info.type !== 'sobject' || info.many || !isSObject(record) || operator !== 'Assign') {
                throw new Error(`${where}: field assignment needs a single record variable and Assign`);
            }
            fieldType((record as SObject).type, field, where);
            (record as SObject).values[field] = this.scalar(slot, where);
            return;
        }
        if (operator === 'Add') {
            const current = this.slots.get(head) ?? null;
            if (info.many) {
                const list = Array.isArray(current) ? current : [];
                const items = Array.isArray(slot) ? slot : slot === null ? [] : [slot];
                this.slots.set(head, [...list, ...(items as SObject[]).map(copy)]);
            } else if (info.type === 'number' && typeof slot === 'number') {
                this.slots.set(head, (typeof current === 'number' ? current : 0) + slot);
            } else {
                throw new Error(`${where}: Add is implemented for collections and numbers only`);
            }
            return;
        }
        if (info.type === 'sobject') {
            if (slot !== null && (info.many ? !Array.isArray(slot) : !isSObject(slot))) {
                throw new Error(`${where}: type mismatch assigning to ${head}`);
            }
            this.slots.set(head, Array.isArray(slot) ? slot.map(copy) : isSObject(slot) ? copy(slot) : slot);
            return;
        }
        this.slots.set(head, this.scalar(slot, where));
    }

    private scalar(slot: Slot, where: string): Value {
        if (typeof slot === 'object' && slot !== null) {
            throw new Error(`${where}: a record or collection cannot be assigned to a single value`);
        }
        return slot;
    }
}
