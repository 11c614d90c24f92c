/**
 * Every audit check definition, in report order (the order of `CHECK_IDS` in `src/audit/vocabulary.ts`; a test
 * compares them). Adding a check: its definition here, its tests, its line in docs/audit.md.
 */
import { lostCampaign, lostLeadSource, lostPersona, lostUtm } from './conversion.js';
import { consentLostAtConversion } from './consent.js';
import { leadSourceDrift } from './drift.js';
import { attributionOverwritten } from './history.js';
import { campaignInfluenceGap } from './influence.js';
import { agedOpenLead, duplicateLeadEmail, leadMatchesContactEmail, leadStatusMismatch } from './leads.js';
import { missingContactRole, missingPrimaryCampaign } from './opportunity.js';
import type { CheckDefinition } from './types.js';

export const CHECKS: readonly CheckDefinition[] = [
    missingPrimaryCampaign,
    missingContactRole,
    lostLeadSource,
    lostPersona,
    lostUtm,
    lostCampaign,
    duplicateLeadEmail,
    leadMatchesContactEmail,
    agedOpenLead,
    leadSourceDrift,
    leadStatusMismatch,
    campaignInfluenceGap,
    consentLostAtConversion,
    attributionOverwritten
];

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);
export type { CheckContext, CheckDefinition, CheckResult, CheckStatus } from './types.js';
