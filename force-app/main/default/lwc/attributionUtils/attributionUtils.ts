import { LABELS, formatLabel } from 'c/attributionLabels';

/**
 * Pure logic shared by the rep-facing attribution components: list parsing, attribution warnings,
 * contact role summary, BANT score, UTM rows and server error messages. No wire adapters (only the Custom
 * Labels, through c/attributionLabels), so every function is unit-tested on its own.
 */

/** Splits a `;`-separated list (the format of the Attribution_Rules__mdt text fields); trims, drops blanks. */
export function parseList(value: string | null | undefined): string[] {
    if (!value) {
        return [];
    }
    return value
        .split(';')
        .map((item) => item.trim())
        .filter((item) => item.length > 0);
}

/** Text a rep sees for an empty value. */
export const EMPTY_TEXT = '—';

/** Returns the value as display text, or `EMPTY_TEXT` when it is null, undefined or blank. */
export function displayText(value: unknown): string {
    if (value === null || value === undefined) {
        return EMPTY_TEXT;
    }
    const text = String(value).trim();
    return text.length > 0 ? text : EMPTY_TEXT;
}

/**
 * True when the Lead Source is exempt from the Primary Campaign Source rule. The comparison is exact after
 * trimming, like the server-side rule that reads the same `;`-separated list.
 */
export function isExemptLeadSource(
    leadSource: string | null | undefined,
    exemptLeadSources: readonly string[]
): boolean {
    const source = leadSource?.trim();
    return Boolean(source) && exemptLeadSources.includes(source as string);
}

/**
 * True when the stage is one of the stages exempt from the Primary Campaign Source rule (`campaignExemptStages`,
 * from Attribution_Rules__mdt.Campaign_Exempt_Stages__c). Exact after trimming; a blank stage is never exempt.
 */
export function isCampaignExemptStage(
    stage: string | null | undefined,
    campaignExemptStages: readonly string[]
): boolean {
    const value = stage?.trim();
    return Boolean(value) && campaignExemptStages.includes(value as string);
}

/**
 * True when `stage` is `requiredStage` or a later stage of `stageOrder`. Stages missing from the order
 * (for example Closed Lost) are never gated.
 */
export function isAtOrAfterStage(
    stage: string | null | undefined,
    requiredStage: string | null | undefined,
    stageOrder: readonly string[]
): boolean {
    if (!stage || !requiredStage) {
        return false;
    }
    const current = stageOrder.indexOf(stage);
    const required = stageOrder.indexOf(requiredStage);
    return current >= 0 && required >= 0 && current >= required;
}

/** One Opportunity Contact Role as the component needs it. */
export interface ContactRoleRow {
    id: string;
    contactName: string | null;
    role: string | null;
    isPrimary: boolean;
}

export interface ContactRoleSummary {
    count: number;
    primaryContactName: string | null;
    /** Distinct roles in first-seen order. */
    roles: string[];
    /** Contact roles saved without a Role. */
    missingRoleCount: number;
}

export function summarizeContactRoles(rows: readonly ContactRoleRow[]): ContactRoleSummary {
    const roles: string[] = [];
    let missingRoleCount = 0;
    let primaryContactName: string | null = null;
    for (const row of rows) {
        const role = row.role?.trim();
        if (role) {
            if (!roles.includes(role)) {
                roles.push(role);
            }
        } else {
            missingRoleCount += 1;
        }
        if (row.isPrimary && primaryContactName === null) {
            primaryContactName = row.contactName?.trim() || LABELS.primaryContactHidden;
        }
    }
    return { count: rows.length, primaryContactName, roles, missingRoleCount };
}

export type WarningSeverity = 'error' | 'warning';

export type WarningCode =
    'NO_PRIMARY_CAMPAIGN' | 'NO_CONTACT_ROLE' | 'NO_PRIMARY_CONTACT_ROLE' | 'CONTACT_ROLE_WITHOUT_ROLE';

export interface AttributionWarning {
    code: WarningCode;
    severity: WarningSeverity;
    message: string;
}

/** The rules the warnings follow: the fields of AttributionRulesController.getRules the cards use. */
export interface AttributionRules {
    exemptLeadSources: readonly string[];
    campaignExemptStages: readonly string[];
    stageOrder: readonly string[];
    contactRoleRequiredStage: string | null;
}

export interface AttributionInput {
    campaignId: string | null;
    leadSource: string | null;
    stage: string | null;
    /** null while contact roles are unknown (loading or not readable): no contact role warnings then. */
    contactRoles: readonly ContactRoleRow[] | null;
}

/** The attribution risks of one Opportunity, most severe first. */
export function attributionWarnings(input: AttributionInput, rules: AttributionRules): AttributionWarning[] {
    const warnings: AttributionWarning[] = [];
    if (
        !input.campaignId &&
        !isExemptLeadSource(input.leadSource, rules.exemptLeadSources) &&
        !isCampaignExemptStage(input.stage, rules.campaignExemptStages)
    ) {
        const source = input.leadSource
            ? formatLabel(LABELS.warnSourceNotExempt, input.leadSource)
            : LABELS.warnNoSource;
        warnings.push({
            code: 'NO_PRIMARY_CAMPAIGN',
            severity: 'error',
            message: formatLabel(LABELS.warnNoCampaign, source)
        });
    }
    if (input.contactRoles !== null) {
        const summary = summarizeContactRoles(input.contactRoles);
        if (summary.count === 0) {
            const required = isAtOrAfterStage(input.stage, rules.contactRoleRequiredStage, rules.stageOrder);
            warnings.push({
                code: 'NO_CONTACT_ROLE',
                severity: required ? 'error' : 'warning',
                message: required
                    ? formatLabel(LABELS.warnContactRoleRequired, rules.contactRoleRequiredStage ?? '')
                    : LABELS.warnNoContactRole
            });
        } else {
            if (summary.primaryContactName === null) {
                warnings.push({
                    code: 'NO_PRIMARY_CONTACT_ROLE',
                    severity: 'warning',
                    message: LABELS.warnNoPrimary
                });
            }
            if (summary.missingRoleCount > 0) {
                const label = summary.missingRoleCount === 1 ? LABELS.warnRoleMissingOne : LABELS.warnRoleMissingMany;
                warnings.push({
                    code: 'CONTACT_ROLE_WITHOUT_ROLE',
                    severity: 'warning',
                    message: formatLabel(label, summary.missingRoleCount)
                });
            }
        }
    }
    return warnings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
}

