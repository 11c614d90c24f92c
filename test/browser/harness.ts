/**
 * The browser suite's harness: Debian's Chromium through playwright-core, the preview server, and in-page checks
 * (console errors, axe-core, the server's request log).
 *
 * Chromium is required when `CI=true` or `REQUIRE_CHROMIUM=1` (`.ci/run` sets it when Chromium is installed): then a
 * Chromium that cannot start fails the suite. Elsewhere the suite is skipped and says why.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Page } from 'playwright-core';
import { describe, it } from 'vitest';
import type { LogEntry } from '../../preview/server.js';

/** Debian's binary: `/usr/bin/chromium` is a shell wrapper Playwright cannot drive. */
export const CHROMIUM_CANDIDATES = ['/usr/lib/chromium/chromium', '/usr/lib/chromium-browser/chromium-browser'];

export function chromiumRequired(env: NodeJS.ProcessEnv): boolean {
    return env.CI === 'true' || env.REQUIRE_CHROMIUM === '1';
}

export function chromiumPath(env: NodeJS.ProcessEnv, exists: (p: string) => boolean = existsSync): string | null {
    if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
    return CHROMIUM_CANDIDATES.find((p) => exists(p)) ?? null;
}

export type Launch = { browser: Browser; reason?: undefined } | { browser?: undefined; reason: string };

export async function launchChromium(env: NodeJS.ProcessEnv = process.env): Promise<Launch> {
    const executablePath = chromiumPath(env);
    if (!executablePath) {
        return { reason: `no Chromium at ${CHROMIUM_CANDIDATES.join(' or ')} (set CHROMIUM_PATH)` };
    }
    try {
        const args = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
        return { browser: await chromium.launch({ executablePath, args, timeout: 30_000 }) };
    } catch (err) {
        return { reason: `Chromium at ${executablePath} did not start: ${(err as Error).message.split('\n')[0]}` };
    }
}

/**
 * Launches Chromium for one suite file. Without a browser it says why on stderr and, when Chromium is required
 * (CI), registers a failing test named after the suite, so a missing browser is red, never a silent skip.
 */
export async function launchForSuite(suite: string, env: NodeJS.ProcessEnv = process.env): Promise<Launch> {
    const launch = await launchChromium(env);
    if (launch.browser) return launch;
    const required = chromiumRequired(env);
    process.stderr.write(`${suite}: ${launch.reason}${required ? '' : ' (skipped: not required here)'}\n`);
    if (required) {
        describe(`${suite} (Chromium required: CI=true or REQUIRE_CHROMIUM=1)`, () => {
            it('starts Chromium', () => {
                throw new Error(launch.reason);
            });
        });
    }
    return launch;
}

export interface PageError {
    text: string;
    /** The resource a "Failed to load resource" message is about (empty for other errors). */
    url: string;
}

/** Console errors and uncaught exceptions of a page, from the moment it is watched. */
export function watchErrors(page: Page): PageError[] {
    const errors: PageError[] = [];
    page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push({ text: `console.error: ${msg.text()}`, url: msg.location().url });
    });
    page.on('pageerror', (err) => errors.push({ text: `uncaught: ${err.message}`, url: '' }));
    return errors;
}

/**
 * The errors a test did not ask for. Chromium logs every HTTP error answer as "Failed to load resource"; when a test
 * forces a fault, that answer (and only on the faulted route) is expected, as it would be in an org.
 */
export function unexpectedErrors(errors: readonly PageError[], faultedRoute?: RegExp): string[] {
    return errors
        .filter((e) => !(faultedRoute && e.text.includes('Failed to load resource') && faultedRoute.test(e.url)))
        .map((e) => `${e.text}${e.url ? ` (${e.url})` : ''}`);
}

const require = createRequire(import.meta.url);
const AXE_PATH = require.resolve('axe-core/axe.min.js');

export interface AxeViolation {
    id: string;
    impact: string | null;
    help: string;
    nodes: string[];
}

/** axe-core over the whole page (WCAG 2.x A/AA and best practices); returns the violations, readable. */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
    await page.addScriptTag({ path: AXE_PATH });
    return page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<AxeResults> } }).axe;
        interface AxeResults {
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
        }
        const results = await axe.run(document, { resultTypes: ['violations'] });
        return results.violations.map((v) => ({
            id: v.id,
            impact: v.impact,
            help: v.help,
            nodes: v.nodes.map((n) => JSON.stringify(n.target))
        }));
    });
}

export async function requestLog(page: Page, baseUrl: string): Promise<LogEntry[]> {
    const res = await page.request.get(`${baseUrl}preview/log`);
    return (await res.json()) as LogEntry[];
}
