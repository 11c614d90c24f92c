/**
 * The audit's rules: the `Attribution_Rules__mdt` `Default` record shipped in force-app (same fields, lists as string
 * arrays), the governed Lead Source values from the demo-org standard value set, and JSON overrides (`--rules`).
 * Defaults are embedded so the audit still runs from a partial checkout.
 */
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { z } from 'zod';
import { InputError } from './errors.js';
import { PROJECT_DIR } from './paths.js';

export type RulesConfig = {
    exemptLeadSources: string[];
    /** Opportunity stages exempt from the Primary Campaign Source rule (empty: none). */
    campaignExemptStages: string[];
    salesSourcedLeadSources: string[];
    stageOrder: string[];
    contactRoleRequiredStage: string;
    openLeadStatuses: string[];
    convertedLeadStatuses: string[];
    mqlLeadStatuses: string[];
    sqlLeadStatuses: string[];
    agedLeadDays: number;
};

export const DEFAULT_RULES: Readonly<RulesConfig> = Object.freeze({
    exemptLeadSources: ['Outbound'],
    campaignExemptStages: ['Closed Lost'],
    salesSourcedLeadSources: ['Outbound'],
    stageOrder: ['Qualification', 'Proposal/Quote', 'Negotiation', 'Closed Won'],
    contactRoleRequiredStage: 'Proposal/Quote',
    openLeadStatuses: ['Open', 'Working', 'Nurturing'],
    convertedLeadStatuses: ['Converted'],
    mqlLeadStatuses: ['Working', 'Converted'],
    sqlLeadStatuses: ['Converted'],
    agedLeadDays: 30
});

/** The governed Lead Source values of the demo org (fallback when the standard value set file is not there). */
export const DEFAULT_GOVERNED_LEAD_SOURCES: readonly string[] = [
    'Web',
    'Webinar',
    'Event',
    'Paid Search',
    'Paid Social',
    'Organic Search',
    'Content Syndication',
    'Partner Referral',
    'Customer Referral',
    'Outbound',
    'Other'
];

/** Salesforce's stock converted status, always counted as converted besides the configured ones. */
export const STOCK_CONVERTED_STATUSES: readonly string[] = ['Closed - Converted'];
/** Salesforce's stock open statuses, counted as open besides the configured ones. */
export const STOCK_OPEN_STATUSES: readonly string[] = ['Open - Not Contacted', 'Working - Contacted'];

/** The custom metadata field behind each rules key. */
export const RULE_FIELDS: Readonly<Record<keyof RulesConfig, string>> = {
    exemptLeadSources: 'Exempt_Lead_Sources__c',
    campaignExemptStages: 'Campaign_Exempt_Stages__c',
    salesSourcedLeadSources: 'Sales_Sourced_Lead_Sources__c',
    stageOrder: 'Stage_Order__c',
    contactRoleRequiredStage: 'Contact_Role_Required_Stage__c',
    openLeadStatuses: 'Open_Lead_Statuses__c',
    convertedLeadStatuses: 'Converted_Lead_Statuses__c',
    mqlLeadStatuses: 'MQL_Lead_Statuses__c',
    sqlLeadStatuses: 'SQL_Lead_Statuses__c',
    agedLeadDays: 'Aged_Lead_Days__c'
};

export { PROJECT_DIR } from './paths.js';
export const RULES_RECORD_PATH = 'force-app/main/default/customMetadata/Attribution_Rules.Default.md-meta.xml';
export const LEAD_SOURCE_VALUE_SET_PATH =
    'demo-org/main/default/standardValueSets/LeadSource.standardValueSet-meta.xml';

/**
 * Rules whose blank value in the org's record means an empty list, as the validation rule reads it (a blank
 * Campaign_Exempt_Stages__c exempts no stage), rather than "keep the shipped default".
 */
export const BLANK_MEANS_NONE: ReadonlySet<keyof RulesConfig> = new Set(['campaignExemptStages']);

/** Splits a `;`-separated list, trimming entries and dropping blanks. */
export function splitList(value: string): string[] {
    return value
        .split(';')
        .map((v) => v.trim())
        .filter((v) => v.length > 0);
}

const listSchema = z.union([z.array(z.string()), z.string().transform(splitList)]);
export const rulesOverrideSchema = z
    .object({
        exemptLeadSources: listSchema,
        campaignExemptStages: listSchema,
        salesSourcedLeadSources: listSchema,
        stageOrder: listSchema,
        contactRoleRequiredStage: z.string(),
        openLeadStatuses: listSchema,
        convertedLeadStatuses: listSchema,
        mqlLeadStatuses: listSchema,
        sqlLeadStatuses: listSchema,
        agedLeadDays: z.number().int().min(0).max(9999)
    })
    .partial()
    .strict();

