/**
 * Apex references a deploy must resolve: permission set class access, and LWC `@salesforce/apex` imports (class,
 * static @AuraEnabled method, cacheable when wired). Seeded on a copy of the good fixture.
 */
import { describe, expect, it } from 'vitest';
import { apexImports, auraMethods } from '../../src/verify/refs/check-apex-refs.js';
import { DEFAULT, gate, lines, seeded } from './helpers.js';

const CLS = `${DEFAULT}/classes/RulesController.cls`;
const META = `${CLS}-meta.xml`;
const TS = `${DEFAULT}/lwc/labelUtils/labelUtils.ts`;
const PERMSET = `${DEFAULT}/permissionsets/Attribution_Guardrails_Rep.permissionset-meta.xml`;

const APEX = `/** @description fixture */
public with sharing class RulesController {
    @AuraEnabled(cacheable=true)
    public static List<String> getRules() {
        return new List<String>();
    }
    @AuraEnabled
    public static void save(String value) {
    }
}
`;
const CLASS_META = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;
const withClass = [
    { file: CLS, to: APEX },
    { file: META, to: CLASS_META }
];

async function apexProblems(edits: Parameters<typeof seeded>[0]): Promise<string[]> {
    const problems = await gate(seeded([...withClass, ...edits]));
    return lines(problems.filter((p) => /Apex|@salesforce\/apex/.test(p.message)));
}

const importing = (statement: string, extra = '') => ({
    file: TS,
    from: /^/,
    to: `${statement}\n${extra}`
});

describe('Apex references', () => {
    it('accept a class access and a wired cacheable method of a project class', async () => {
        expect(
            await apexProblems([
                {
                    file: PERMSET,
                    from: '<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n',
                    to: '<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <classAccesses>\n        <apexClass>RulesController</apexClass>\n        <enabled>true</enabled>\n    </classAccesses>\n'
                },
                importing("import getRules from '@salesforce/apex/RulesController.getRules';", '// @wire(getRules)\n')
            ])
        ).toEqual([]);
    });

    it('reject an unknown class in a permission set, an unknown class or method, and a wired non-cacheable method', async () => {
        const out = await apexProblems([
            {
                file: PERMSET,
                from: '<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n',
                to: '<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">\n    <classAccesses>\n        <apexClass>RuleController</apexClass>\n        <enabled>true</enabled>\n    </classAccesses>\n'
            },
            importing(
                [
                    "import getRules from '@salesforce/apex/RuleController.getRules';",
                    "import fetch from '@salesforce/apex/RulesController.fetchRules';",
                    "import save from '@salesforce/apex/RulesController.save';"
                ].join('\n'),
                'class X { @wire(save) value; }\n'
            )
        ]);
        expect(out).toEqual([
            `${TS}:1 [references] lwc/labelUtils/labelUtils.ts — @salesforce/apex/RuleController.getRules: Apex class RuleController is not in the project`,
            `${TS}:2 [references] lwc/labelUtils/labelUtils.ts — @salesforce/apex/RulesController.fetchRules: RulesController has no static @AuraEnabled method fetchRules`,
            `${TS}:3 [references] lwc/labelUtils/labelUtils.ts — @salesforce/apex/RulesController.save: a wired Apex method must be @AuraEnabled(cacheable=true)`,
            `${PERMSET}:4 [references] PermissionSet/classAccesses/apexClass — Apex class RuleController is not in the project`
        ]);
    });

    it('reads Aura methods and apex imports', () => {
        expect(auraMethods(APEX)).toEqual([
            { name: 'getRules', cacheable: true },
            { name: 'save', cacheable: false }
        ]);
        expect(auraMethods('/* @AuraEnabled public static void x() */ public void y() {}')).toEqual([]);
        expect(
            apexImports(
                'a.ts',
                "import g from '@salesforce/apex/A.b';\nimport type { T } from '@salesforce/apex/A.c';\n@wire(g) x;"
            )
        ).toEqual([{ local: 'g', className: 'A', method: 'b', line: 1, wired: true }]);
    });
});
