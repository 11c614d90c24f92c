/**
 * The benchmark snapshot's plan: object sizes at a `--scale`, the record blocks each object is made of, and the
 * exact number of planted defects per audit check. Pure arithmetic, no I/O: `generate.ts` turns the same blocks
 * and modulo rules into SQL, so the counts below are known before a single row is written.
 *
 * Record layout (indices are 0-based per object; `N` = Leads):
 * - Leads `[0, C)` are converted (Contact `i`, Account `i mod A`); of those `[0, CO)` also created Opportunity `i`.
 *   Leads `[C, C+O)` are open (Open/Working/Nurturing), the rest Disqualified.
 * - Contacts `[0, C)` come from conversions, `[C, nContact)` were created directly (the "direct" contacts).
 * - Opportunities `[0, CO)` come from conversions, `[CO, nOpp)` were created directly.
 * Planted defects are chosen by `index mod M = r` inside one block, with a distinct residue per defect, so no
 * record carries two defects and no clean record can look like a defective one.
 */
import { z } from 'zod';
import { CORE_CHECK_IDS } from '../src/audit/vocabulary.js';

/** The checks the bench plants defects for: every check over the core objects (`src/audit/vocabulary.ts`); the
 * extended checks (campaign influence, consent, field history) have no input in the bench and are skipped. */
export const CHECK_IDS = CORE_CHECK_IDS;
export type CheckId = (typeof CHECK_IDS)[number];

/** Sizes at scale 1, as the issue asks. */
export const FULL_SIZES = {
    Lead: 1_000_000,
    Contact: 300_000,
    Opportunity: 250_000,
    OpportunityContactRole: 400_000,
    CampaignMember: 2_000_000,
    Account: 150_000,
    Campaign: 2_000
} as const;

/** The snapshot's reference date: ages are measured against it, so a reused snapshot audits identically. */
export const BENCH_AS_OF = new Date('2026-11-01T00:00:00.000Z');

/** Residues of the planted defects (and of the clean look-alikes that must NOT be counted). */
export const MOD = {
    /** Converted Leads with an Opportunity, `i mod 50`. */
    converted: 50,
    convertedLostLeadSource: 1,
    convertedLostPersona: 2,
    convertedLostUtm: 3,
    convertedLostCampaign: 4,
    /** Open Leads, `(i - C) mod 40`. */
    open: 40,
    duplicateEmail: 1, // same e-mail as the open Lead just before it (residue 0)
    contactEmail: 3, // e-mail of a direct Contact
    agedFrom: 10, // residues [10, 20) are aged open Leads
    agedTo: 20,
    /** Disqualified Leads, `(i - C - O) mod 50`. */
    disqualified: 50,
    driftSource: 7, // a Lead Source outside the governed values
    statusMismatch: 9, // not converted but carrying the converted status
    /** Direct Opportunities, `(o - CO) mod 20`. */
    direct: 20,
    missingCampaign: 1, // no Primary Campaign Source, non-exempt Lead Source and stage (Proposal/Quote)
    exemptNoCampaign: 2, // no Primary Campaign Source, exempt Lead Source (Outbound): clean
    missingContactRole: 5, // Negotiation without any Contact Role
    earlyNoContactRole: 6, // Qualification without a Contact Role: clean (before the required stage)
    lostNoContactRole: 7 // Closed Lost without a Contact Role: clean (not on the gated path)
} as const;

export const planOptionsSchema = z.object({
    scale: z.number().positive().max(4),
    seed: z.number().int().nonnegative().max(1_000_000)
});
export type PlanOptions = z.infer<typeof planOptionsSchema>;

export type Blocks = {
    /** Leads. */
    N: number;
    /** Converted Leads (and the Contacts they created). */
    C: number;
    /** Converted Leads that created an Opportunity. */
    CO: number;
    /** Open Leads. */
    O: number;
    /** Disqualified Leads. */
    Q: number;
    /** Direct Contacts and direct Opportunities. */
    directContacts: number;
    directOpps: number;
    accounts: number;
    campaigns: number;
    /** CampaignMember rows: one per Lead, a second one for Leads `[0, L2)`, the rest for direct Contacts. */
    L2: number;
    contactMembers: number;
    /** OpportunityContactRole row slots before Opportunities without roles are left out. */
    ocrSlots: number;
};

export type Plan = {
    scale: number;
    seed: number;
    asOf: Date;
    blocks: Blocks;
    /** Exact rows per CSV. */
    rows: Record<string, number>;
    /** Findings per check, as the audit counts them (`CheckResult.count`). */
    planted: Record<CheckId, number>;
    /** Numbers the audit reports in a check's `details` that the plan also knows exactly. */
    plantedDetails: Partial<Record<CheckId, Record<string, number>>>;
};

/** How many `i` in `[0, n)` have `i mod m = r`. */
export function countResidue(n: number, m: number, r: number): number {
    return n > r ? Math.floor((n - 1 - r) / m) + 1 : 0;
}

function countResidueRange(n: number, m: number, from: number, to: number): number {
    let total = 0;
    for (let r = from; r < to; r++) total += countResidue(n, m, r);
    return total;
}

