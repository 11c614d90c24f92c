/**
 * sfdx-project.json agrees with the layout: every package directory exists, the packaged directory holds only types
 * the coverage list (src/install/package-coverage.ts) marks supported, the unpackaged directory is deployed by the
 * setup script, and no package alias is invented.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ComponentSet, type SourceComponent } from '@salesforce/source-deploy-retrieve';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutProblems, type PackageDir } from '../../src/install/package-coverage.js';
import { REPO } from '../verify/helpers.js';

function typesIn(dir: string): Set<string> {
    const types = new Set<string>();
    const walk = (cs: SourceComponent[]): void => {
        for (const c of cs) {
            types.add(c.type.name);
            walk(c.getChildren());
        }
    };
    walk(
        ComponentSet.fromSource({ fsPaths: [dir] })
            .getSourceComponents()
            .toArray()
    );
    return types;
}

function layout(root: string): string[] {
    const project = JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as {
        packageDirectories: PackageDir[];
        packageAliases?: Record<string, string>;
    };
    const existing = new Set(project.packageDirectories.map((d) => d.path).filter((p) => existsSync(join(root, p))));
    return layoutProblems({
        dirs: project.packageDirectories,
        aliases: project.packageAliases ?? {},
        existing,
        typesByDir: new Map([...existing].map((p) => [p, typesIn(join(root, p))])),
        script: readFileSync(join(root, 'scripts/org-init.sh'), 'utf8')
    });
}

const copies: string[] = [];
afterAll(() => {
    for (const d of copies) rmSync(d, { recursive: true, force: true });
});

/** A copy of the project's metadata directories and sfdx-project.json, changed by `edit`. */
function copy(edit: (root: string) => void): string {
    const root = mkdtempSync(join(tmpdir(), 'layout-'));
    copies.push(root);
    for (const p of ['force-app', 'unpackaged', 'demo-org', 'campaign-influence', 'sfdx-project.json', 'scripts']) {
        cpSync(join(REPO, p), join(root, p), { recursive: true });
    }
    edit(root);
    return root;
}

const projectJson = (root: string): Record<string, unknown> =>
    JSON.parse(readFileSync(join(root, 'sfdx-project.json'), 'utf8')) as Record<string, unknown>;

describe('sfdx-project.json and the layout', () => {
    it('agree: force-app is the package, unpackaged/ is deployed by the setup script, no alias invented', () => {
        expect(layout(REPO)).toEqual([]);
        const project = projectJson(REPO) as {
            packageDirectories: PackageDir[];
            packageAliases: Record<string, string>;
        };
        expect(project.packageDirectories.map((d) => [d.path, d.package ?? null])).toEqual([
            ['force-app', 'Attribution Guardrails'],
            ['unpackaged', null],
            ['campaign-influence', null],
            ['demo-org', null]
        ]);
        expect(project.packageAliases).toEqual({});
    });

    it('seeded defect: duplicate and matching rules back in the packaged directory', () => {
        const root = copy((r) => {
            cpSync(
                join(r, 'unpackaged/main/default/duplicateRules'),
                join(r, 'force-app/main/default/duplicateRules'),
                { recursive: true }
            );
            cpSync(join(r, 'unpackaged/main/default/matchingRules'), join(r, 'force-app/main/default/matchingRules'), {
                recursive: true
            });
        });
        expect(layout(root)).toEqual([
            'force-app: holds DuplicateRule (unverified for unlocked packages: row not confirmed offline; in a package it races its matching rules (cli#1698); deployed from unpackaged/ by scripts/org-init.sh); move it to a directory without "package"',
            'force-app: holds MatchingRule (unverified for unlocked packages: row not confirmed offline; deployed from unpackaged/ first, then awaited); move it to a directory without "package"',
            'force-app: holds MatchingRules (unverified for unlocked packages: container of MatchingRule, same as MatchingRule); move it to a directory without "package"'
        ]);
    });

    it('seeded defect: a package directory that does not exist, and an invented alias', () => {
        const root = copy((r) => {
            const project = projectJson(r) as {
                packageDirectories: PackageDir[];
                packageAliases: Record<string, string>;
            };
            project.packageDirectories.push({ path: 'extras' });
            project.packageAliases = { 'Attribution Guardrails': 'TODO' };
            writeFileSync(join(r, 'sfdx-project.json'), JSON.stringify(project));
        });
        expect(layout(root)).toEqual([
            'sfdx-project.json: package directory "extras" does not exist',
            'sfdx-project.json: packageAliases["Attribution Guardrails"] = "TODO" is not a package (0Ho…) or version (04t…) Id'
        ]);
    });

    it('seeded defect: org settings in the package, and an unpackaged directory the script never deploys', () => {
        const root = copy((r) => {
            cpSync(join(r, 'demo-org/main/default/settings'), join(r, 'force-app/main/default/settings'), {
                recursive: true
            });
            const script = join(r, 'scripts/org-init.sh');
            writeFileSync(
                script,
                readFileSync(script, 'utf8').replaceAll('--source-dir unpackaged', '--source-dir elsewhere')
            );
        });
        expect(layout(root)).toEqual([
            'force-app: holds Settings (unsupported for unlocked packages: org settings belong in the scratch definition or demo-org/, never a package); move it to a directory without "package"',
            'unpackaged: not in the package and scripts/org-init.sh never deploys it (--source-dir unpackaged…)'
        ]);
    });
});
