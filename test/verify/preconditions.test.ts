/**
 * The `preconditions` check: what the metadata assumes of the org, against the README's Install section, the setup
 * script and the scratch org definition. Each seeded defect is the old or a plausible broken shape.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
    checkPreconditions,
    installSection,
    loadInstallPath,
    scriptCommands
} from '../../src/verify/check-preconditions.js';
import { PRECONDITIONS } from '../../src/verify/preconditions.js';
import { formatProblem } from '../../src/verify/problems.js';
import { loadProject, type MetadataFile } from '../../src/verify/project.js';
import { parseXml } from '../../src/verify/xml.js';
import { REPO } from './helpers.js';

const project = loadProject(REPO);
const install = loadInstallPath(REPO);
const script = readFileSync(join(REPO, 'scripts/org-init.sh'), 'utf8');
const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
const out = (
    files: readonly MetadataFile[] = project.files,
    path = install,
    text?: (f: MetadataFile) => string
): string[] => checkPreconditions(files, path, text).map(formatProblem);

function cut(text: string, from: string, to: string): string {
    const a = text.indexOf(from);
    const b = text.indexOf(to, a);
    expect(a, `seed: "${from}" not found`).toBeGreaterThanOrEqual(0);
    expect(b, `seed: "${to}" not found`).toBeGreaterThan(a);
    return text.slice(0, a) + text.slice(b);
}

describe('org preconditions on the repository', () => {
    it('are all handled by the README, the setup script and the scratch definition', () => {
        expect(out()).toEqual([]);
    });

    it('are each triggered by some metadata of the kit (no dead entry)', () => {
        for (const p of PRECONDITIONS) {
            const hits = project.files.filter(
                (f) => f.sdrType && !f.ignored && p.triggeredBy(f, readFileSync(f.abs, 'utf8'))
            );
            expect(hits.length, p.id).toBeGreaterThan(0);
        }
    });

    it('read only the Install section of the README', () => {
        const section = installSection(readme) ?? '';
        expect(section.startsWith('# Install')).toBe(true);
        expect(section).not.toContain('## What it enforces');
    });
});

describe('preconditions check catches seeded defects', () => {
    it('a setup script without the two-phase deploy (matching rules deployed with everything else)', () => {
        const broken = cut(script, '# step: matching-rules-first', '# step: force-app');
        const problems = out(project.files, { ...install, script: scriptCommands(broken) });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toContain('scripts/org-init.sh: [preconditions] [matching-rules-active]');
        expect(problems[0]).toContain('lacks the step "--source-dir unpackaged/main/default/matchingRules"');
    });

    it('a setup script whose matching-rule phase is only a comment', () => {
        const broken = script.replace(
            'sf project deploy start --source-dir unpackaged/main/default/matchingRules',
            '# sf project deploy start --source-dir unpackaged/main/default/matchingRules'
        );
        expect(broken).not.toBe(script);
        expect(out(project.files, { ...install, script: scriptCommands(broken) }).join('\n')).toContain(
            '[matching-rules-active]'
        );
    });

    it('a setup script that deploys the duplicate rules before waiting for the matching rules', () => {
        const phase = script.slice(script.indexOf('# step: matching-rules-first'), script.indexOf('# step: force-app'));
        const broken = script.replace(phase, '').replace('# step: flows-active', `${phase}# step: flows-active`);
        const problems = out(project.files, { ...install, script: scriptCommands(broken) });
        expect(problems.join('\n')).toContain('lacks the step "--metadata-dir"');
    });

    it('a setup script that no longer reads the org duplicate rules', () => {
        const broken = cut(script, '# step: duplicate-rules', '# step: flows-active');
        expect(out(project.files, { ...install, script: scriptCommands(broken) }).join('\n')).toContain(
            '[standard-duplicate-rules] a DuplicateRule'
        );
    });

    it('a duplicate rule with a gap in its sort order', () => {
        const files = project.files.map((f) => {
            if (!f.rel.endsWith('Lead.Attribution_Leads_Matching_Contacts.duplicateRule-meta.xml')) return f;
            const xml = readFileSync(f.abs, 'utf8').replace(
                /<sortOrder>3<\/sortOrder>(\s*<\/DuplicateRule>)/,
                '<sortOrder>4</sortOrder>$1'
            );
            return { ...f, root: parseXml(xml) };
        });
        const problems = out(files);
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(
            /^unpackaged\/main\/default\/duplicateRules\/Lead\.Attribution_Leads_Matching_Contacts\.duplicateRule-meta\.xml:35: \[preconditions\] DuplicateRule\/sortOrder: \[standard-duplicate-rules\] Lead\.Attribution_Leads_Matching_Contacts: sortOrder 4, expected 3/
        );
    });

    it('an Install section that no longer names "Deploy processes and flows as active"', () => {
        const readmeInstall = (install.readmeInstall ?? '').replaceAll(
            'Deploy processes and flows as active',
            'deploy flows'
        );
        const problems = out(project.files, { ...install, readmeInstall });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toContain('README.md: [preconditions] [flows-active] a Flow with status Active');
    });

    it('an Install section that drops the fallback for orgs refusing the current-user condition', () => {
        const readmeInstall = (install.readmeInstall ?? '').replaceAll('Current User: Username', 'the user');
        expect(out(project.files, { ...install, readmeInstall })).toEqual([
            expect.stringContaining('README.md: [preconditions] [duplicate-rule-user-condition]')
        ]);
    });

    it('a scratch definition without "Require Validation for Converted Leads"', () => {
        const scratchDef = JSON.parse(readFileSync(join(REPO, 'config/project-scratch-def.json'), 'utf8')) as {
            settings: { leadConfigSettings: Record<string, unknown> };
        };
        delete scratchDef.settings.leadConfigSettings.shouldLeadConvertRequireValidation;
        expect(out(project.files, { ...install, scratchDef })).toEqual([
            expect.stringContaining(
                'config/project-scratch-def.json: [preconditions] [require-validation-on-convert] a validation rule or a record-triggered flow'
            )
        ]);
    });

    it('a new file of an org-dependent type that no precondition describes', () => {
        const rel = 'force-app/main/default/assignmentRules/Lead.assignmentRules-meta.xml';
        const file: MetadataFile = {
            rel,
            abs: join(REPO, rel),
            ignored: false,
            sdrType: 'AssignmentRules',
            fullName: 'Lead'
        };
        const problems = out([...project.files, file], install, (f) =>
            f === file ? '<AssignmentRules/>' : readFileSync(f.abs, 'utf8')
        );
        expect(problems).toEqual([
            `${rel}: [preconditions] AssignmentRules Lead assumes something of the org, but no precondition in src/verify/preconditions.ts describes it: add one, with the README text and setup-script step that handle it`
        ]);
    });

    it('a setup script without the field-history step, while the kit ships tracked fields', () => {
        const broken = cut(script, '# step: field-history', '# step: matching-rules-first');
        const problems = out(project.files, { ...install, script: scriptCommands(broken) });
        expect(problems).toHaveLength(1);
        expect(problems[0]).toContain(
            'scripts/org-init.sh: [preconditions] [field-history-enabled] a field with <trackHistory>true</trackHistory> ('
        );
        expect(problems[0]).toContain('lacks the step "FROM EntityDefinition"');
    });

    it('a setup script that checks field history only after deploying force-app', () => {
        const phase = script.slice(
            script.indexOf('# step: field-history'),
            script.indexOf('# step: matching-rules-first')
        );
        const broken = script.replace(phase, '').replace('# step: unpackaged-rest', `${phase}# step: unpackaged-rest`);
        expect(broken).not.toBe(script);
        const problems = out(project.files, { ...install, script: scriptCommands(broken) });
        expect(problems).toEqual([expect.stringContaining('[field-history-enabled]')]);
        expect(problems[0]).toContain('lacks the step "--source-dir force-app"');
    });

    it('an Install section that no longer says where history is switched on', () => {
        const readmeInstall = (install.readmeInstall ?? '').replaceAll('Set History Tracking', 'history settings');
        expect(out(project.files, { ...install, readmeInstall })).toEqual([
            expect.stringContaining(
                'README.md: [preconditions] [field-history-enabled] a field with <trackHistory>true</trackHistory>'
            )
        ]);
    });

    it('is triggered by the tracked fields: with trackHistory off everywhere, no history step is required', () => {
        const broken = cut(script, '# step: field-history', '# step: matching-rules-first');
        const untracked = (f: MetadataFile): string =>
            readFileSync(f.abs, 'utf8').replace(
                /<trackHistory>true<\/trackHistory>/g,
                '<trackHistory>false</trackHistory>'
            );
        expect(out(project.files, { ...install, script: scriptCommands(broken) }, untracked)).toEqual([]);
        const tracked = project.files.filter(
            (f) => f.sdrType === 'CustomField' && /<trackHistory>true</.test(readFileSync(f.abs, 'utf8'))
        );
        expect(tracked.map((f) => f.rel)).toContain(
            'unpackaged/main/default/objects/Lead/fields/LeadSource.field-meta.xml'
        );
        expect(tracked.map((f) => f.rel)).toContain(
            'force-app/main/default/objects/Opportunity/fields/Persona__c.field-meta.xml'
        );
    });

    it('a missing README or setup script', () => {
        const problems = out(project.files, {});
        expect(
            problems.some(
                (p) =>
                    p.startsWith('README.md: [preconditions] [flows-active]') && p.includes('no "## Install" section')
            )
        ).toBe(true);
        expect(
            problems.some((p) => p.startsWith('scripts/org-init.sh: [preconditions]') && p.includes('is missing'))
        ).toBe(true);
    });
});
