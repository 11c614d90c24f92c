/**
 * The WSDL and the @salesforce/types d.ts must give the same verdicts on the project's kind of metadata.
 * Known differences (d.ts 1.9.0 vs WSDL v66) are asserted explicitly at the end so a change in either is noticed.
 */
import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../src/verify/gate.js';
import { allElements } from '../../src/verify/schema-model.js';
import type { Problem } from '../../src/verify/problems.js';
import { DEFAULT, DTS, gate, GOOD, REPO, seeded, WSDL } from './helpers.js';

const verdicts = (problems: readonly Problem[]) =>
    problems.filter((p) => p.check === 'schema').map((p) => `${p.file}:${p.line ?? '-'} ${p.path ?? ''}`);

const FLOW = `${DEFAULT}/flows/Opportunity_Contact_Role_Gate.flow-meta.xml`;
const VR = `${DEFAULT}/objects/Opportunity/validationRules/Require_Primary_Campaign_Source.validationRule-meta.xml`;
const GVS = `${DEFAULT}/globalValueSets/Persona.globalValueSet-meta.xml`;

describe.skipIf(!WSDL)('WSDL and d.ts schema sources', () => {
    it('agree on the good fixture (no schema problems) and on seeded defects', async () => {
        const dir = seeded([
            { file: VR, from: '<errorDisplayField>', to: '<errorDisplayFeld>' },
            { file: VR, from: '</errorDisplayField>', to: '</errorDisplayFeld>' },
            { file: FLOW, from: '<status>Active</status>', to: '<status>Enabled</status>' },
            { file: FLOW, from: '<label>Opportunity Contact Role Gate</label>', to: '' },
            { file: FLOW, from: '<locationX>176</locationX>', to: '<locationX>left</locationX>' },
            { file: GVS, from: '<sorted>false</sorted>', to: '' },
            { file: GVS, from: /(<customValue>)/, to: '<sorted>false</sorted>\n    $1' }
        ]);
        const [goodW, goodD, badW, badD] = await Promise.all([
            gate(GOOD, WSDL),
            gate(GOOD, DTS),
            gate(dir, WSDL),
            gate(dir, DTS)
        ]);
        expect(verdicts(goodW)).toEqual([]);
        expect(verdicts(goodD)).toEqual([]);
        expect(badW.filter((p) => p.check === 'schema').map((p) => p.message)).toEqual([
            'required element <label> is missing in Flow',
            '"left" is not an int',
            '"Enabled" is not a valid FlowVersionStatus value (allowed: Active, Draft, Obsolete, InvalidDraft, UnderReview)',
            'element <sorted> is out of order in GlobalValueSet: it must come after <customValue>',
            'unknown element <errorDisplayFeld> in ValidationRule'
        ]);
        expect(verdicts(badD)).toEqual(verdicts(badW));
    });

    it('agree on every metadata file of the repository, up to documented d.ts gaps', async () => {
        const w = (await gate(REPO, WSDL)).filter((p) => p.check === 'schema');
        const d = (await gate(REPO, DTS)).filter((p) => p.check === 'schema');
        const wsdl = loadSchema(WSDL ?? DTS);
        const key = (p: Problem) => `${p.file}:${p.line ?? '-'} ${p.path ?? ''}`;
        const wsdlKeys = new Set(w.map(key));
        /** A d.ts-only verdict the WSDL explains: an element, enum value or optionality the d.ts does not know. */
        const dtsGap = (p: Problem): boolean => {
            const unknown = /^unknown element <(\w+)> in (\w+)$/.exec(p.message);
            if (unknown) return allElements(wsdl, unknown[2] ?? '').some((e) => e.name === unknown[1]);
            const badEnum = /^"(.*)" is not a valid (\w+) value/.exec(p.message);
            if (badEnum)
                return wsdl.simpleTypes.get(badEnum[2] ?? '')?.enumeration?.includes(badEnum[1] ?? '') ?? false;
            const missing = /^required element <(\w+)> is missing in (\w+)$/.exec(p.message);
            if (missing)
                return allElements(wsdl, missing[2] ?? '').some((e) => e.name === missing[1] && e.minOccurs === 0);
            return false;
        };
        expect(d.filter((p) => !wsdlKeys.has(key(p)) && !dtsGap(p)).map(key)).toEqual([]);
    });

    it('differ on a valid v66 element the d.ts does not know', async () => {
        const dir = seeded([
            {
                file: VR,
                from: '</errorMessage>',
                to: '</errorMessage>\n    <shouldEvaluateOnClient>false</shouldEvaluateOnClient>'
            }
        ]);
        expect(verdicts(await gate(dir, WSDL))).toEqual([]);
        expect((await gate(dir, DTS)).filter((p) => p.check === 'schema').map((p) => p.message)).toEqual([
            'unknown element <shouldEvaluateOnClient> in ValidationRule'
        ]);
    });

    it('differ where the d.ts curates the WSDL (documented differences)', () => {
        const w = loadSchema(WSDL ?? DTS);
        const d = loadSchema(DTS);
        const names = (m: typeof w, t: string) => allElements(m, t).map((e) => e.name);
        // the d.ts drops Metadata.module and ValidationRule.shouldEvaluateOnClient
        expect(names(w, 'ValidationRule')).toContain('shouldEvaluateOnClient');
        expect(names(d, 'ValidationRule')).not.toContain('shouldEvaluateOnClient');
        // the d.ts declares repeated elements as required arrays; the WSDL says minOccurs=0 (loader treats arrays as optional)
        expect(allElements(d, 'Flow').find((e) => e.name === 'customErrors')?.minOccurs).toBe(0);
        // CustomMetadataValue.value is required (nillable) in the WSDL, optional in the d.ts
        expect(allElements(w, 'CustomMetadataValue').find((e) => e.name === 'value')?.minOccurs).toBe(1);
        expect(allElements(d, 'CustomMetadataValue').find((e) => e.name === 'value')?.minOccurs).toBe(0);
        // the d.ts cannot tell int from double
        expect(allElements(w, 'FlowNode').find((e) => e.name === 'locationX')?.type).toEqual({
            kind: 'primitive',
            name: 'int'
        });
        expect(allElements(d, 'FlowNode').find((e) => e.name === 'locationX')?.type).toEqual({
            kind: 'primitive',
            name: 'number'
        });
    });
});
