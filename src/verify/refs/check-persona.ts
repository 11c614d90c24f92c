/**
 * Persona values agree everywhere: the `Persona` global value set is the source of truth; every `Persona__c`
 * picklist uses it; each of its values has exactly one `Persona_Role_Mapping__mdt` record. (Literals compared with
 * Persona in formulas/flows and the values in mapping records are checked against it by check-values.ts.)
 */
import { childrenNamed, childText, firstChild } from '../xml.js';
import { ofType, report, type RefContext } from './context.js';

export const PERSONA_VALUE_SET = 'Persona';
export const PERSONA_MAPPING_TYPE = 'Persona_Role_Mapping';

export function checkPersona(ctx: RefContext): void {
    const gvs = ofType(ctx, 'GlobalValueSet').find((f) => f.fullName === PERSONA_VALUE_SET);
    for (const field of ctx.fields) {
        if (field.name !== 'Persona__c' || field.object.endsWith('__mdt')) continue;
        if (field.valueSetName !== PERSONA_VALUE_SET) {
            ctx.problems.push({
                check: 'references',
                file: field.file,
                line: field.line,
                path: 'CustomField/valueSet/valueSetName',
                message: `${field.object}.Persona__c must be a picklist on the ${PERSONA_VALUE_SET} global value set (found ${field.valueSetName ?? 'no value set'})`
            });
        }
    }

    const records = ofType(ctx, 'CustomMetadata').filter((r) => r.fullName.startsWith(`${PERSONA_MAPPING_TYPE}.`));
    if (!records.length) return;
    if (!gvs) {
        const first = records[0];
        if (first)
            report(
                ctx,
                first.rel,
                first.root,
                'CustomMetadata',
                `the ${PERSONA_VALUE_SET} global value set is not in the project`
            );
        return;
    }
    const mapped = new Map<string, string>();
    for (const rec of records) {
        const persona = childrenNamed(rec.root, 'values').find((v) => childText(v, 'field') === 'Persona__c');
        const valueEl = persona ? firstChild(persona, 'value') : undefined;
        if (!valueEl) {
            report(ctx, rec.rel, rec.root, 'CustomMetadata/values', 'mapping record has no Persona__c value');
            continue;
        }
        const value = valueEl.text.trim();
        const other = mapped.get(value);
        if (other) {
            report(
                ctx,
                rec.rel,
                valueEl,
                'CustomMetadata/values[Persona__c]/value',
                `Persona "${value}" is mapped twice (also in ${other})`
            );
        }
        mapped.set(value, rec.rel);
    }
    for (const v of childrenNamed(gvs.root, 'customValue')) {
        const value = childText(v, 'fullName') ?? '';
        if (!mapped.has(value)) {
            report(
                ctx,
                gvs.rel,
                v,
                'GlobalValueSet/customValue',
                `Persona "${value}" has no ${PERSONA_MAPPING_TYPE}__mdt record`
            );
        }
    }
}
