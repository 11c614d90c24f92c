/**
 * The lifecycle every browser suite shares: one preview build and server for the suite, and per test a reset store, a
 * fresh browser context at the suite's viewport, a page and its error watcher. `usePreviewSession` registers the
 * hooks; the returned object holds the current server, page and errors (assigned by the hooks).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { buildPreview, PROJECT_DIR } from '../../preview/build.js';
import { startPreviewServer, type PreviewServer } from '../../preview/server.js';
import { watchErrors, type PageError } from './harness.js';

/** Where the suites write their screenshots (committed; the README and docs/rep-pages.md show them). */
export const SCREENS = path.join(PROJECT_DIR, 'docs', 'screens');

export type PreviewSession = { server: PreviewServer; page: Page; errors: PageError[] };

export function usePreviewSession(browser: Browser, viewport: { width: number; height: number }): PreviewSession {
    const session = {} as PreviewSession;
    let context: BrowserContext | undefined;

    beforeAll(async () => {
        const build = await buildPreview({ projectDir: PROJECT_DIR });
        session.server = await startPreviewServer({ projectDir: PROJECT_DIR, bundleDir: build.dir });
        mkdirSync(SCREENS, { recursive: true });
    }, 300_000);

    afterAll(async () => {
        await browser.close();
        await session.server?.close();
    });

    beforeEach(async () => {
        await context?.close();
        await fetch(`${session.server.url}preview/reset`, { method: 'POST' });
        context = await browser.newContext({ viewport });
        session.page = await context.newPage();
        session.errors = watchErrors(session.page);
    });

    return session;
}
