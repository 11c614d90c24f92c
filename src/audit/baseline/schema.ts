/**
 * An earlier `--format json` report, as `--baseline` reads it: only what the trend needs is required (each check's
 * id, status, count and recordIds); everything else is kept as it is. A bad file is an InputError naming the file
 * and the field (`checks.3.recordIds: expected array, received string`).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { InputError } from '../errors.js';

export const baselineCheckSchema = z
    .object({
        id: z.string().min(1),
        status: z.enum(['pass', 'fail', 'skipped']),
        count: z.number().int().min(0),
        recordIds: z.array(z.string())
    })
    .passthrough();

export const baselineSchema = z
    .object({
        generatedAt: z.string(),
        asOf: z.string(),
        source: z.object({ kind: z.string(), dir: z.string() }).passthrough().optional(),
        rules: z.record(z.unknown()).optional(),
        governedLeadSources: z.array(z.string()).optional(),
        checks: z.array(baselineCheckSchema)
    })
    .passthrough();

export type Baseline = z.infer<typeof baselineSchema>;

export function parseBaseline(text: string, file: string): Baseline {
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch (err) {
        throw new InputError(
            `--baseline ${file}: not valid JSON (${(err as Error).message}); pass a report written with --format json`
        );
    }
    const parsed = baselineSchema.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const where = issue && issue.path.length > 0 ? `field "${issue.path.join('.')}"` : 'top level';
        throw new InputError(
            `--baseline ${file}: ${where}: ${issue?.message ?? 'invalid'} (expected an audit report written with --format json)`
        );
    }
    const ids = parsed.data.checks.map((c) => c.id);
    const dup = ids.find((id, i) => ids.indexOf(id) !== i);
    if (dup) throw new InputError(`--baseline ${file}: field "checks": check "${dup}" appears twice`);
    return parsed.data;
}

export async function readBaseline(file: string): Promise<Baseline> {
    let text: string;
    try {
        text = await readFile(file, 'utf8');
    } catch (err) {
        throw new InputError(`--baseline ${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
    }
    return parseBaseline(text, file);
}
