/**
 * Governed values agree everywhere: every literal a formula or flow compares with / assigns to a picklist, and every
 * value listed in a custom metadata record, belongs to the value set behind that field (the project's global value
 * sets; the standard value sets the project ships, e.g. LeadSource, LeadStatus, OpportunityStage).
 */
import { childrenNamed, childText, firstChild } from '../xml.js';
import { DEFAULT_CONTACT_ROLES, RECORD_VALUE_LISTS, STANDARD_PICKLISTS } from './governed.js';
import { ofType, report, type RefContext } from './context.js';

export interface ValueSet {
    name: string;
    kind: 'global value set' | 'standard value set' | 'default standard value set';
    values: readonly string[];
}

/** Value sets by name: project global value sets, project standard value sets, default ContactRole values. */
export function collectValueSets(ctx: RefContext): Map<string, ValueSet> {
    const sets = new Map<string, ValueSet>();
    for (const f of ofType(ctx, 'GlobalValueSet')) {
        const values = childrenNamed(f.root, 'customValue').map((v) => childText(v, 'fullName') ?? '');
        sets.set(f.fullName, { name: f.fullName, kind: 'global value set', values });
    }
    for (const f of ofType(ctx, 'StandardValueSet')) {
        const values = childrenNamed(f.root, 'standardValue').map((v) => childText(v, 'fullName') ?? '');
        sets.set(f.fullName, { name: f.fullName, kind: 'standard value set', values });
    }
    if (!sets.has('ContactRole')) {
        sets.set('ContactRole', {
            name: 'ContactRole',
            kind: 'default standard value set',
            values: DEFAULT_CONTACT_ROLES
        });
    }
    return sets;
}

function describe(set: ValueSet): string {
    return `the ${set.name} ${set.kind} (${set.values.join(', ')})`;
}

export function checkValues(ctx: RefContext): void {
    const sets = collectValueSets(ctx);
    const fieldSet = new Map<string, string>();
    for (const f of ctx.fields) if (f.valueSetName) fieldSet.set(`${f.object}.${f.name}`, f.valueSetName);

    for (const use of ctx.valueUses) {
        const key = `${use.object}.${use.field}`;
        const name = fieldSet.get(key) ?? STANDARD_PICKLISTS[key];
        const set = name ? sets.get(name) : undefined;
        if (set && !set.values.includes(use.value)) {
            ctx.problems.push({
                check: 'references',
                file: use.file,
                line: use.line,
                path: use.path,
                message: `"${use.value}" (${key}) is not a value of ${describe(set)}`
            });
        }
    }

    for (const rec of ofType(ctx, 'CustomMetadata')) {
        const type = `${rec.fullName.split('.')[0] ?? ''}__mdt`;
        for (const v of childrenNamed(rec.root, 'values')) {
            const field = childText(v, 'field') ?? '';
            const setName = RECORD_VALUE_LISTS[`${type}.${field}`];
            const set = setName ? sets.get(setName) : undefined;
            const valueEl = firstChild(v, 'value');
            if (!set || !valueEl) continue;
            for (const value of valueEl.text
                .split(';')
                .map((x) => x.trim())
                .filter(Boolean)) {
                if (!set.values.includes(value)) {
                    report(
                        ctx,
                        rec.rel,
                        valueEl,
                        `CustomMetadata/values[${field}]/value`,
                        `"${value}" is not a value of ${describe(set)}`
                    );
                }
            }
        }
    }
}