function severityRank(severity: WarningSeverity): number {
    return severity === 'error' ? 0 : 1;
}

/** The four BANT checkboxes on Lead, in checklist order. */
export const BANT_FIELDS = ['BANT_Budget__c', 'BANT_Authority__c', 'BANT_Need__c', 'BANT_Timeline__c'] as const;
export type BantField = (typeof BANT_FIELDS)[number];

/** What each BANT criterion means, shown under its switch and linked to it by `aria-describedby`. */
export const BANT_HELP: Readonly<Record<BantField, string>> = {
    BANT_Budget__c: LABELS.bantHelpBudget,
    BANT_Authority__c: LABELS.bantHelpAuthority,
    BANT_Need__c: LABELS.bantHelpNeed,
    BANT_Timeline__c: LABELS.bantHelpTimeline
};

/** Number of BANT criteria met (0–4); anything but `true` counts as not met. */
export function bantScore(values: Partial<Record<BantField, unknown>>): number {
    return BANT_FIELDS.filter((field) => values[field] === true).length;
}

/** A short verdict for the BANT score. */
export function qualificationLabel(score: number): string {
    if (score >= BANT_FIELDS.length) {
        return LABELS.verdictFull;
    }
    if (score >= 3) {
        return LABELS.verdictNearly;
    }
    if (score >= 1) {
        return LABELS.verdictPartly;
    }
    return LABELS.verdictNone;
}

/** The five UTM fields shared by Lead, Contact and Opportunity, in funnel order. */
export const UTM_FIELDS = [
    'UTM_Source__c',
    'UTM_Medium__c',
    'UTM_Campaign__c',
    'UTM_Term__c',
    'UTM_Content__c'
] as const;
export type UtmField = (typeof UTM_FIELDS)[number];

export interface UtmRow {
    field: UtmField;
    label: string;
    value: string;
    isEmpty: boolean;
}

/**
 * The UTM rows a rep can read. `values` holds only the readable fields (a field the rep cannot read is absent from
 * the record the UI API returns, so it gets no row); `labels` are the field labels of the org (getObjectInfo), the
 * API name until they arrive.
 */
export function utmRows(
    values: Partial<Record<UtmField, unknown>>,
    labels: Partial<Record<string, string>> = {}
): UtmRow[] {
    return UTM_FIELDS.filter((field) => field in values).map((field) => {
        const value = displayText(values[field]);
        return { field, label: labels[field] ?? field, value, isEmpty: value === EMPTY_TEXT };
    });
}

/**
 * Turns whatever a wire adapter, `updateRecord` or JavaScript threw into messages a rep can read: UI API
 * `body.output.errors` / `body.output.fieldErrors` (validation rule messages land there), Apex `pageErrors`,
 * `body.message`, `Error.message`, plain strings and arrays of any of these. Never returns an empty list.
 */
export function reduceErrors(error: unknown): string[] {
    const messages: string[] = [];
    collectMessages(error, messages);
    const unique = [...new Set(messages.map((message) => message.trim()).filter((message) => message.length > 0))];
    return unique.length > 0 ? unique : [LABELS.unknownError];
}

function collectMessages(error: unknown, out: string[]): void {
    if (error === null || error === undefined) {
        return;
    }
    if (typeof error === 'string') {
        out.push(error);
        return;
    }
    if (Array.isArray(error)) {
        error.forEach((item) => collectMessages(item, out));
        return;
    }
    if (typeof error !== 'object') {
        return;
    }
    const record = error as Record<string, unknown>;
    const body = record.body;
    if (Array.isArray(body)) {
        body.forEach((item) => collectMessages(item, out));
        return;
    }
    if (body && typeof body === 'object') {
        const before = out.length;
        collectBody(body as Record<string, unknown>, out);
        if (out.length > before) {
            return;
        }
    }
    if (typeof record.message === 'string') {
        out.push(record.message);
    } else if (typeof record.statusText === 'string') {
        out.push(record.statusText);
    }
}

function collectBody(body: Record<string, unknown>, out: string[]): void {
    const before = out.length;
    const output = body.output;
    if (output && typeof output === 'object') {
        const { errors, fieldErrors } = output as Record<string, unknown>;
        if (Array.isArray(errors)) {
            errors.forEach((item) => collectMessages(item, out));
        }
        if (fieldErrors && typeof fieldErrors === 'object') {
            Object.values(fieldErrors as Record<string, unknown>).forEach((item) => collectMessages(item, out));
        }
    }
    if (Array.isArray(body.pageErrors)) {
        body.pageErrors.forEach((item) => collectMessages(item, out));
    }
    if (body.fieldErrors && typeof body.fieldErrors === 'object') {
        Object.values(body.fieldErrors as Record<string, unknown>).forEach((item) => collectMessages(item, out));
    }
    if (out.length === before && typeof body.message === 'string') {
        out.push(body.message);
    }
}
