/**
 * The deal components in Chromium on the preview's Opportunity page (data: data/sample-snapshot, Apex: the stand-ins of
 * preview/deal-apex.ts): a one-click fix clicked and saved through updateRecord, the buying group manager adding a
 * contact role, the delete guard's message on its row, the campaign influence view, zero axe-core violations, and the
 * server round trips of each panel's load counted from the request log. Screenshots go to docs/screens/.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { PreviewServer } from '../../preview/server.js';
import { axeViolations, launchForSuite, requestLog, unexpectedErrors, type PageError } from './harness.js';
import { SCREENS, usePreviewSession } from './session.js';

const launch = await launchForSuite('deal browser suite');

/** An open Proposal/Quote deal of the sample without Primary Campaign Source, one contact role, a responded contact. */
const DEAL = '006bm00000000GIAAY';
const DEAL_URL = `object=Opportunity&id=${DEAL}`;

describe.runIf(Boolean(launch.browser))('deal components in Chromium', () => {
    const browser = launch.browser as Browser;
    const session = usePreviewSession(browser, { width: 1440, height: 1100 });
    let server: PreviewServer;
    let page: Page;
    let errors: PageError[];

    beforeEach(() => {
        ({ server, page, errors } = session);
    });

    async function open(query: string): Promise<void> {
        await page.goto(`${server.url}?${query}`);
        await page.waitForSelector('body[data-ready="true"]');
    }

    const card = () => page.locator('c-opportunity-attribution');
    const manager = () => page.locator('[data-component="buyingGroupManager"] c-buying-group-manager');
    const influence = () => page.locator('c-campaign-influence');
    const kinds = async (kind: string) => (await requestLog(page, server.url)).filter((e) => e.kind === kind);
    const roleRows = () => manager().locator('tr.role-row');

    it('loads each panel with one server round trip per data source; screenshot', async () => {
        await open(DEAL_URL);
        await expect.poll(() => roleRows().count()).toBe(1);
        await expect.poll(() => influence().locator('tr.touch').count()).toBeGreaterThan(0);
        await expect.poll(() => card().locator('li.warning').count()).toBeGreaterThan(0);
        const log = await requestLog(page, server.url);
        const count = (kind: string) => log.filter((e) => e.kind === kind).length;
        // the card's fixes and the buying group manager each wire the same cacheable method once: at most one request
        // per panel (the stub coalesces only loads in flight together; an org's LDS cache also serves the later one)
        expect(count('apex:AttributionDealController.getDealContext')).toBeGreaterThanOrEqual(1);
        expect(count('apex:AttributionDealController.getDealContext')).toBeLessThanOrEqual(2);
        expect(count('apex:AttributionInfluenceController.getCampaignInfluence')).toBe(1);
        expect(count('apex:AttributionRulesController.getRules')).toBe(1);
        expect(count('getRelatedListRecords')).toBe(1);
        await expect
            .poll(() => influence().locator('.view').innerText())
            .toContain('before this opportunity was created');
        expect(unexpectedErrors(errors)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(SCREENS, 'deal-1440.png'), fullPage: true });
    });

    it('Set campaign: the fix lists the responded campaigns, saves with updateRecord, the warning goes', async () => {
        await open(DEAL_URL);
        const fix = card().getByRole('button', { name: 'Set campaign' });
        await expect.poll(() => fix.count()).toBe(1);
        await expect.poll(() => card().locator('li[data-code="NO_PRIMARY_CAMPAIGN"]').count()).toBe(1);
        await fix.click();
        const radios = card().getByRole('radio');
        await expect.poll(() => radios.count()).toBeGreaterThan(0);
        const [context] = (await kinds('apex:AttributionDealController.getDealContext')).map(
            (e) =>
                e.body as { campaignCandidates: { campaignId: string; campaignName: string; respondedDate: string }[] }
        );
        const first = context?.campaignCandidates[0];
        expect(first).toBeDefined();
        expect(await radios.first().isChecked()).toBe(true);
        expect(unexpectedErrors(errors)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(SCREENS, 'deal-set-campaign.png'), fullPage: true });
        await card().getByRole('button', { name: 'Save' }).click();
        await expect.poll(async () => (await kinds('updateRecord')).length).toBe(1);
        const [save] = await kinds('updateRecord');
        expect([save?.status, save?.request]).toEqual([200, { fields: { Id: DEAL, CampaignId: first?.campaignId } }]);
        await expect.poll(() => card().locator('li[data-code="NO_PRIMARY_CAMPAIGN"]').count()).toBe(0);
        await expect
            .poll(() =>
                card()
                    .getByText(first?.campaignName ?? '?', { exact: true })
                    .count()
            )
            .toBe(1);
        await expect.poll(() => page.locator('.preview-toast').count()).toBe(1);
        expect(unexpectedErrors(errors)).toEqual([]);
    });

    it('the buying group manager adds a contact role of the account with its mapped role', async () => {
        await open(DEAL_URL);
        await expect.poll(() => roleRows().count()).toBe(1);
        await manager().getByRole('button', { name: 'Add contact role' }).click();
        const contact = manager().getByRole('combobox', { name: 'Contact from the account' });
        const labels = await contact.locator('option').allInnerTexts();
        // the placeholder, then the account's contacts without a role
        expect(labels.length).toBeGreaterThan(1);
        const name = labels[1]?.split(',')[0]?.trim() ?? '';
        await contact.selectOption({ index: 1 });
        // the role the contact's Persona maps to (Persona_Role_Mapping__mdt) is preselected
        const role = await manager().getByRole('combobox', { name: 'Role' }).inputValue();
        expect(role).not.toBe('');
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(SCREENS, 'deal-add-contact-role.png'), fullPage: true });
        await manager().getByRole('button', { name: 'Save' }).click();
        await expect.poll(() => roleRows().count()).toBe(2);
        const [save] = await kinds('apex:AttributionDealController.saveContactRole');
        expect(save?.status).toBe(200);
        expect(save?.request).toMatchObject({ opportunityId: DEAL, contactRoleId: null, role });
        await expect.poll(() => roleRows().filter({ hasText: name }).count()).toBe(1);
        // the card hears the change and reads its contact roles again
        await expect.poll(async () => (await kinds('getRelatedListRecords')).length).toBeGreaterThan(1);
        expect(unexpectedErrors(errors)).toEqual([]);
    });

    it('the delete guard refuses the last contact role at Proposal/Quote: its message on the row', async () => {
        await open(DEAL_URL);
        await expect.poll(() => roleRows().count()).toBe(1);
        await roleRows()
            .first()
            .getByRole('button', { name: /^Remove / })
            .click();
        await expect
            .poll(() => roleRows().first().getByRole('alert').innerText())
            .toContain('You cannot remove the last Contact Role of an opportunity at Proposal/Quote');
        expect(await roleRows().count()).toBe(1);
        const [remove] = await kinds('apex:AttributionDealController.removeContactRole');
        expect(remove?.status).toBe(500);
        // the stand-in answered an Apex error: the failed request is expected, nothing else
        expect(unexpectedErrors(errors, /\/preview\/apex\/AttributionDealController\.removeContactRole/)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: path.join(SCREENS, 'deal-row-error.png'), fullPage: true });
    });

    it('the influence view: first and last touch marked, which view it is', async () => {
        await open('object=Opportunity&state=data');
        await expect.poll(() => influence().locator('.view').count()).toBe(1);
        const [answer] = await kinds('apex:AttributionInfluenceController.getCampaignInfluence');
        const view = answer?.body as { touches: { campaignName: string }[]; view: string };
        expect(view.view).toBe('touches');
        const rows = influence().locator('tr.touch');
        await expect.poll(() => rows.count()).toBe(view.touches.length);
        if (view.touches.length > 0) {
            expect(await rows.first().getByText('First touch').count()).toBe(1);
            expect(await rows.last().getByText('Last touch').count()).toBe(1);
        }
        await influence().screenshot({ path: path.join(SCREENS, 'deal-influence.png') });
        expect(unexpectedErrors(errors)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
    });
});
