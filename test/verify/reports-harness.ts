/**
 * The report gate's tests run on the metadata the project ships: a temp project holding the repository's objects,
 * report types, reports, dashboards and the campaign-influence directory, with seeded edits applied.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Problem } from '../../src/verify/problems.js';
import { loadProject } from '../../src/verify/project.js';
import { loadStandardCatalog } from '../../src/verify/refs/catalog.js';
import { checkReports } from '../../src/verify/reports/index.js';
import { applyEdits, REPO, type Edit } from './helpers.js';

export const FA = 'force-app/main/default';
export const RT = `${FA}/reportTypes`;
export const RP = `${FA}/reports/Attribution_Guardrails`;
export const DB = `${FA}/dashboards/Attribution_Guardrails/Attribution_Health.dashboard-meta.xml`;
export const CI = 'campaign-influence/main/default';

const COPIED = [`${FA}/objects`, `${FA}/reportTypes`, `${FA}/reports`, `${FA}/dashboards`, 'campaign-influence'];

const created: string[] = [];
afterAll(() => {
    for (const dir of created) rmSync(dir, { recursive: true, force: true });
});

/** A temp project with the repository's report metadata and the edits applied (`from` undefined: write a file). */
export function reportProject(edits: readonly Edit[] = []): string {
    const dir = mkdtempSync(join(tmpdir(), 'verify-reports-'));
    created.push(dir);
    for (const p of COPIED) cpSync(join(REPO, p), join(dir, p), { recursive: true });
    writeFileSync(
        join(dir, 'sfdx-project.json'),
        JSON.stringify({
            packageDirectories: [
                { path: 'force-app', default: true },
                { path: 'campaign-influence', default: false }
            ],
            sourceApiVersion: '66.0'
        })
    );
    applyEdits(dir, edits);
    return dir;
}

/** The `reports` problems of a project with the edits applied. */
export function reportProblems(edits: readonly Edit[] = []): Problem[] {
    const project = loadProject(reportProject(edits));
    return checkReports(project.files, loadStandardCatalog());
}

/** Compact `file:line path — message`. */
export const show = (problems: readonly Problem[]): string[] =>
    problems.map((p) => `${p.file}:${p.line ?? '-'} ${p.path ?? ''} — ${p.message}`);
