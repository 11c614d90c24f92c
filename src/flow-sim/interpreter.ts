/** Runs one record-triggered flow interview element by element. See flow-schema.ts for the supported subset. */
import { fieldType } from './catalog.js';
import type { Condition, Connector, CustomError, LoadedFlow, RecordLookup } from './flow-schema.js';
import { compare, combineLogic } from './logic.js';
import { RecordElements } from './record-elements.js';
import { Scope } from './scope.js';
import type { SObject } from './store.js';
import { FlowFault } from './types.js';
import type { Element, FlowHost, InterviewInput, RecordError } from './types.js';

export { FlowFault } from './types.js';
export type { FlowHost, InterviewInput, RecordError } from './types.js';

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
    private readonly records: RecordElements;
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
            today: host.today,
            interview: { startTime: host.now(), guid: host.newInterviewGuid() }
        });
        this.records = new RecordElements(flow.name, this.scope, host, input);
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
                this.records.lookup(element as unknown as RecordLookup & Element, key);
                return connector;
            case 'recordUpdates':
                this.records.updateRecords(element, key);
                return connector;
            case 'recordCreates':
                this.records.createRecords(element, key);
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
