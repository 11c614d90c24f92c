/**
 * The report metadata's org preconditions: Customizable Campaign Influence for the campaign-influence/ report type,
 * and a free dynamic dashboard for Attribution Health. Seeded defects: the scratch definition without the setting,
 * the setup script without the campaign-influence/ deploy, a dashboard that no longer triggers the dynamic one.
 */
import { describe, expect, it } from 'vitest';
import { checkPreconditions, loadInstallPath } from '../../src/verify/check-preconditions.js';
import { formatProblem } from '../../src/verify/problems.js';
import { loadProject } from '../../src/verify/project.js';
import { REPO } from './helpers.js';

const project = loadProject(REPO);
const install = loadInstallPath(REPO);
const run = (path = install): string[] => checkPreconditions(project.files, path).map(formatProblem);

describe('report preconditions', () => {
    it('are handled on the repository (scratch definition, setup script)', () => {
        expect(run().filter((l) => /campaign-influence-enabled|dynamic-dashboard-available/.test(l))).toEqual([]);
    });

    it('seeded defect: the scratch definition does not enable Customizable Campaign Influence', () => {
        const def = structuredClone(install.scratchDef) as { settings: Record<string, unknown> };
        delete def.settings.campaignSettings;
        expect(run({ ...install, scratchDef: def })).toEqual([
            expect.stringMatching(
                /^config\/project-scratch-def\.json: \[preconditions\] \[campaign-influence-enabled\] a report type on CampaignInfluence \(campaign-influence\/main\/default\/reportTypes\/AG_Campaign_Influence\.reportType-meta\.xml\) assumes Customizable Campaign Influence is on.*settings\.campaignSettings\.enableCampaignInfluence2 = true/
            )
        ]);
    });

    it('seeded defect: the setup script never deploys campaign-influence/', () => {
        const script = (install.script ?? '').replace(/--source-dir campaign-influence/g, '--source-dir demo-org');
        expect(run({ ...install, script })).toContainEqual(
            expect.stringMatching(
                /^scripts\/org-init\.sh: \[preconditions\] \[campaign-influence-enabled\].*--source-dir campaign-influence/
            )
        );
    });

    it('the dynamic-dashboard precondition is triggered by the shipped dashboard only while it is LoggedInUser', () => {
        const dashboard = project.files.find((f) => f.sdrType === 'Dashboard');
        expect(dashboard?.rel).toBe(
            'force-app/main/default/dashboards/Attribution_Guardrails/Attribution_Health.dashboard-meta.xml'
        );
        const text = (f: { abs: string; rel: string }): string =>
            f.rel === dashboard?.rel ? '<dashboardType>SpecifiedUser</dashboardType>' : '';
        const script = (install.script ?? '').replace(/--source-dir force-app/g, '--source-dir elsewhere');
        const triggered = checkPreconditions(project.files, { ...install, script }).map(formatProblem);
        expect(triggered.some((l) => l.includes('[dynamic-dashboard-available]'))).toBe(true);
        const notTriggered = checkPreconditions(project.files, { ...install, script }, text).map(formatProblem);
        expect(notTriggered.some((l) => l.includes('[dynamic-dashboard-available]'))).toBe(false);
    });

    it('seeded defect: an Install section that no longer names Customizable Campaign Influence', () => {
        const readmeInstall = (install.readmeInstall ?? '').replaceAll('Customizable Campaign Influence', 'influence');
        expect(run({ ...install, readmeInstall })).toEqual([
            expect.stringMatching(
                /^README\.md: \[preconditions\] \[campaign-influence-enabled\].*the Install section does not mention "Customizable Campaign Influence"/
            )
        ]);
    });

    it('seeded defect: an Install section that no longer says the package holds a dynamic dashboard', () => {
        const readmeInstall = (install.readmeInstall ?? '')
            .replaceAll('the package holds one dynamic dashboard', 'the package holds a dashboard')
            .replaceAll('no dynamic dashboard left', 'no room');
        const problems = run({ ...install, readmeInstall });
        expect(problems).toHaveLength(2);
        expect(problems.every((l) => l.startsWith('README.md: [preconditions] [dynamic-dashboard-available]'))).toBe(
            true
        );
    });
});
