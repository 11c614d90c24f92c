/**
 * The HTML report renders in Debian's Chromium: one self-contained page (no scripts, no network), the three charts
 * (checks, funnel, drift) drawn with non-empty bars, and no console errors. Skips when Chromium is absent unless
 * REQUIRE_CHROMIUM=1 (CI).
 */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SNAPSHOT } from '../../src/audit/cli.js';
import { renderHtml } from '../../src/audit/report/html.js';
import { CHECK_IDS } from '../../src/audit/vocabulary.js';
import { audit } from './helpers.js';

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(executablePath);
if (!available && process.env.REQUIRE_CHROMIUM === '1')
    throw new Error(`REQUIRE_CHROMIUM=1 but no Chromium at ${executablePath}`);

describe.skipIf(!available)('HTML report in Chromium', () => {
    it('renders the funnel, drift and checks charts with no errors or requests', { timeout: 60_000 }, async () => {
        const html = renderHtml(await audit(DEFAULT_SNAPSHOT));
        const browser = await chromium.launch({
            executablePath,
            args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
        });
        try {
            const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
            const problems: string[] = [];
            const requests: string[] = [];
            page.on('console', (m) => {
                if (m.type() === 'error') problems.push(m.text());
            });
            page.on('pageerror', (e) => problems.push(e.message));
            page.on('request', (r) => requests.push(r.url()));
            await page.setContent(html, { waitUntil: 'load' });
            for (const id of ['chart-checks', 'chart-funnel', 'chart-drift', 'chart-pipeline']) {
                const box = await page.locator(`svg#${id}`).boundingBox();
                expect(box, id).not.toBeNull();
                expect(box?.width ?? 0).toBeGreaterThan(300);
                expect(box?.height ?? 0).toBeGreaterThan(50);
            }
            const funnelBars = await page
                .locator('svg#chart-funnel rect.bar')
                .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().width));
            expect(funnelBars).toHaveLength(6);
            expect(funnelBars[0]).toBeGreaterThan(funnelBars[5] ?? Infinity);
            expect(funnelBars.every((w) => w > 0)).toBe(true);
            const driftBars = await page.locator('svg#chart-drift rect.bar').count();
            expect(driftBars).toBe(9);
            const checkRows = await page.locator('table tbody tr td.fail').count();
            expect(checkRows).toBe(CHECK_IDS.length);
            expect(await page.locator('.health').innerText()).toMatch(/^Health \d+\.\d\/100$/);
            expect(problems).toEqual([]);
            expect(requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:'))).toEqual([]);
        } finally {
            await browser.close();
        }
    });
});
