import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareEmit, judgeConvertedFiles } from '../../src/verify/check-packaging.js';
import { DEFAULT, gate, GOOD, lines, seeded } from './helpers.js';

const JS = `${DEFAULT}/lwc/labelUtils/labelUtils.js`;
const TS = `${DEFAULT}/lwc/labelUtils/labelUtils.ts`;
const packaging = async (dir: string) =>
    lines((await gate(dir, undefined, false)).filter((p) => p.check === 'packaging'));

describe('packaging check', () => {
    it('converts the good fixture with SDR and finds its committed LWC js equal to the tsc output', async () => {
        expect(await packaging(GOOD)).toEqual([]);
    });

    it('fails when the committed .js differs from what tsc emits, naming the first differing line', async () => {
        const dir = seeded([{ file: JS, from: 'Persona: ', to: 'Persona - ' }]);
        expect(await packaging(dir)).toEqual([
            `${JS}:3 [packaging]  — committed .js differs from tsc output (expected: "    return persona ? \`Persona: \${persona}\` : 'No persona';"); run npm run build:lwc`
        ]);
    });

    it('fails when the committed .js is missing and when the TypeScript does not compile', async () => {
        const missing = seeded([{ file: JS, to: '' }]);
        expect((await packaging(missing)).length).toBe(1);
        const broken = seeded([{ file: TS, from: 'persona: string | null | undefined', to: 'persona: Strin' }]);
        const out = await packaging(broken);
        expect(out[0]).toContain(`${TS}:2 [packaging]  — tsc TS2552: Cannot find name 'Strin'`);
        expect(out).toContain(
            'tsconfig.lwc-build.json:- [packaging]  — tsc emitted nothing (compile errors above); committed .js cannot be compared'
        );
    });

    it('fails when .forceignore no longer keeps TypeScript sources and tests out of the package', async () => {
        const dir = seeded([
            { file: '.forceignore', from: '**/lwc/**/*.ts\n', to: '' },
            { file: `${DEFAULT}/lwc/labelUtils/__tests__/labelUtils.test.js`, to: "test('x', () => {});\n" },
            { file: '.forceignore', from: '**/__tests__/**\n', to: '' }
        ]);
        expect(await packaging(dir)).toEqual([
            '<mdapi>/lwc/labelUtils/__tests__/labelUtils.test.js:- [packaging]  — test file survived conversion (.forceignore must exclude **/__tests__/**)',
            '<mdapi>/lwc/labelUtils/labelUtils.ts:- [packaging]  — TypeScript source survived conversion (.forceignore must exclude **/lwc/**/*.ts)'
        ]);
    });

    it('judges converted output: every bundle ships <name>.js', () => {
        expect(
            judgeConvertedFiles(['package.xml', 'lwc/a/a.html', 'lwc/a/a.js-meta.xml', 'lwc/b/b.js'], 'out')
        ).toEqual([{ check: 'packaging', file: 'out/lwc/a', message: 'LWC bundle a does not ship a.js' }]);
        expect(compareEmit('x.js', 'a\nb\n', 'a\nb\n')).toEqual([]);
        expect(compareEmit('x.js', 'a\nb\n', 'a\nc\n')[0]?.line).toBe(2);
    });

    it('names the file SDR cannot resolve (wrong suffix) and keeps checking the others', async () => {
        const dir = seeded([]);
        const field = `${DEFAULT}/objects/Lead/fields/UTM_Source__c`;
        renameSync(join(dir, `${field}.field-meta.xml`), join(dir, `${field}.feild-meta.xml`));
        const out = lines(await gate(dir, undefined, false));
        expect(out).toContain(
            `${field}.feild-meta.xml:2 [schema] CustomField — SDR cannot resolve this file: Could not infer a metadata type (wrong suffix or folder?)`
        );
        expect(out.find((l) => l.includes('[packaging]'))).toContain('SDR conversion failed: TypeInferenceError');
        // the other files were still resolved: the permission set now grants a field that no longer exists
        expect(
            out.some((l) =>
                l.includes('PermissionSet/fieldPermissions[2]/field — field Lead.UTM_Source__c does not exist')
            )
        ).toBe(true);
    });
});
