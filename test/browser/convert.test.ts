/**
 * Convert with Guardrails (the Lead screen action) in a real browser: Debian Chromium on the `npm run preview` page,
 * the action opened from the record header in a modal, the controller answered by the preview's stand-in
 * (preview/convert.ts) over data/sample-snapshot. Each step (preflight, match, deal) and each error (a blocked
 * lead, a duplicate alert with save anyway, a validation rule on the deal) is screenshotted to docs/screens/,
 * checked with axe-core and for console errors, and its server round trips are counted from the request log.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import type { LogEntry, PreviewServer } from '../../preview/server.js';
import { axeViolations, launchForSuite, requestLog, unexpectedErrors, type PageError } from './harness.js';
import { SCREENS, usePreviewSession } from './session.js';

const launch = await launchForSuite('convert browser suite');

/** Sample leads: responded and qualified; a duplicate contact; an ungoverned Lead Source; no responded campaign. */
const READY_LEAD = '00Qbm00000000HOEAY';
const DUPLICATE_LEAD = '00Qbm00000000HaEAI';
const BLOCKED_LEAD = '00Qbm00000000HkEAI';
const NO_CAMPAIGN_LEAD = '00Qbm00000000HJEAY';
const PREFLIGHT = 'apex:AttributionLeadConvertController.getPreflight';
const CONVERT = 'apex:AttributionLeadConvertController.convertLead';

describe.runIf(Boolean(launch.browser))('Convert with Guardrails in Chromium', () => {
    const browser = launch.browser as Browser;
    const session = usePreviewSession(browser, { width: 1440, height: 900 });
    let server: PreviewServer;
    let page: Page;
    let errors: PageError[];
    const trips: string[] = [];

    afterAll(() => {
        process.stdout.write(`convert round trips:\n${trips.join('\n')}\n`);
    });

    beforeEach(() => {
        ({ server, page, errors } = session);
    });

    const modal = () => page.locator('c-lead-convert-guardrails');
    const button = (name: string) => modal().getByRole('button', { name, exact: true });

    async function openAction(leadId: string, fault = ''): Promise<void> {
        await page.goto(`${server.url}?object=Lead&id=${leadId}${fault ? `&fault=${fault}` : ''}`);
        await page.waitForSelector('body[data-ready="true"]');
        await page.getByRole('button', { name: 'Convert with Guardrails' }).click();
        await expect.poll(() => modal().locator('.verdict').count(), { timeout: 10_000 }).toBe(1);
    }

    async function calls(kind: string): Promise<LogEntry[]> {
        return (await requestLog(page, server.url)).filter((e) => e.kind === kind);
    }

    async function shot(name: string): Promise<void> {
        await page.screenshot({ path: path.join(SCREENS, `convert-${name}.png`) });
    }

    async function expectCleanAndAccessible(): Promise<void> {
        expect(unexpectedErrors(errors)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
    }

    it('walks preflight, match and deal on one preflight call, converts on one call and lands on the opportunity', async () => {
        await openAction(READY_LEAD);
        await expect.poll(() => modal().locator('.verdict').innerText()).toBe('Ready to convert');
        expect(await modal().locator('li.check').count()).toBe(5);
        await expectCleanAndAccessible();
        await shot('1-preflight');
        await button('Next').click();
        await expect.poll(() => modal().locator('.step-title').innerText()).toBe('Match');
        await expectCleanAndAccessible();
        await shot('2-match');
        await button('Next').click();
        await expect.poll(() => modal().locator('.step-title').innerText()).toBe('Deal');
        await expect.poll(() => modal().getByLabel('Contact role').inputValue()).toBe('Decision Maker');
        await expectCleanAndAccessible();
        await shot('3-deal');
        const loads = await calls(PREFLIGHT);
        expect(loads).toHaveLength(1);
        trips.push(`preflight + match + deal steps: ${loads.length} getPreflight call(s), 0 others`);
        await button('Convert').click();
        await expect.poll(() => page.locator('section.preview-action-modal').count()).toBe(0);
        const converts = await calls(CONVERT);
        expect(converts).toHaveLength(1);
        trips.push(`convert: ${converts.length} convertLead call(s)`);
        expect(converts[0]?.request).toMatchObject({
            request: { leadId: READY_LEAD, createOpportunity: true, contactRole: 'Decision Maker' }
        });
        const navigations = await calls('navigate');
        expect(navigations.map((n) => (n.request as { url: string }).url)).toEqual([
            expect.stringMatching(/^\/lightning\/r\/sObject\/006\w+\/view$/)
        ]);
        await expect.poll(() => page.locator('.preview-toast').innerText()).toContain('Lead converted');
        expect(unexpectedErrors(errors)).toEqual([]);
    });

    it('a blocked lead cannot go past the preflight', async () => {
        await openAction(BLOCKED_LEAD);
        await expect.poll(() => modal().locator('.verdict').innerText()).toMatch(/^Conversion is blocked/);
        expect(await button('Next').isDisabled()).toBe(true);
        await expectCleanAndAccessible();
        await shot('error-blocked');
    });

    it('a duplicate alert returns to the match step; save anyway converts', async () => {
        await openAction(DUPLICATE_LEAD, 'duplicate');
        await button('Next').click();
        await expect.poll(() => modal().locator('.step-title').innerText()).toBe('Match');
        // The suggestion is the existing contact: choose a new one, which the duplicate rule flags.
        await modal().getByText('Create a new account', { exact: false }).click();
        await button('Next').click();
        await button('Convert').click();
        await expect.poll(() => modal().locator('.error-text').innerText()).toMatch(/^A duplicate rule found/);
        expect(await modal().locator('.step-title').innerText()).toBe('Match');
        await expectCleanAndAccessible();
        await shot('error-duplicate');
        await button('Save anyway').click();
        await expect.poll(() => page.locator('section.preview-action-modal').count()).toBe(0);
        const converts = await calls(CONVERT);
        expect(
            converts.map((c) => (c.request as { request: { allowDuplicates: boolean } }).request.allowDuplicates)
        ).toEqual([false, true]);
        trips.push(`duplicate then save anyway: ${converts.length} convertLead call(s)`);
    });

    it('a validation rule on the deal is shown on the deal step, on the campaign field', async () => {
        await openAction(NO_CAMPAIGN_LEAD, 'validation');
        await button('Next').click();
        await button('Next').click();
        await button('Convert').click();
        await expect.poll(() => modal().locator('.error-detail').innerText()).toMatch(/^Choose the campaign/);
        expect(await modal().locator('.step-title').innerText()).toBe('Deal');
        await expectCleanAndAccessible();
        await shot('error-validation');
        expect(await calls('navigate')).toEqual([]);
    });

    it('cancel closes the modal and gives the focus back to the action button', async () => {
        await openAction(READY_LEAD);
        await button('Cancel').click();
        await expect.poll(() => page.locator('section.preview-action-modal').count()).toBe(0);
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Convert with Guardrails');
        expect(await calls(CONVERT)).toEqual([]);
    });
});
