/**
 * Reads `sf apex run --json` output (plugin-apex ExecuteAnonymousResponse: `result.compiled`, `compileProblem`,
 * `success`, `exceptionMessage`, `exceptionStackTrace`, `line`, `column`, `logs`) into a verdict that names the
 * problem and the script line, or an `sf` error (`{status, name, message}`) with the CLI's own message.
 */
import { z } from 'zod';
import type { Verdict } from './org-status.js';

const result = z.object({
    compiled: z.boolean(),
    success: z.boolean(),
    compileProblem: z.string().nullable().optional(),
    exceptionMessage: z.string().nullable().optional(),
    exceptionStackTrace: z.string().nullable().optional(),
    line: z.number().nullable().optional(),
    column: z.number().nullable().optional(),
    logs: z.string().nullable().optional()
});

export function apexRunVerdict(json: string, script: string, source: string): Verdict {
    let raw: unknown;
    try {
        raw = JSON.parse(json);
    } catch (err) {
        throw new Error(`${source}: not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    const parsed = z.object({ result }).safeParse(raw);
    if (!parsed.success) {
        const said = z.object({ name: z.string().optional(), message: z.string() }).safeParse(raw);
        if (said.success)
            return {
                state: 'failed',
                message: `${script}: sf: ${said.data.name ? `${said.data.name}: ` : ''}${said.data.message}`
            };
        throw new Error(`${source}: unexpected sf apex run result: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
    }
    const r = parsed.data.result;
    const at = r.line ? `:${r.line}${r.column ? `:${r.column}` : ''}` : '';
    if (!r.compiled)
        return { state: 'failed', message: `${script}${at}: does not compile: ${r.compileProblem ?? '?'}` };
    if (!r.success)
        return {
            state: 'failed',
            message: `${script}${at}: ${r.exceptionMessage ?? 'failed'}${r.exceptionStackTrace ? ` (${r.exceptionStackTrace})` : ''}`
        };
    const debug = [...(r.logs ?? '').matchAll(/\|USER_DEBUG\|\[\d+\]\|\w+\|(.*)$/gm)].map((m) => m[1] ?? '');
    return { state: 'done', message: `${script}: ran${debug.length ? `: ${debug.join('; ')}` : ''}` };
}
