/**
 * Check `history`: field history tracking the org can accept. Every field file with `<trackHistory>true` sits on an
 * object whose history is on (a project object with `<enableHistory>true`, or a standard object the kit assumes is
 * enabled and whose install step is named in `history.ts`), is of a trackable type, and each object's tracked fields
 * stay within the per-object limit minus the headroom left to the org. Every attribution field of `history.ts` that
 * the project ships is tracked, and so are the standard attribution fields of every object the project extends.
 */
import {
    HISTORY_CAPABLE_STANDARD_OBJECTS,
    NOT_TRACKED,
    OBJECTS_WITH_HISTORY_SWITCH,
    UNTRACKABLE_FIELD_TYPES,
    type HistoryFacts
} from './history.js';
import type { MetadataFile } from './project.js';
import { problem, type Problem } from './problems.js';
import { childText, firstChild, type XmlElement } from './xml.js';

/** Where a standard-field file belongs: an unlocked package cannot hold standard fields. */
export const STANDARD_FIELD_DIR = 'unpackaged/main/default/objects';

type Parsed = MetadataFile & { root: XmlElement; fullName: string };

interface FieldFile {
    object: string;
    field: string;
    file: Parsed;
    tracked: boolean;
}

const isCustomName = (name: string): boolean => /__[a-z]+$/.test(name);

function parsed(files: readonly MetadataFile[], type: string): Parsed[] {
    return files.filter((f): f is Parsed => f.sdrType === type && !!f.root && !!f.fullName && !f.ignored);
}

function where(el: XmlElement | undefined, root: XmlElement, path: string): { line: number; path: string } {
    return { line: (el ?? root).line, path };
}

/** Is history on for `object`, as far as the project and the kit's org assumptions say? An error message if not. */
function historyOff(object: string, objects: ReadonlyMap<string, Parsed>, facts: HistoryFacts): string | undefined {
    if (object.endsWith('__mdt'))
        return `custom metadata type ${object} has no field history: its fields cannot be tracked`;
    const file = objects.get(object);
    const enabled = file ? childText(file.root, 'enableHistory') : undefined;
    if (isCustomName(object)) {
        if (!object.endsWith('__c')) return `${object} does not support field history`;
        return enabled === 'true'
            ? undefined
            : `${object} does not enable history (<enableHistory>true</enableHistory> in ${object}.object-meta.xml): the deploy fails`;
    }
    if (!HISTORY_CAPABLE_STANDARD_OBJECTS.has(object))
        return `standard object ${object} does not support field history`;
    if (enabled === 'false') return `${file?.rel ?? object} turns history off (<enableHistory>false</enableHistory>)`;
    if (!OBJECTS_WITH_HISTORY_SWITCH.has(object) || enabled === 'true' || facts.historyEnabledObjects[object]) {
        return undefined;
    }
    return `${object} history is off until an admin enables it, and the deploy fails ("The entity: ${object} does not have history tracking enabled"): list ${object} in HISTORY_ENABLED_OBJECTS (src/verify/history.ts) with the install step that enables it`;
}

export function checkHistory(files: readonly MetadataFile[], facts: HistoryFacts): Problem[] {
    const problems: Problem[] = [];
    const objects = new Map(parsed(files, 'CustomObject').map((f) => [f.fullName, f]));
    const fields: FieldFile[] = [];
    for (const f of parsed(files, 'CustomField')) {
        const [object, field] = f.fullName.split('.');
        if (!object || !field) continue;
        fields.push({ object, field, file: f, tracked: childText(f.root, 'trackHistory') === 'true' });
    }

    const trackedByObject = new Map<string, FieldFile[]>();
    for (const ff of fields.filter((x) => x.tracked)) {
        const { root, rel } = ff.file;
        const at = where(firstChild(root, 'trackHistory'), root, 'CustomField/trackHistory');
        const name = `${ff.object}.${ff.field}`;
        const off = historyOff(ff.object, objects, facts);
        if (off) problems.push(problem('history', rel, `${name} is tracked but ${off}`, at));
        const kind = firstChild(root, 'formula') ? 'formula' : (childText(root, 'type') ?? '');
        if (kind === 'formula' || UNTRACKABLE_FIELD_TYPES.has(kind)) {
            problems.push(problem('history', rel, `${name} is a ${kind} field, which cannot be tracked`, at));
        }
        const reason = NOT_TRACKED[name];
        if (reason) problems.push(problem('history', rel, `${name} is tracked although ${reason}`, at));
        trackedByObject.set(ff.object, [...(trackedByObject.get(ff.object) ?? []), ff]);
    }

    const max = facts.limitPerObject - facts.headroom;
    for (const [object, tracked] of trackedByObject) {
        if (tracked.length <= max) continue;
        const first = tracked[0];
        if (!first) continue;
        problems.push(
            problem(
                'history',
                first.file.rel,
                `${object}: the project tracks ${tracked.length} fields (${tracked.map((t) => t.field).join(', ')}), more than ${max} (${facts.limitPerObject} per object minus ${facts.headroom} left to the org's own tracking)`,
                where(undefined, first.file.root, 'CustomField')
            )
        );
    }

    const extended = new Set(fields.filter((x) => x.field.endsWith('__c')).map((x) => x.object));
    for (const [object, list] of Object.entries(facts.attributionFields)) {
        for (const field of list) {
            const ff = fields.find((x) => x.object === object && x.field === field);
            if (ff && !ff.tracked) {
                const { root, rel } = ff.file;
                const el = firstChild(root, 'trackHistory');
                problems.push(
                    problem(
                        'history',
                        rel,
                        `attribution field ${object}.${field} is not tracked: add <trackHistory>true</trackHistory> so overwrites can be traced`,
                        where(el, root, el ? 'CustomField/trackHistory' : 'CustomField')
                    )
                );
            } else if (!ff && !isCustomName(field) && extended.has(object)) {
                problems.push(
                    problem(
                        'history',
                        `${STANDARD_FIELD_DIR}/${object}/fields/${field}.field-meta.xml`,
                        `attribution field ${object}.${field} is not tracked: ship this standard-field file with <trackHistory>true</trackHistory> (an unlocked package cannot hold standard fields)`
                    )
                );
            }
        }
    }
    return problems;
}
