/**
 * One change per record and field. When several checks propose a change of the same field of the same record:
 * - candidates are ranked certain first, then by check priority (carrying a converted Lead's values over before
 *   governing a value, before guessing a campaign); the first proposes the value written;
 * - another candidate that the chosen value also resolves (a carried-over governed Lead Source clears drift; a lost
 *   campaign clears the missing Primary Campaign Source) is merged into it: its finding counts as fixed;
 * - another candidate the chosen value does not resolve is a conflict: a certain change conflicting with another
 *   certain one becomes suggested (a person decides; it leaves the `<Object>.csv` files), the reason names both.
 * A finding counts as certainly fixed when every change it needs is written and certain.
 */
import { consentLostAtConversion } from '../checks/consent.js';
import { lostCampaign, lostLeadSource, lostPersona, lostUtm } from '../checks/conversion.js';
import { leadSourceDrift } from '../checks/drift.js';
import { missingPrimaryCampaign } from '../checks/opportunity.js';
import type { CheckResult } from '../checks/types.js';
import type { Candidate, Change, CheckFixSummary, FixList, Unfixable } from './types.js';

/** Checks with a fix, in priority order (earlier wins a shared record+field). */
export const FIX_PRIORITY: readonly string[] = [
    lostLeadSource.id,
    lostPersona.id,
    lostUtm.id,
    lostCampaign.id,
    leadSourceDrift.id,
    missingPrimaryCampaign.id,
    consentLostAtConversion.id
];

/** Why a check's findings have no derivable fix (a check neither here nor in FIX_PRIORITY: "no fix derived"). */
export const NO_FIX: Readonly<Record<string, string>> = {
    'opportunity-missing-contact-role':
        'no fix derived: a Contact Role is a new OpportunityContactRole record (which contact, which role) a person decides, not a field update',
    'duplicate-lead-email': 'no fix derived: duplicates are merged, and which record survives is a person’s decision',
    'lead-matches-contact-email':
        'no fix derived: convert the Lead into the existing Contact (or merge) after a person checks it is the same buyer',
    'aged-open-lead': 'no fix derived: an aged Lead needs follow-up or a status decision by its owner',
    'campaign-influence-gap':
        'no fix derived: influence records are Salesforce’s own (records loaded into the Primary Campaign Source model are deleted when it recalculates); set the Primary Campaign Source, or fix the buying group’s Contact Roles, and let the model recalculate',
    'attribution-overwritten':
        'no fix derived: which value is right (the first or the overwriting one) is a person’s decision; the details name who changed what and when, and the history holds the earlier value',
    'lead-status-mismatch':
        'no fix derived: IsConverted is set only by converting the Lead; whether to convert it or correct its Status is a person’s decision'
};

const key = (c: { object: string; record: { recordId: string }; field: string }): string =>
    `${c.object}\u0000${c.record.recordId.trim()}\u0000${c.field}`;

function rank(c: Candidate): number {
    const p = FIX_PRIORITY.indexOf(c.checkId);
    return (c.confidence === 'certain' ? 0 : 100) + (p < 0 ? 99 : p);
}

export function resolveChanges(candidates: readonly Candidate[]): Change[] {
    const byKey = new Map<string, Candidate[]>();
    for (const c of candidates) {
        if (c.passive) continue;
        const list = byKey.get(key(c)) ?? [];
        list.push(c);
        byKey.set(key(c), list);
    }
    const changes: Change[] = [];
    for (const list of byKey.values()) {
        const [winner, ...others] = [...list].sort((a, b) => rank(a) - rank(b) || a.checkId.localeCompare(b.checkId));
        if (!winner) continue;
        let confidence = winner.confidence;
        const notes: string[] = [];
        const merged = new Set<string>();
        for (const other of others) {
            if (other.resolves(winner.value)) {
                if (other.checkId !== winner.checkId) merged.add(other.checkId);
                continue;
            }
            if (confidence === 'certain' && other.confidence === 'certain') confidence = 'suggested';
            notes.push(`conflicts with ${other.checkId}, which proposes "${other.value}"`);
        }
        if (merged.size > 0) notes.push(`also resolves ${[...merged].join(', ')}`);
        changes.push({
            checkId: winner.checkId,
            object: winner.object,
            record: winner.record,
            field: winner.field,
            currentValue: winner.currentValue,
            value: winner.value,
            confidence,
            reason: [winner.reason, ...notes].join('; ')
        });
    }
    const order = (c: Change): string => `${c.object}\u0000${c.record.recordId}\u0000${c.field}`;
    return changes.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
}

/** Per check: findings certainly fixed, needing a person, and without a fix. */
export function summarise(
    checks: readonly CheckResult[],
    candidates: readonly Candidate[],
    changes: readonly Change[],
    unfixable: readonly Unfixable[]
): CheckFixSummary[] {
    const written = new Map(changes.map((c) => [key(c), c]));
    return checks.map((check) => {
        const findings = check.status === 'fail' ? check.recordIds.length : 0;
        const base = { id: check.id, findings, certain: 0, suggested: 0, unfixable: 0 };
        if (!FIX_PRIORITY.includes(check.id)) {
            const note = check.status === 'skipped' ? undefined : (NO_FIX[check.id] ?? 'no fix derived for this check');
            return {
                ...base,
                unfixable: findings,
                allCertain: findings === 0,
                ...(note && findings > 0 ? { note } : {})
            };
        }
        const needs = new Map<string, Candidate[]>();
        for (const c of candidates)
            if (c.checkId === check.id) needs.set(c.findingId, [...(needs.get(c.findingId) ?? []), c]);
        const none = new Map<string, string>();
        for (const u of unfixable) if (u.checkId === check.id) none.set(u.findingId, u.reason);
        let certain = 0;
        let suggested = 0;
        let unfixed = 0;
        for (const id of findings > 0 ? check.recordIds : []) {
            const list = needs.get(id) ?? [];
            if (none.has(id) || list.length === 0) {
                unfixed++;
                continue;
            }
            const ok = list.every((c) => {
                const change = written.get(key(c));
                const value = change?.value ?? c.currentValue;
                return c.resolves(value) && (change === undefined ? false : change.confidence === 'certain');
            });
            if (ok) certain++;
            else suggested++;
        }
        const reasons = [...new Set(none.values())].slice(0, 2);
        return {
            ...base,
            certain,
            suggested,
            unfixable: unfixed,
            allCertain: certain === findings,
            ...(unfixed > 0 ? { note: `${unfixed} without a fix: ${reasons.join('; ')}` } : {})
        };
    });
}

export function fixList(
    checks: readonly CheckResult[],
    candidates: readonly Candidate[],
    unfixable: readonly Unfixable[]
): FixList {
    const changes = resolveChanges(candidates);
    return { changes, unfixable: [...unfixable], checks: summarise(checks, candidates, changes, unfixable) };
}
