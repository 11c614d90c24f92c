/**
 * Every audit check, in report order. Ids are stable (the contract): reports, thresholds and tests use them.
 */
import { lostCampaign, lostLeadSource, lostPersona, lostUtm } from './conversion.js';
import { leadSourceDrift } from './drift.js';
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
    leadStatusMismatch
];

export const CHECK_IDS: readonly string[] = CHECKS.map((c) => c.id);
export type { CheckContext, CheckDefinition, CheckResult, CheckStatus } from './types.js';