/** The plan at `scale` (1 = the volumes). Throws when the scale is too small to hold every defect. */
export function makePlan(options: PlanOptions): Plan {
    const { scale, seed } = planOptionsSchema.parse(options);
    const n = (full: number): number => Math.round(full * scale);
    const N = n(FULL_SIZES.Lead);
    const C = Math.round(N * 0.2);
    const CO = Math.round(N * 0.15);
    const O = Math.round(N * 0.4);
    const Q = N - C - O;
    const nContact = n(FULL_SIZES.Contact);
    const nOpp = n(FULL_SIZES.Opportunity);
    const nCm = n(FULL_SIZES.CampaignMember);
    const L2 = Math.round(N * 0.5);
    const blocks: Blocks = {
        N,
        C,
        CO,
        O,
        Q,
        directContacts: nContact - C,
        directOpps: nOpp - CO,
        accounts: Math.max(10, n(FULL_SIZES.Account)),
        campaigns: Math.max(10, n(FULL_SIZES.Campaign)),
        L2,
        contactMembers: nCm - N - L2,
        ocrSlots: n(FULL_SIZES.OpportunityContactRole)
    };
    if (blocks.directContacts <= Math.ceil(O / MOD.open) || blocks.directOpps < MOD.direct || CO < MOD.converted) {
        throw new Error(`--scale ${scale} is too small to plant every defect (use at least 0.001)`);
    }
    if (blocks.contactMembers < 0 || blocks.ocrSlots < nOpp) {
        throw new Error(`internal error: the sizes at --scale ${scale} do not fit the record layout`);
    }
    const D = blocks.directOpps;
    const gatedNoRole = countResidue(D, MOD.direct, MOD.missingContactRole);
    const noRoleOpps =
        gatedNoRole +
        countResidue(D, MOD.direct, MOD.earlyNoContactRole) +
        countResidue(D, MOD.direct, MOD.lostNoContactRole);
    const ocrRows = ocrRowCount(blocks, nOpp);
    const planted: Record<CheckId, number> = {
        'opportunity-missing-primary-campaign':
            countResidue(D, MOD.direct, MOD.missingCampaign) +
            countResidue(CO, MOD.converted, MOD.convertedLostCampaign),
        // every Opportunity without a role counts; the gated ones (at/after the required stage) are in `details`
        'opportunity-missing-contact-role': noRoleOpps,
        'converted-lead-lost-lead-source': countResidue(CO, MOD.converted, MOD.convertedLostLeadSource),
        'converted-lead-lost-persona': countResidue(CO, MOD.converted, MOD.convertedLostPersona),
        'converted-lead-lost-utm': countResidue(CO, MOD.converted, MOD.convertedLostUtm),
        'converted-lead-lost-campaign': countResidue(CO, MOD.converted, MOD.convertedLostCampaign),
        // each planted pair is two Leads sharing one e-mail: both are findings
        'duplicate-lead-email': 2 * countResidue(O, MOD.open, MOD.duplicateEmail),
        'lead-matches-contact-email': countResidue(O, MOD.open, MOD.contactEmail),
        'aged-open-lead': countResidueRange(O, MOD.open, MOD.agedFrom, MOD.agedTo),
        'lead-source-drift': countResidue(Q, MOD.disqualified, MOD.driftSource),
        'lead-status-mismatch': countResidue(Q, MOD.disqualified, MOD.statusMismatch)
    };
    return {
        scale,
        seed,
        asOf: BENCH_AS_OF,
        blocks,
        rows: {
            Lead: N,
            Contact: nContact,
            Account: blocks.accounts,
            Opportunity: nOpp,
            OpportunityContactRole: ocrRows,
            Campaign: blocks.campaigns,
            CampaignMember: nCm
        },
        planted,
        plantedDetails: {
            'opportunity-missing-contact-role': { atOrAfterRequiredStage: gatedNoRole },
            'duplicate-lead-email': { groups: countResidue(O, MOD.open, MOD.duplicateEmail) },
            'opportunity-missing-primary-campaign': {
                exemptWithoutCampaign: countResidue(D, MOD.direct, MOD.exemptNoCampaign)
            }
        }
    };
}

/**
 * OpportunityContactRole slot `r` belongs to Opportunity `r mod nOpp` (slot `r div nOpp` of it: 0 = the primary
 * role); the slots of the direct Opportunities planted or kept without roles are left out.
 */
export function ocrRowCount(blocks: Blocks, nOpp: number): number {
    let rows = 0;
    const full = Math.floor(blocks.ocrSlots / nOpp);
    const partial = blocks.ocrSlots % nOpp;
    for (let o = 0; o < nOpp; o++) {
        const slots = full + (o < partial ? 1 : 0);
        if (!hasNoContactRole(blocks, o)) rows += slots;
    }
    return rows;
}

/** Opportunity `o` has no OpportunityContactRole at all (planted, or clean before/outside the gated stages). */
export function hasNoContactRole(blocks: Blocks, o: number): boolean {
    if (o < blocks.CO) return false;
    const r = (o - blocks.CO) % MOD.direct;
    return r === MOD.missingContactRole || r === MOD.earlyNoContactRole || r === MOD.lostNoContactRole;
}

/** Seeded offset of the Id counters (distinct per seed, the same for every run with that seed). */
export function idOffset(seed: number): number {
    return 62 ** 5 * (1 + (seed % 997)) + seed * 7_919;
}
