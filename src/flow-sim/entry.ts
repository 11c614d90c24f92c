/** Start-element entry criteria: filters + filterLogic, filterFormula, doesRequireRecordChangedToMeetCriteria. */
import { coerceFieldValue, fieldType } from './catalog.js';
import type { LoadedFlow } from './flow-schema.js';
import { evaluateFormula } from './formula.js';
import { combineLogic, compare } from './logic.js';
import { Scope } from './scope.js';
import type { Fields } from './store.js';
import type { FlowHost } from './types.js';

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
