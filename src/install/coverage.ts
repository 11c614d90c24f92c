/**
 * Reads `sf apex run test --code-coverage --json` output (plugin-apex RunResult: `result.summary.outcome`,
 * `failing`, `testsRan`, `testRunCoverage` as "92%"; testRunCoverage is the covered share of the lines of every class
 * the run evaluated) and decides whether the run passes and covers at least `min` percent.
 */
import { z } from 'zod';
import type { Verdict } from './org-status.js';

const summary = z.object({
    outcome: z.string(),
    testsRan: z.number(),
    failing: z.number(),
    testRunCoverage: z.string().regex(/^\d+(\.\d+)?%$/, 'a percentage such as "92%"')
});

export function coverageVerdict(json: string, min: number, source: string): Verdict {
    let raw: unknown;
    try {
        raw = JSON.parse(json);
    } catch (err) {
        throw new Error(`${source}: not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    const parsed = z.object({ result: z.object({ summary }) }).safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const said = z.object({ message: z.string() }).safeParse(raw);
        throw new Error(
            `${source}: not an Apex test run with coverage (run it with --code-coverage --json): ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}${said.success ? ` (sf: ${said.data.message})` : ''}`
        );
    }
    const s = parsed.data.result.summary;
    const covered = Number(s.testRunCoverage.replace('%', ''));
    const problems: string[] = [];
    if (s.testsRan === 0) problems.push('no Apex test ran');
    if (s.failing > 0) problems.push(`${s.failing} of ${s.testsRan} Apex test(s) failed (outcome ${s.outcome})`);
    if (covered < min) problems.push(`coverage ${s.testRunCoverage} is below ${min}%`);
    return problems.length
        ? { state: 'failed', message: `Apex tests: ${problems.join('; ')}` }
        : {
              state: 'done',
              message: `Apex tests: ${s.testsRan} passed, coverage ${s.testRunCoverage} (at least ${min}%)`
          };
}
