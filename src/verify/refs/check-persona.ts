/**
 * Persona values agree everywhere: the `Persona` global value set is the source of truth; every `Persona__c`
 * picklist uses it; every `Persona_Role_Mapping__mdt` record names one of its values and each value has exactly
 * one mapping record; every literal a formula or flow compares with/assigns to Persona is one of its values.
 */
import { childrenNamed, childText, firstChild } from '../xml.js';
import { ofType, report, type RefContext } from './context.js';

export const PERSONA_VALUE_SET = 'Persona';
export const PERSONA_MAPPING_TYPE = 'Persona_Role_Mapping';

export function checkPersona(ctx: RefContext): void {
    const gvs = ofType(ctx, 'GlobalValueSet').find((f) => f.fullName === PERSONA_VALUE_SET);
    const values = new Set(
        gvs ? childrenNamed(gvs.root, 'customValue').map((v) => childText(v, 'fullName') ?? '') : []
    );

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

    const mapped = new Map<string, string>();
    for (const rec of ofType(ctx, 'CustomMetadata')) {
        if (!rec.fullName.startsWith(`${PERSONA_MAPPING_TYPE}.`)) continue;
        const persona = childrenNamed(rec.root, 'values').find((v) => childText(v, 'field') === 'Persona__c');
        const valueEl = persona ? firstChild(persona, 'value') : undefined;
        if (!valueEl) {
            report(ctx, rec.rel, rec.root, 'CustomMetadata/values', 'mapping record has no Persona__c value');
            continue;
        }
        const value = valueEl.text.trim();
        ctx.personaUses.push({
            file: rec.rel,
            line: valueEl.line,
            path: 'CustomMetadata/values[Persona__c]/value',
            value
        });
        const other = mapped.get(value);
        if (other)
            report(
                ctx,
                rec.rel,
                valueEl,
                'CustomMetadata/values[Persona__c]/value',
                `Persona "${value}" is mapped twice (also in ${other})`
            );
        mapped.set(value, rec.rel);
    }

    if (!gvs) {
        const first = ctx.personaUses[0];
        if (first) {
            ctx.problems.push({
                check: 'references',
                file: first.file,
                line: first.line,
                path: first.path,
                message: `Persona value "${first.value}" is used but the ${PERSONA_VALUE_SET} global value set is not in the project`
            });
        }
        return;
    }
    for (const use of ctx.personaUses) {
        if (!values.has(use.value)) {
            ctx.problems.push({
                check: 'references',
                file: use.file,
                line: use.line,
                path: use.path,
                message: `"${use.value}" is not a value of the ${PERSONA_VALUE_SET} global value set (${[...values].join(', ')})`
            });
        }
    }
    if (mapped.size) {
        for (const value of values) {
            if (!mapped.has(value)) {
                report(
                    ctx,
                    gvs.rel,
                    gvs.root,
                    'GlobalValueSet/customValue',
                    `Persona "${value}" has no ${PERSONA_MAPPING_TYPE}__mdt record`
                );
            }
        }
    }
}
