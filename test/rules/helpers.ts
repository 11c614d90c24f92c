/** Shared fixtures for the rule tests: the real validation rule XML and the shipped custom metadata record. */
import { join } from 'node:path';
import { evaluateCondition } from '../../src/formula/evaluate.js';
import type { FormulaContext, TypedValue, ValueMap } from '../../src/formula/evaluate.js';
import { loadCustomMetadataRecord, loadValidationRule } from '../../src/formula/metadata.js';
import type { ValidationRule } from '../../src/formula/metadata.js';

export const DEFAULT_DIR = 'force-app/main/default';
export const BYPASS = 'Attribution_Guardrails_Bypass';

export function rulePath(object: string, name: string): string {
    return join(DEFAULT_DIR, 'objects', object, 'validationRules', `${name}.validationRule-meta.xml`);
}

export function loadRule(object: string, name: string): ValidationRule {
    return loadValidationRule(rulePath(object, name));
}

/** Values of the shipped `Attribution_Rules.Default` record; throws naming the file when it is missing. */
export function shippedRules(): ValueMap {
    return loadCustomMetadataRecord(join(DEFAULT_DIR, 'customMetadata', 'Attribution_Rules.Default.md-meta.xml'));
}

export const picklist = (value: string | null): TypedValue => ({ type: 'picklist', value });
export const reference = (value: string | null): TypedValue => ({ type: 'reference', value });

export interface Save {
    /** Field values after the save. */
    readonly after: ValueMap;
    /** Field values before the save; omitted for an insert. */
    readonly before?: ValueMap;
    readonly bypass?: boolean;
    readonly customMetadata?: ValueMap;
}

/** True when the rule blocks the save (its error condition is true). */
export function blocks(rule: ValidationRule, save: Save): boolean {
    const context: FormulaContext = {
        record: save.after,
        prior: save.before ?? null,
        permissions: { [BYPASS]: save.bypass === true },
        customMetadata: save.customMetadata ?? shippedRules()
    };
    return evaluateCondition(rule.errorConditionFormula, context);
}
