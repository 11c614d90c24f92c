/**
 * The preview's platform stubs the cards do not use yet (object info, navigation, refresh, refreshApex, Custom
 * Labels), proven in Chromium through a probe component (test/fixtures/preview/lwc/stubProbe) built into the
 * suite's own bundle next to the project's components.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPreview, LWC_DIR, PROJECT_DIR } from '../../preview/build.js';
import { startPreviewServer, type PreviewServer } from '../../preview/server.js';
import { launchForSuite, requestLog, unexpectedErrors, watchErrors, type PageError } from './harness.js';

const launch = await launchForSuite('preview stubs');

describe.runIf(Boolean(launch.browser))('preview platform stubs in Chromium', () => {
    const browser = launch.browser as Browser;
    let server: PreviewServer;
    let page: Page;
    let errors: PageError[];

    beforeAll(async () => {
        const build = await buildPreview({
            projectDir: PROJECT_DIR,
            lwcDirs: [LWC_DIR, 'test/fixtures/preview/lwc'],
            cacheName: 'probe'
        });
        server = await startPreviewServer({ projectDir: PROJECT_DIR, bundleDir: build.dir });
        page = await browser.newPage();
        errors = watchErrors(page);
        await page.goto(`${server.url}?object=Lead`);
        await page.waitForSelector('body[data-ready="true"]');
    }, 300_000);

    afterAll(async () => {
        await browser.close();
        await server?.close();
    });

    const probe = () => page.locator('c-stub-probe');
    const count = async (kind: string) => (await requestLog(page, server.url)).filter((e) => e.kind === kind).length;

    it('getObjectInfo gives the field label from the field metadata; a missing Custom Label gives its name', async () => {
        await expect.poll(() => probe().locator('.probe-label').innerText()).toBe('BANT Budget');
        expect(await probe().locator('.probe-title').innerText()).toBe('Preview_Probe_Title');
    });

    it('the Apex wire answers from the shipped Default record; refreshApex calls it again', async () => {
        await expect
            .poll(() => probe().locator('.probe-stages').innerText())
            .toBe('Qualification > Proposal/Quote > Negotiation > Closed Won');
        const before = await count('apex:AttributionRulesController.getRules');
        await probe().locator('.probe-rules').click();
        await expect.poll(() => count('apex:AttributionRulesController.getRules')).toBe(before + 1);
    });

    it('NavigationMixin: GenerateUrl gives the Lightning URL, Navigate is recorded, the page stays', async () => {
        const recordId = await page.evaluate(() => document.body.dataset.recordId);
        await probe().locator('.probe-navigate').click();
        await expect.poll(() => probe().locator('.probe-url').innerText()).toBe(`/lightning/r/Lead/${recordId}/view`);
        const navigations = await page.evaluate(
            () => (window as { __previewNavigations?: unknown[] }).__previewNavigations
        );
        expect(navigations).toEqual([
            { type: 'standard__recordPage', attributes: { recordId, objectApiName: 'Lead', actionName: 'view' } }
        ]);
        expect(page.url()).toContain('object=Lead');
    });

    it('RefreshEvent runs the registered handlers and fetches every wire again', async () => {
        const records = await count('getRecord');
        await probe().locator('.probe-refresh').click();
        await expect.poll(() => probe().locator('.probe-refreshes').innerText()).toBe('Refreshes: 1');
        await expect.poll(() => count('refresh')).toBe(1);
        // The probe's getRecord and the lead card's getRecord are fetched again.
        await expect.poll(() => count('getRecord')).toBeGreaterThanOrEqual(records + 2);
        expect(unexpectedErrors(errors)).toEqual([]);
    });
});
