/** Prose about a permission set (its description, the README) claims nothing about custom metadata it does not grant. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
    claimsIn,
    CUSTOMIZE_APPLICATION,
    describedPermissionSets,
    grantsOf,
    unbackedClaims
} from '../../src/verify/permission-claims.js';
import { loadProject } from '../../src/verify/project.js';
import { parseXml } from '../../src/verify/xml.js';
import { DEFAULT, gate, lines, REPO, seeded } from './helpers.js';

const ADMIN = 'force-app/main/default/permissionsets/Attribution_Guardrails_Admin.permissionset-meta.xml';
const REP_FIXTURE = `${DEFAULT}/permissionsets/Attribution_Guardrails_Rep.permissionset-meta.xml`;
/** The README's sentence before this change (issue 7, item 9): the seeded defect. */
const OLD_README_ADMIN = 'edit everything, configure the custom metadata';

const adminGrants = grantsOf(parseXml(readFileSync(join(REPO, ADMIN), 'utf8')));
const names = loadProject(REPO)
    .files.filter((f) => f.sdrType === 'PermissionSet' && f.fullName)
    .map((f) => f.fullName ?? '');

describe('custom metadata claims', () => {
    it('reads write and read claims, and skips requirements and negations', () => {
        expect(claimsIn(OLD_README_ADMIN)).toEqual([
            { kind: 'write', phrase: 'configure the custom metadata', types: [] }
        ]);
        expect(
            claimsIn(
                'Edit fields and read the Attribution Rules and Persona Role Mapping custom metadata. No CMDT access.'
            )
        ).toEqual([
            {
                kind: 'read',
                phrase: 'read the Attribution Rules and Persona Role Mapping custom metadata',
                types: ['Attribution_Rules__mdt', 'Persona_Role_Mapping__mdt']
            }
        ]);
        expect(claimsIn('Changing the Default record needs Customize Application, which it does not grant.')).toEqual(
            []
        );
        expect(claimsIn('It cannot edit Attribution Rules; read-only UTM fields.')).toEqual([]);
    });

    it('the shipped admin set reads the rules but cannot change them', () => {
        expect(adminGrants.userPermissions.has(CUSTOMIZE_APPLICATION)).toBe(false);
        expect([...adminGrants.customMetadataTypes].sort()).toEqual([
            'Attribution_Rules__mdt',
            'Persona_Role_Mapping__mdt'
        ]);
        expect(unbackedClaims(OLD_README_ADMIN, adminGrants)).toEqual([
            '"configure the custom metadata" claims it can change custom metadata records, which needs the Customize Application user permission; the permission set does not grant it'
        ]);
        const withCustomize = { ...adminGrants, userPermissions: new Set([CUSTOMIZE_APPLICATION]) };
        expect(unbackedClaims(OLD_README_ADMIN, withCustomize)).toEqual([]);
        expect(
            unbackedClaims('read the Attribution Rules', { ...adminGrants, customMetadataTypes: new Set() })
        ).toEqual([
            '"read the Attribution Rules" claims read access the permission set does not grant (customMetadataTypeAccesses: Attribution_Rules__mdt)'
        ]);
    });

    it('the gate fails a permission set description that claims an edit it does not grant', async () => {
        const dir = seeded([
            {
                file: REP_FIXTURE,
                from: /<description>[^<]*<\/description>/,
                to: '<description>For reps: configure the Attribution Rules custom metadata.</description>'
            }
        ]);
        expect(lines((await gate(dir)).filter((p) => p.check === 'docs'))).toEqual([
            `${REP_FIXTURE}:11 [docs] PermissionSet/description — Attribution_Guardrails_Rep: "configure the Attribution Rules custom metadata" claims it can change custom metadata records, which needs the Customize Application user permission; the permission set does not grant it`
        ]);
    });
});

describe('what the repository says about its permission sets', () => {
    it('every shipped permission set description is backed by its grants', () => {
        for (const f of loadProject(REPO).files.filter((x) => x.sdrType === 'PermissionSet' && x.root)) {
            const root = f.root ?? parseXml('<x/>');
            const description = root.children.find((c) => c.name === 'description')?.text ?? '';
            expect(unbackedClaims(description, grantsOf(root)), f.rel).toEqual([]);
        }
    });

    function readmeProblems(markdown: string): string[] {
        const out: string[] = [];
        for (const [name, texts] of describedPermissionSets(markdown, names)) {
            const file = join(REPO, `force-app/main/default/permissionsets/${name}.permissionset-meta.xml`);
            const grants = grantsOf(parseXml(readFileSync(file, 'utf8')));
            for (const text of texts) out.push(...unbackedClaims(text, grants).map((m) => `${name}: ${m}`));
        }
        return out;
    }

    it('README.md: every sentence about a permission set is backed by its grants', () => {
        const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
        const described = describedPermissionSets(readme, names);
        expect([...described.keys()].sort()).toEqual([...names].sort());
        expect(readmeProblems(readme)).toEqual([]);
        // the seeded defect: the README's sentence before issue 7, item 9
        expect(
            readmeProblems(
                readme.replace(
                    /`Attribution_Guardrails_Admin` \([^)]*\)/,
                    `\`Attribution_Guardrails_Admin\` (${OLD_README_ADMIN})`
                )
            )
        ).toHaveLength(1);
    });

    it('the README permission-set row and docs/configuration.md claim only what the permission sets grant', () => {
        const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
        const row = /<!-- permission-sets-row -->\n([\s\S]*?)\n<!-- \/permission-sets-row -->/.exec(readme)?.[1] ?? '';
        expect(describedPermissionSets(row, names).get('Attribution_Guardrails_Admin')?.length).toBe(1);
        expect(readmeProblems(row)).toEqual([]);
        expect(readmeProblems(readFileSync(join(REPO, 'docs', 'configuration.md'), 'utf8'))).toEqual([]);
    });
});
