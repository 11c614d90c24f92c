/**
 * `audit-context.json`: what an org run used besides the records, saved with the snapshot (`--save-snapshot`) so
 * that re-auditing the saved snapshot later gives the same answer: the rules (the org's Attribution_Rules__mdt
 * record as applied), the governed Lead Source values (the org's active picklist values), the converted statuses and
 * the as-of date. A snapshot run reads it back when present; an explicit --rules, --governed-lead-sources or --as-of
 * still wins, and the report says which values came from where.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { rulesOverrideSchema, type RulesConfig } from '../config.js';
import type { AuditReport } from '../engine.js';
import { InputError } from '../errors.js';
import { writeAtomic } from '../out.js';

export const CONTEXT_FILE = 'audit-context.json';

export const contextSchema = z
    .object({
        version: z.literal(1),
        recordedAt: z.string(),
        asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD'),
        rules: rulesOverrideSchema,
        governedLeadSources: z.array(z.string()).min(1),
        convertedStatuses: z.array(z.string())
    })
    .strict();

export type SnapshotContext = z.infer<typeof contextSchema>;

/** What the report says about a reused context. */
export type SnapshotContextNote = { file: string; recordedAt: string; reused: string[]; overridden: string[] };

/** Writes the context of an org run into its saved snapshot directory. */
export async function writeContext(dir: string, report: AuditReport): Promise<void> {
    const context: SnapshotContext = {
        version: 1,
        recordedAt: report.generatedAt,
        asOf: report.asOf,
        rules: report.rules,
        governedLeadSources: report.governedLeadSources,
        convertedStatuses: report.convertedStatuses
    };
    await writeAtomic(path.join(dir, CONTEXT_FILE), `${JSON.stringify(context, null, 2)}\n`);
}

/** The context saved with a snapshot, or undefined when it has none. */
export async function readContext(dir: string): Promise<(SnapshotContext & { file: string }) | undefined> {
    const file = path.join(dir, CONTEXT_FILE);
    if (!existsSync(file)) return undefined;
    let data: unknown;
    try {
        data = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
        throw new InputError(
            `${file}: not valid JSON (${(err as Error).message}); delete it to audit with the defaults`
        );
    }
    const parsed = contextSchema.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'top level';
        throw new InputError(`${file}: ${where}: ${issue?.message ?? 'invalid'}`);
    }
    return { ...parsed.data, file };
}

/** The note the report carries: which recorded values were reused and which flags overrode them. */
export function contextNote(
    context: SnapshotContext & { file: string },
    overridden: { rules: boolean; governed: boolean; asOf: boolean }
): SnapshotContextNote {
    const names = { rules: 'rules', governed: 'governed Lead Source values', asOf: 'as-of date' } as const;
    const keys = Object.keys(names) as (keyof typeof names)[];
    return {
        file: context.file,
        recordedAt: context.recordedAt,
        reused: [...keys.filter((k) => !overridden[k]).map((k) => names[k]), 'converted statuses'],
        overridden: keys.filter((k) => overridden[k]).map((k) => names[k])
    };
}

export type ContextRules = Partial<RulesConfig>;
