/**
 * Offline model of what Salesforce does when a Lead or Contact is inserted while duplicate rules are active, for the
 * kit's rules: a rule runs only when its conditions hold (conditions on the record's fields, or on the current user's
 * when the filter item's `table` is `User`); it finds duplicates with its matching rules (Exact, blanks never
 * matching with NullNotAllowed, field mapping for cross-object rules); then
 *   - Block: the save fails (UI and API);
 *   - Allow with Alert: the UI shows the alert text and the rep may save; the API and Apex refuse the insert with
 *     DUPLICATES_DETECTED unless the caller sets the DuplicateRuleHeader allowSave=true
 *     (Metadata API DuplicateRule `actionOnInsert`; REST "Duplicate Rule Header"; SOAP DuplicateRuleHeader);
 *   - Allow without Alert: saved; Report records the duplicate for duplicate reports.
 * Anything the model does not implement (filter logic, operators other than equals/notEqual, other match methods)
 * throws rather than guessing.
 */
import type { DuplicateRule, DuplicateRuleFilter, MatchingRule } from './dedupe-model.js';

export type Row = Readonly<Record<string, string | boolean | null>>;
export interface Org {
    records: Readonly<Record<string, readonly Row[]>>;
}
export interface SaveRequest {
    object: string;
    record: Row;
    user: Row;
    channel: 'ui' | 'api';
    allowSaveHeader?: boolean;
}
export interface SaveResult {
    saved: boolean;
    alerts: string[];
    errors: string[];
    reported: string[];
    /** Rules whose conditions kept them from running for this user and record. */
    skipped: string[];
}

const asText = (v: string | boolean | null | undefined): string => (v === null || v === undefined ? '' : String(v));

/** True when every condition holds (the kit's rules use no filter logic: plain AND of the items). */
export function filterPasses(
    filter: DuplicateRuleFilter | { '@xsi:nil': 'true' },
    rule: DuplicateRule,
    record: Row,
    user: Row
): boolean {
    if (!('duplicateRuleFilterItems' in filter)) return true;
    if (typeof filter.booleanFilter === 'string' && filter.booleanFilter.trim()) {
        throw new Error(`${rule.file}: booleanFilter "${filter.booleanFilter}" is not modelled`);
    }
    return filter.duplicateRuleFilterItems.every((item) => {
        const source = item.table === 'User' ? user : item.table === rule.object ? record : undefined;
        if (!source) throw new Error(`${rule.file}: condition on table ${item.table} is not modelled`);
        if (!(item.field in source)) {
            throw new Error(
                `${rule.file}: condition field ${item.table}.${item.field} missing from the ${item.table === 'User' ? 'running user' : 'record'}`
            );
        }
        const equal = asText(source[item.field]).toLowerCase() === (item.value ?? '').toLowerCase();
        return item.operation === 'equals' ? equal : !equal;
    });
}

function matches(rule: DuplicateRule, matching: readonly MatchingRule[], org: Org, record: Row): boolean {
    return rule.duplicateRuleMatchRules.some((use) => {
        const target = matching.find((m) => m.fullName === use.matchingRule && m.object === use.matchRuleSObjectType);
        if (!target) throw new Error(`${rule.file}: matching rule ${use.matchingRule} not loaded`);
        const mapped = (outputField: string): string => {
            if (!('inputObject' in use.objectMapping)) return outputField;
            const m = use.objectMapping.mappingFields.find((f) => f.outputField === outputField);
            if (!m) throw new Error(`${rule.file}: no mapping for ${outputField}`);
            return m.inputField;
        };
        return (org.records[use.matchRuleSObjectType] ?? []).some((existing) =>
            target.matchingRuleItems.every((item) => {
                if (item.matchingMethod !== 'Exact')
                    throw new Error(`${rule.file}: ${item.matchingMethod} matching is not modelled`);
                const mine = asText(record[mapped(item.fieldName)]).trim().toLowerCase();
                const theirs = asText(existing[item.fieldName]).trim().toLowerCase();
                if (!mine || !theirs) return item.blankValueBehavior === 'MatchBlanks' && !mine && !theirs;
                return mine === theirs;
            })
        );
    });
}

export function insert(
    rules: readonly DuplicateRule[],
    matching: readonly MatchingRule[],
    org: Org,
    req: SaveRequest
): SaveResult {
    const result: SaveResult = { saved: true, alerts: [], errors: [], reported: [], skipped: [] };
    const active = rules
        .filter((r) => r.object === req.object && r.isActive === 'true')
        .sort((a, b) => a.sortOrder - b.sortOrder);
    for (const rule of active) {
        if (!filterPasses(rule.duplicateRuleFilter, rule, req.record, req.user)) {
            result.skipped.push(rule.name);
            continue;
        }
        if (!matches(rule, matching, org, req.record)) continue;
        if (rule.actionOnInsert === 'Block') {
            result.saved = false;
            result.errors.push(`DUPLICATES_DETECTED: ${rule.alertText}`);
            continue;
        }
        if (rule.operationsOnInsert.includes('Alert')) {
            if (req.channel === 'ui') result.alerts.push(rule.alertText);
            else if (!req.allowSaveHeader) {
                result.saved = false;
                result.errors.push(`DUPLICATES_DETECTED: ${rule.alertText}`);
            }
        }
        if (rule.operationsOnInsert.includes('Report')) result.reported.push(rule.name);
    }
    if (!result.saved) result.reported = [];
    return result;
}
