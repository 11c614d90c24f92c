/**
 * Reads the org's answers the setup script asks for after a deploy: matching-rule activation and flow activation.
 * Input is `sf data query --json` output; each function returns a verdict and the message the script prints.
 */
import { z } from 'zod';
import { MATCHING_RULE_STATUS } from './org-facts.js';

export function parseRecords<T extends z.ZodTypeAny>(json: string, source: string, record: T): z.infer<T>[] {
    let raw: unknown;
    try {
        raw = JSON.parse(json);
    } catch (err) {
        throw new Error(`${source}: not JSON (${err instanceof Error ? err.message : String(err)})`);
    }
    const parsed = z.object({ result: z.object({ records: z.array(record) }) }).safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // a failed `sf … --json` prints {status: 1, name, message} on stdout: show what the CLI said
        const said = z.object({ message: z.string() }).safeParse(raw);
        throw new Error(
            `${source}: unexpected query result: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}${said.success ? ` (sf: ${said.data.message})` : ''}`
        );
    }
    return parsed.data.result.records as z.infer<T>[];
}

export type Verdict = { state: 'done' | 'pending' | 'failed'; message: string };

/** `SELECT DeveloperName, SobjectType, RuleStatus FROM MatchingRule WHERE DeveloperName IN (…)` against the kit's names. */
export function matchingRuleVerdict(json: string, expected: readonly string[], source: string): Verdict {
    const rows = parseRecords(
        json,
        source,
        z.object({ DeveloperName: z.string(), RuleStatus: z.string(), SobjectType: z.string().optional() })
    );
    const status = new Map(rows.map((r) => [r.DeveloperName, r.RuleStatus]));
    const failed = expected.filter((n) =>
        (MATCHING_RULE_STATUS.failed as readonly string[]).includes(status.get(n) ?? '')
    );
    if (failed.length) {
        return {
            state: 'failed',
            message: `matching rule(s) did not activate: ${failed.map((n) => `${n} is ${status.get(n) ?? '?'}`).join(', ')}. Check Setup > Matching Rules; the duplicate rules were not deployed.`
        };
    }
    const waiting = expected.filter(
        (n) => !(MATCHING_RULE_STATUS.done as readonly string[]).includes(status.get(n) ?? '')
    );
    if (waiting.length) {
        return {
            state: 'pending',
            message: `waiting for ${waiting.map((n) => `${n} (${status.get(n) ?? 'not visible yet'})`).join(', ')}`
        };
    }
    return { state: 'done', message: `matching rules active: ${expected.join(', ')}` };
}

/** `SELECT ApiName, IsActive, ActiveVersionId FROM FlowDefinitionView WHERE ApiName IN (…)` against the kit's flows. */
export function flowVerdict(json: string, expected: readonly string[], source: string): Verdict {
    const rows = parseRecords(
        json,
        source,
        z.object({ ApiName: z.string(), IsActive: z.boolean(), ActiveVersionId: z.string().nullable().optional() })
    );
    const byName = new Map(rows.map((r) => [r.ApiName, r]));
    const missing = expected.filter((n) => !byName.has(n));
    // IsActive: the latest version is the active one. A production deploy without "Deploy processes and flows as
    // active" adds an inactive latest version while an older version (ActiveVersionId) keeps running.
    const inactive = expected.filter((n) => byName.has(n) && byName.get(n)?.IsActive !== true);
    if (!missing.length && !inactive.length) {
        return { state: 'done', message: `all ${expected.length} kit flows are active: ${expected.join(', ')}` };
    }
    const parts = [
        ...missing.map((n) => `${n} is not in the org`),
        ...inactive.map((n) =>
            byName.get(n)?.ActiveVersionId
                ? `${n}: the deployed (latest) version is inactive, an older version still runs`
                : `${n} is inactive`
        )
    ];
    return {
        state: 'failed',
        message: `kit flows not active: ${parts.join('; ')}. In production, turn on "Deploy processes and flows as active" (Setup > Process Automation Settings; metadata FlowSettings.enableFlowDeployAsActiveEnabled) and deploy with Apex tests that cover the flows, or activate each flow in Setup > Flows.`
    };
}
