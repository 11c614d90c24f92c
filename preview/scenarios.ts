/**
 * Which sample record the preview shows, and the faults a URL can force. Pure, so the choice is tested.
 *
 * URL parameters: `object` (Opportunity | Lead), `id` (a record of the sample snapshot) or `state` (`data`: a record
 * with values and related records; `empty`: one with as little as the sample has), `fault` (`record`,
 * `relatedList`, `save`, and for the lead conversion action `duplicate`, `validation`, `access`; comma-separated), `latency` (milliseconds added to every stub answer).
 */
import { z } from 'zod';
import type { PreviewStore } from './ui-api.js';
import { UTM_FIELDS } from '../src/audit/vocabulary.js';

/** `duplicate`, `validation` and `access` force the error answers of the Convert with Guardrails stand-in. */
export const FAULTS = ['record', 'relatedList', 'save', 'duplicate', 'validation', 'access'] as const;
export type Fault = (typeof FAULTS)[number];

export const previewParamsSchema = z.object({
    object: z.enum(['Opportunity', 'Lead']).default('Opportunity'),
    id: z
        .string()
        .regex(/^[a-zA-Z0-9]{15,18}$/, 'id must be a record Id')
        .optional(),
    state: z.enum(['data', 'empty']).default('data'),
    fault: z
        .string()
        .default('')
        .transform((s, ctx) => {
            const faults = s.split(',').filter((f) => f.length > 0);
            for (const f of faults) {
                if (!(FAULTS as readonly string[]).includes(f)) {
                    ctx.addIssue({ code: 'custom', message: `fault must be one of ${FAULTS.join(', ')}; got ${f}` });
                }
            }
            return faults as Fault[];
        }),
    latency: z.coerce.number().int().min(0).max(60_000).default(0)
});
export type PreviewParams = z.infer<typeof previewParamsSchema>;

/** Parses URL search parameters; a bad value is an error naming the parameter. */
export function parsePreviewParams(search: URLSearchParams): PreviewParams {
    const raw = Object.fromEntries([...search.entries()].filter(([, v]) => v !== ''));
    const parsed = previewParamsSchema.safeParse(raw);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`URL parameter ${issue?.path.join('.') || '?'}: ${issue?.message}`);
    }
    return parsed.data;
}

/**
 * How much a record shows: filled UTM values and Persona, plus its contact roles (Opportunity). For a Lead, an
 * unconverted lead is preferred, since the BANT toggles of a converted lead are read-only.
 */
function richness(store: PreviewStore, object: string, id: string): number {
    const row = store.rows(object).find((r) => r.Id === id) ?? {};
    const filled = [...UTM_FIELDS, 'Persona__c', 'CampaignId'].filter((f) => row[f]).length;
    const roles =
        object === 'Opportunity'
            ? store.rows('OpportunityContactRole').filter((r) => r.OpportunityId === id).length
            : 0;
    // Contact roles weigh most: the empty state is a deal without any, the data state one with several.
    return filled + 10 * Math.min(roles, 3);
}

/** The record Id to show: the one asked for (it must exist and be of `object`), else the state's pick. */
export function chooseRecord(store: PreviewStore, params: PreviewParams): string {
    if (params.id) {
        const object = store.objectOf(params.id);
        if (object !== params.object) {
            throw new Error(
                `URL parameter id: ${params.id} is ${object ? `a ${object}` : 'not in the sample snapshot'}, not a ${params.object}`
            );
        }
        return params.id;
    }
    const candidates = store
        .rows(params.object)
        .filter((r) => params.object !== 'Lead' || r.IsConverted !== 'true')
        .filter((r) => params.object !== 'Opportunity' || r.IsClosed !== 'true')
        .map((r) => r.Id as string);
    if (candidates.length === 0) throw new Error(`The sample snapshot has no open ${params.object}`);
    const scored = candidates.map((id) => ({ id, score: richness(store, params.object, id) }));
    // Stable: ties keep the snapshot's order.
    const pick = scored.reduce((best, c) =>
        params.state === 'data' ? (c.score > best.score ? c : best) : c.score < best.score ? c : best
    );
    return pick.id;
}
