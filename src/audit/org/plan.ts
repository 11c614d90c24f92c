/**
 * Pure planning logic of the org pull: which fields to read per object (wanted ∩ what the org describes), REST or
 * Bulk API 2.0, the SOQL, and the governed values / rules read from describes and custom metadata.
 * Every org response is validated with zod here, at the boundary.
 */
import { z } from 'zod';
import { OrgError } from '../errors.js';
import { BLANK_MEANS_NONE, RULE_FIELDS, rulesOverrideSchema, type RulesConfig } from '../config.js';
import type { OrgObjectSpec } from './types.js';

export const describeSchema = z.object({
    name: z.string(),
    queryable: z.boolean().optional(),
    fields: z.array(
        z.object({
            name: z.string(),
            type: z.string().optional(),
            picklistValues: z
                .array(z.object({ value: z.string(), active: z.boolean().optional(), label: z.string().nullish() }))
                .nullish()
        })
    )
});
export type Describe = z.infer<typeof describeSchema>;

export const queryResultSchema = z.object({
    totalSize: z.number().int().nonnegative(),
    done: z.boolean(),
    nextRecordsUrl: z.string().optional(),
    records: z.array(z.record(z.unknown()))
});
export type QueryResult = z.infer<typeof queryResultSchema>;

export const jobInfoSchema = z.object({
    id: z.string().min(1),
    state: z.string(),
    object: z.string().optional(),
    errorMessage: z.string().nullish(),
    numberRecordsProcessed: z.number().nullish()
});
export type JobInfo = z.infer<typeof jobInfoSchema>;

/** Parses an org response with `schema`, or throws an OrgError naming the request and the first bad field. */
export function parseResponse<T>(schema: z.ZodType<T>, body: unknown, what: string): T {
    const result = schema.safeParse(body);
    if (result.success) return result.data;
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new OrgError(`${what}: unexpected response${where}: ${issue?.message ?? 'invalid'}`);
}

export type FieldSelection = {
    /** Field names to query, in the spec's order and spelling. */
    fields: string[];
    missingRequired: string[];
    missingOptional: string[];
};

/** Intersects the wanted fields with the org's describe (case-insensitive, as SOQL is). */
export function selectFields(spec: OrgObjectSpec, describe: Describe): FieldSelection {
    const have = new Set(describe.fields.map((f) => f.name.toLowerCase()));
    const fields: string[] = [];
    const missingRequired: string[] = [];
    const missingOptional: string[] = [];
    for (const field of spec.required) (have.has(field.toLowerCase()) ? fields : missingRequired).push(field);
    for (const field of spec.optional) (have.has(field.toLowerCase()) ? fields : missingOptional).push(field);
    return { fields, missingRequired, missingOptional };
}

export type Via = 'rest' | 'bulk2';

/** REST below the threshold (a few 2,000-record pages), Bulk API 2.0 from it on. */
export function chooseVia(records: number, restMaxRecords: number): Via {
    return records < restMaxRecords ? 'rest' : 'bulk2';
}

const SOQL_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;

export function soqlName(name: string): string {
    if (!SOQL_NAME.test(name)) throw new OrgError(`internal error: "${name}" is not a valid API name`);
    return name;
}

export function selectSoql(object: string, fields: readonly string[], where?: string): string {
    const list = fields.map(soqlName).join(', ');
    return `SELECT ${list} FROM ${soqlName(object)}${where ? ` WHERE ${where}` : ''}`;
}

export function countSoql(object: string, where?: string): string {
    return `SELECT COUNT() FROM ${soqlName(object)}${where ? ` WHERE ${where}` : ''}`;
}

/** Active values of a picklist field from a describe (e.g. Lead.LeadSource → the governed Lead Sources). */
export function activePicklistValues(describe: Describe, field: string): string[] | undefined {
    const f = describe.fields.find((x) => x.name.toLowerCase() === field.toLowerCase());
    if (!f?.picklistValues) return undefined;
    return f.picklistValues.filter((v) => v.active !== false).map((v) => v.value);
}

/** The converted Lead Status values from LeadStatus rows (API name when the org exposes it, else the label). */
export function convertedStatusesFrom(records: readonly Record<string, unknown>[]): string[] {
    const out: string[] = [];
    for (const r of records) {
        if (r.IsConverted !== true && r.IsConverted !== 'true') continue;
        const value = typeof r.ApiName === 'string' && r.ApiName ? r.ApiName : r.MasterLabel;
        if (typeof value === 'string' && value && !out.includes(value)) out.push(value);
    }
    return out;
}

/**
 * The org's `Attribution_Rules__mdt.Default` record as a partial rules override: blank fields are left out (the
 * shipped defaults apply) except those in `BLANK_MEANS_NONE`, which become empty lists as the validation rule reads
 * them; fields the org's type lacks (an older deploy) are absent and keep the defaults; lists are split on `;`, and
 * the result is validated by the same schema as `--rules`.
 */
export function rulesFromRecord(record: Record<string, unknown>, what: string): Partial<RulesConfig> {
    const raw: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(RULE_FIELDS)) {
        const value = record[field];
        if (value === undefined) continue;
        if (value === null || value === '') {
            if (BLANK_MEANS_NONE.has(key as keyof RulesConfig)) raw[key] = [];
            continue;
        }
        raw[key] = key === 'agedLeadDays' && typeof value === 'string' ? Number(value) : value;
    }
    const parsed = rulesOverrideSchema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const key = issue?.path[0];
        const field = typeof key === 'string' && key in RULE_FIELDS ? RULE_FIELDS[key as keyof RulesConfig] : 'record';
        throw new OrgError(
            `${what}: ${field}: ${issue?.message ?? 'invalid value'} (got ${JSON.stringify(record[field])})`
        );
    }
    return parsed.data as Partial<RulesConfig>;
}
