/**
 * Real third-party exports in the workspace (`../shared/datasets`, used only when present): the audit reads them as
 * a user would, and finds what their provenance notes describe (the Power BI set's 3 Leads with `Closed - Converted`
 * but IsConverted FALSE and 5 clean conversions; the Data Cloud workshop's 50 Opportunities without a campaign).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/audit/errors.js';
import { audit, check } from './helpers.js';

const ROOT = path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'datasets');
const POWERBI = path.join(ROOT, 'salesforce-in-powerbi', 'data');
const WORKSHOP = path.join(ROOT, 'data-cloud-workshop', 'data');
const TREE = path.join(ROOT, 'salesforce-data-loader-examples', 'data', 'initial', 'treeapi');

describe.skipIf(!existsSync(POWERBI))('salesforce-in-powerbi (spreadsheet-edited: TRUE/FALSE, MM/DD/YY)', () => {
    it('reads every date and boolean and finds the known defects', async () => {
        const r = await audit(POWERBI);
        expect(r.warnings).toEqual([]);
        expect(check(r, 'lead-status-mismatch').count).toBe(3);
        expect(check(r, 'converted-lead-lost-lead-source')).toMatchObject({ status: 'pass', population: 5 });
        expect(check(r, 'lead-matches-contact-email').count).toBe(2);
        expect(check(r, 'opportunity-missing-primary-campaign').reason).toBe(
            'Opportunity.csv has no CampaignId column'
        );
        expect(check(r, 'aged-open-lead').reason).toBe('Lead.csv has no CreatedDate column');
        expect(r.funnel.total?.counts.converted).toBe(5);
    });
});

describe.skipIf(!existsSync(WORKSHOP))('data-cloud-workshop (Data Loader export with BOM and +0000 datetimes)', () => {
    it('finds every Opportunity without a campaign and ages every open Lead', async () => {
        const r = await audit(WORKSHOP);
        expect(r.warnings).toEqual([]);
        // none of the 50 has a campaign; the 3 Closed Lost ones are exempt (Campaign_Exempt_Stages__c)
        expect(check(r, 'opportunity-missing-primary-campaign')).toMatchObject({
            count: 47,
            population: 50,
            details: expect.objectContaining({ exemptStageWithoutCampaign: 3 })
        });
        expect(check(r, 'opportunity-missing-contact-role').status).toBe('skipped');
        expect(check(r, 'lead-source-drift').count).toBe(60);
        expect(check(r, 'aged-open-lead').count).toBe(check(r, 'aged-open-lead').population);
    });
});

describe.skipIf(!existsSync(TREE))('salesforce-data-loader-examples (sf data tree JSON)', () => {
    it('is refused with a clear error: tree exports carry no record Ids', async () => {
        await expect(audit(TREE)).rejects.toThrow(InputError);
        await expect(audit(TREE)).rejects.toThrow(/sf data tree/);
    });
});