/** Parses the custom metadata record XML into rules (fields absent from the record keep the defaults). */
export function parseRulesRecord(xml: string, file: string): RulesConfig {
    const parser = new XMLParser({
        ignoreAttributes: true,
        isArray: (name) => name === 'values',
        parseTagValue: false
    });
    const doc = parser.parse(xml) as { CustomMetadata?: { values?: { field?: unknown; value?: unknown }[] } };
    const values = doc.CustomMetadata?.values;
    if (!values) throw new InputError(`${file}: not a CustomMetadata record (no <values>)`);
    const byField = new Map<string, string>();
    for (const v of values) {
        if (typeof v.field === 'string') byField.set(v.field, v.value === undefined ? '' : String(v.value));
    }
    const rules: RulesConfig = structuredClone(DEFAULT_RULES) as RulesConfig;
    for (const [key, field] of Object.entries(RULE_FIELDS) as [keyof RulesConfig, string][]) {
        const raw = byField.get(field);
        if (raw === undefined) continue;
        if (key === 'agedLeadDays') {
            const n = Number(raw);
            if (!Number.isFinite(n) || n < 0) throw new InputError(`${file}: ${field} must be a number, got "${raw}"`);
            rules.agedLeadDays = Math.trunc(n);
        } else if (key === 'contactRoleRequiredStage') {
            rules.contactRoleRequiredStage = raw.trim();
        } else {
            rules[key] = splitList(raw);
        }
    }
    return rules;
}

/** Parses a JSON rules override (keys of RulesConfig; lists as arrays or `;`-separated strings). */
export function parseRulesOverride(json: string, file: string): Partial<RulesConfig> {
    let data: unknown;
    try {
        data = JSON.parse(json);
    } catch (err) {
        throw new InputError(`${file}: not valid JSON (${(err as Error).message})`);
    }
    const parsed = rulesOverrideSchema.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'top level';
        throw new InputError(`${file}: ${where}: ${issue?.message ?? 'invalid rules'}`);
    }
    return parsed.data as Partial<RulesConfig>;
}

/**
 * The rules the audit applies: the shipped custom metadata record (or the embedded defaults when the project file is
 * absent), then the org's own record (org source), then a `--rules` JSON file.
 */
export async function loadRulesConfig(
    opts: { projectDir?: string; rulesFile?: string; orgRules?: Partial<RulesConfig> } = {}
): Promise<RulesConfig> {
    const recordPath = path.join(opts.projectDir ?? PROJECT_DIR, RULES_RECORD_PATH);
    let rules: RulesConfig = existsSync(recordPath)
        ? parseRulesRecord(await readFile(recordPath, 'utf8'), recordPath)
        : (structuredClone(DEFAULT_RULES) as RulesConfig);
    if (opts.orgRules) rules = { ...rules, ...opts.orgRules };
    if (opts.rulesFile) {
        let text: string;
        try {
            text = await readFile(opts.rulesFile, 'utf8');
        } catch (err) {
            throw new InputError(`--rules ${opts.rulesFile}: cannot read (${(err as NodeJS.ErrnoException).code})`);
        }
        rules = { ...rules, ...parseRulesOverride(text, opts.rulesFile) };
    }
    return rules;
}

/** Parses a StandardValueSet (or a GlobalValueSet) XML into its value full names, in order. */
export function parseValueSet(xml: string, file: string): string[] {
    const parser = new XMLParser({
        ignoreAttributes: true,
        isArray: (n) => n === 'standardValue' || n === 'customValue',
        parseTagValue: false
    });
    const doc = parser.parse(xml) as {
        StandardValueSet?: { standardValue?: { fullName?: unknown }[] };
        GlobalValueSet?: { customValue?: { fullName?: unknown }[] };
    };
    const entries = doc.StandardValueSet?.standardValue ?? doc.GlobalValueSet?.customValue;
    const values = entries?.map((v) => String(v.fullName ?? '').trim()).filter(Boolean);
    if (!values || values.length === 0) {
        throw new InputError(`${file}: no <${doc.GlobalValueSet ? 'customValue' : 'standardValue'}> entries`);
    }
    return values;
}

/** Governed Lead Source values: the demo-org standard value set, else the embedded list. */
export async function loadGovernedLeadSources(projectDir: string = PROJECT_DIR): Promise<string[]> {
    const file = path.join(projectDir, LEAD_SOURCE_VALUE_SET_PATH);
    if (!existsSync(file)) return [...DEFAULT_GOVERNED_LEAD_SOURCES];
    return parseValueSet(await readFile(file, 'utf8'), file);
}
