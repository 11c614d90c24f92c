/**
 * Renders the sample audit (`--as-of 2026-11-22`) and saves `docs/audit-report.png` (HTML report in Debian's
 * Chromium via playwright-core) and `docs/audit-terminal.txt` (the terminal summary) for the README.
 * Usage: npx tsx scripts/screenshot-report.ts [--chromium /usr/bin/chromium]
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { DEFAULT_SNAPSHOT } from '../src/audit/cli.js';
import { PROJECT_DIR, loadRulesConfig } from '../src/audit/config.js';
import { runAudit } from '../src/audit/engine.js';
import { renderHtml } from '../src/audit/report/html.js';
import { renderTerminal } from '../src/audit/report/terminal.js';

const flag = process.argv.indexOf('--chromium');
const executablePath =
    (flag >= 0 ? process.argv[flag + 1] : undefined) ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const docs = path.join(PROJECT_DIR, 'docs');

const report = await runAudit({
    snapshotDir: DEFAULT_SNAPSHOT,
    rules: await loadRulesConfig(),
    asOf: new Date('2026-11-22T00:00:00Z')
});
report.source.dir = 'data/sample-snapshot';
report.generatedAt = '2026-11-22T09:00:00.000Z';
await writeFile(
    path.join(docs, 'audit-terminal.txt'),
    `$ npm run audit -- --as-of 2026-11-22\n${renderTerminal(report)}`
);

const browser = await chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
});
try {
    const page = await browser.newPage({ viewport: { width: 1180, height: 900 }, deviceScaleFactor: 1 });
    await page.setContent(renderHtml(report), { waitUntil: 'load' });
    await page.screenshot({ path: path.join(docs, 'audit-report.png'), fullPage: true });
} finally {
    await browser.close();
}
console.log(`wrote ${path.join(docs, 'audit-report.png')} and audit-terminal.txt`);
