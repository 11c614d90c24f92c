/**
 * Field history before the force-app deploy: is history on for every object the kit tracks fields of, and does the
 * org keep room for the kit's tracked fields within the per-object limit? Input is `sf data query --use-tooling-api
 * --json` output (EntityDefinition, FieldDefinition); the verdict carries every line the setup script prints.
 *
 * Sources: Tooling API "EntityDefinition" (IsFieldHistoryTracked: history is on for the object) and "FieldDefinition"
 * (IsFieldHistoryTracked per field; no COUNT(), OR or LIMIT: "SOQL Operation Limitations"); Help "Track Object Field
 * History" (20 fields per object); forcedotcom/salesforcedx-vscode#501 and forcedotcom/cli#1922 for the two errors.
 */
import { z } from 'zod';
import { HISTORY_ENABLED_OBJECTS, TRACKED_FIELDS_PER_OBJECT } from '../verify/history.js';
import { parseRecords, type Verdict } from './org-status.js';

/** Kit fields with `<trackHistory>true</trackHistory>`, per object, as read from the field files. */
export type KitTrackedFields = Readonly<Record<string, readonly string[]>>;

export interface ObjectHistory {
    object: string;
    enabled: boolean;
    /** API names of the fields the org tracks on the object (the kit's included on a re-run). */
    tracked: string[];
}

/** `SELECT QualifiedApiName, IsFieldHistoryTracked FROM EntityDefinition WHERE QualifiedApiName = '<object>'`. */
export function parseEntityHistory(json: string, object: string, source: string): boolean {
    const rows = parseRecords(
        json,
        source,
        z.object({ QualifiedApiName: z.string(), IsFieldHistoryTracked: z.boolean() })
    );
    const row = rows.find((r) => r.QualifiedApiName === object);
    if (!row)
        throw new Error(`${source}: no EntityDefinition row for ${object} (is the object available in this org?)`);
    return row.IsFieldHistoryTracked;
}

/** `SELECT QualifiedApiName FROM FieldDefinition WHERE EntityDefinition.QualifiedApiName = '<object>' AND IsFieldHistoryTracked = true`. */
export function parseTrackedFields(json: string, source: string): string[] {
    return parseRecords(json, source, z.object({ QualifiedApiName: z.string() }))
        .map((r) => r.QualifiedApiName)
        .sort();
}

const setupPath = (object: string): string =>
    HISTORY_ENABLED_OBJECTS[object] ??
    `Setup → Object Manager → ${object} → Fields & Relationships → Set History Tracking → Enable ${object} History`;

export interface HistoryOptions {
    /** Tracked fields per object the org allows (20 without Field Audit Trail). */
    limit?: number;
    /** An existing org (ORG_INIT_EXISTING=1) rather than the script's scratch org. */
    existing: boolean;
    alias: string;
}

/**
 * Stops (state `failed`) when history is off on an object the kit tracks fields of, or when the org's own tracked
 * fields plus the kit's exceed the limit; the kit's fields already in the org (a re-run) are not counted as the org's.
 */
export function historyVerdict(kit: KitTrackedFields, org: readonly ObjectHistory[], opts: HistoryOptions): Verdict {
    const limit = opts.limit ?? TRACKED_FIELDS_PER_OBJECT;
    const lines: string[] = [];
    const stops: string[] = [];
    for (const object of Object.keys(kit).sort()) {
        const own = kit[object] ?? [];
        const found = org.find((o) => o.object === object);
        if (!found) throw new Error(`no field-history answer from the org for ${object}`);
        const orgOwn = found.tracked.filter((f) => !own.includes(f));
        const already = found.tracked.filter((f) => own.includes(f)).length;
        const total = orgOwn.length + own.length;
        lines.push(
            `${object}: history ${found.enabled ? 'on' : 'OFF'}; the org tracks ${orgOwn.length} field(s) of its own${orgOwn.length ? ` (${orgOwn.join(', ')})` : ''} + ${own.length} of the kit (${already} already tracked) = ${total} of ${limit}`
        );
        if (!found.enabled) {
            stops.push(
                `${object} history is off, and deploying the kit's tracked ${object} fields fails ("The entity: ${object} does not have history tracking enabled"). ${opts.existing ? 'In the org' : `In the scratch org (sf org open --target-org ${opts.alias})`}: ${setupPath(object)}, Save; then run the script again.`
            );
        }
        if (total > limit) {
            stops.push(
                `${object}: the org tracks ${orgOwn.length} field(s) of its own and the kit adds ${own.length}: ${total} is over the limit of ${limit} tracked fields per object, and the deploy would fail ("exceeded the allowed number of fields to track"). Untrack at least ${total - limit} field(s) you no longer need (${setupPath(object).replace(/ → Enable .*$/, '')}), or remove <trackHistory>true</trackHistory> from the kit's least useful ${object} fields (UTM_Term__c, UTM_Content__c) before deploying. With Field Audit Trail, set HISTORY_FIELD_LIMIT to your org's limit.`
            );
        }
    }
    if (stops.length) {
        return { state: 'failed', message: [...lines, ...stops.map((s) => `STOP: ${s}`)].join('\n') };
    }
    return { state: 'done', message: [...lines, 'field history: room for the kit on every object'].join('\n') };
}
