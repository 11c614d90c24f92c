import { describe, expect, it } from 'vitest';
import { loadSchema } from '../../src/verify/gate.js';
import { allElements, checkPrimitive } from '../../src/verify/schema-model.js';
import { validateDocument } from '../../src/verify/schema-validator.js';
import { parseXml, XmlParseError } from '../../src/verify/xml.js';
import { DEFAULT, DTS, gate, lines, seeded, WSDL } from './helpers.js';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const VR = `${DEFAULT}/objects/Opportunity/validationRules/Require_Primary_Campaign_Source.validationRule-meta.xml`;
const FLOW = `${DEFAULT}/flows/Opportunity_Contact_Role_Gate.flow-meta.xml`;
const FIELD = `${DEFAULT}/objects/Lead/fields/UTM_Source__c.field-meta.xml`;
const PERMSET = `${DEFAULT}/permissionsets/Attribution_Guardrails_Rep.permissionset-meta.xml`;
const RECORD = `${DEFAULT}/customMetadata/Attribution_Rules.Default.md-meta.xml`;

const sources = [...(WSDL ? [['WSDL', WSDL] as const] : []), ['d.ts', DTS] as const];

describe.each(sources)('schema model from %s', (_label, source) => {
    const model = loadSchema(source);
    const validate = (xml: string, expectedRoot?: string) =>
        validateDocument(model, parseXml(xml), 'x.xml', expectedRoot).map((p) => `${p.line}:${p.path}: ${p.message}`);

    it('puts inherited base-type elements first (Metadata.fullName before ValidationRule.active)', () => {
        const names = allElements(model, 'ValidationRule').map((e) => e.name);
        expect(names[0]).toBe('fullName');
        expect(names.indexOf('active')).toBeLessThan(names.indexOf('errorConditionFormula'));
        expect(names.indexOf('errorConditionFormula')).toBeLessThan(names.indexOf('errorMessage'));
    });

    it('accepts a well-formed validation rule and rejects each kind of structural defect', () => {
        const ok = `<ValidationRule ${NS}><fullName>R</fullName><active>true</active><errorConditionFormula>TRUE</errorConditionFormula><errorMessage>m</errorMessage></ValidationRule>`;
        expect(validate(ok, 'ValidationRule')).toEqual([]);
        expect(validate(ok.replace('<active>true</active>', ''))).toEqual([
            '1:ValidationRule: required element <active> is missing in ValidationRule'
        ]);
        expect(validate(ok.replace('true</active>', 'yes</active>'))).toEqual([
            '1:ValidationRule/active: "yes" is not a valid boolean'
        ]);
        expect(validate(ok.replace('<fullName>R</fullName>', '<fullName>R</fullName><bogus>1</bogus>'))).toEqual([
            '1:ValidationRule/bogus: unknown element <bogus> in ValidationRule'
        ]);
        expect(validate(ok, 'CustomField')[0]).toContain("does not match the file's metadata type CustomField");
        expect(validate(ok.replace(NS, ''))[0]).toContain('xmlns=');
    });

    it('reports enum values outside the simpleType restriction and repeated single elements', () => {
        const flow = (trigger: string) =>
            `<Flow ${NS}><label>F</label><start><locationX>0</locationX><locationY>0</locationY><triggerType>${trigger}</triggerType></start><status>Active</status><status>Draft</status></Flow>`;
        const out = validate(flow('Sometimes'));
        expect(out.some((l) => l.includes('Flow/start/triggerType: "Sometimes" is not a valid FlowTriggerType'))).toBe(
            true
        );
        expect(out.some((l) => l.includes('Flow/status[2]: element <status> is duplicated'))).toBe(true);
        expect(validate(flow('RecordBeforeSave')).filter((l) => l.includes('triggerType'))).toEqual([]);
    });

    it('checks primitive lexical forms', () => {
        expect(checkPrimitive('int', '12')).toBeUndefined();
        expect(checkPrimitive('int', '1.5')).toContain('not an int');
        expect(checkPrimitive('int', '99999999999')).toContain('out of the int range');
        expect(checkPrimitive('double', '-1.5e3')).toBeUndefined();
        expect(checkPrimitive('date', '2026-11-22')).toBeUndefined();
        expect(checkPrimitive('date', '22/11/2026')).toContain('not a valid date');
        expect(checkPrimitive('dateTime', '2026-11-22T10:00:00.000Z')).toBeUndefined();
        expect(checkPrimitive('temporal', 'tomorrow')).toContain('not a date');
        expect(checkPrimitive('number', 'ten')).toContain('not a number');
    });

    it('validates custom metadata record values by their xsi:type', () => {
        const record = (type: string, value: string) =>
            `<CustomMetadata ${NS} xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><label>D</label><values><field>N__c</field><value xsi:type="${type}">${value}</value></values><values><field>E__c</field><value xsi:nil="true"/></values></CustomMetadata>`;
        expect(validate(record('xsd:double', '30'))).toEqual([]);
        expect(validate(record('xsd:boolean', 'maybe'))).toEqual([
            '1:CustomMetadata/values[1]/value: "maybe" is not a valid boolean'
        ]);
        expect(validate(record('xsd:widget', '1'))[0]).toContain('unsupported xsi:type "xsd:widget"');
    });
});

describe('parsing', () => {
    it('reports malformed XML with its line', () => {
        expect(() => parseXml('<a>\n<b>\n</a>')).toThrow(XmlParseError);
        try {
            parseXml('<a>\n<b>\n</a>');
        } catch (err) {
            expect((err as XmlParseError).line).toBe(3);
        }
    });
});

describe('schema check on seeded-defect fixtures', () => {
    it('names file, line and element for each seeded structural defect', async () => {
        const dir = seeded([
            { file: VR, from: '<active>true</active>', to: '' },
            { file: VR, from: '<errorMessage>', to: '<active>true</active>\n    <errorMessage>' },
            {
                file: FLOW,
                from: '<triggerType>RecordBeforeSave</triggerType>',
                to: '<triggerType>BeforeSave</triggerType>'
            },
            { file: FIELD, from: '<length>255</length>', to: '<lenght>255</lenght>' },
            { file: PERMSET, from: '<label>Attribution Guardrails Rep</label>', to: '' },
            { file: RECORD, from: '<protected>false</protected>', to: '<protected>no</protected>' }
        ]);
        const schema = lines((await gate(dir)).filter((p) => p.check === 'schema'));
        const triggerTypes = loadSchema(WSDL ?? DTS).simpleTypes.get('FlowTriggerType')?.enumeration?.length;
        expect(schema).toEqual([
            `${RECORD}:7 [schema] CustomMetadata/protected — "no" is not a valid boolean`,
            `${FLOW}:85 [schema] Flow/start/triggerType — "BeforeSave" is not a valid FlowTriggerType value (allowed: ${triggerTypes} values)`,
            `${FIELD}:8 [schema] CustomField/lenght — unknown element <lenght> in CustomField`,
            `${VR}:14 [schema] ValidationRule/active — element <active> is out of order in ValidationRule: it must come before <errorDisplayField>`,
            `${PERMSET}:2 [schema] PermissionSet — required element <label> is missing in PermissionSet`
        ]);
    });

    it('reports a root element that does not match the type SDR infers from the file name', async () => {
        const dir = seeded([{ file: FIELD, from: /CustomField/g, to: 'ValidationRule' }]);
        const problems = lines((await gate(dir)).filter((p) => p.file === FIELD && p.check === 'schema'));
        expect(problems).toContain(
            `${FIELD}:2 [schema] ValidationRule — root element <ValidationRule> does not match the file's metadata type CustomField`
        );
    });

    it('reports metadata whose apiVersion is above sourceApiVersion, and a schema of another API version', async () => {
        const dir = seeded([
            { file: FLOW, from: '<apiVersion>66.0</apiVersion>', to: '<apiVersion>67.0</apiVersion>' },
            { file: 'sfdx-project.json', from: '"66.0"', to: '"65.0"' }
        ]);
        const schema = lines((await gate(dir)).filter((p) => p.check === 'schema'));
        expect(schema).toContain(
            `${FLOW}:3 [schema] Flow/apiVersion — apiVersion 67.0 is above the project's sourceApiVersion 65.0`
        );
        if (WSDL) {
            expect(schema).toContain(
                "sfdx-project.json:- [schema]  — sourceApiVersion 65.0 differs from the schema's API 66.0 (WSDL " +
                    `${WSDL.kind === 'wsdl' ? WSDL.path : ''} (API 66.0)): validate against the WSDL of the deploy version`
            );
        }
    });

    it('reports malformed XML with file and line instead of converting it silently', async () => {
        const dir = seeded([{ file: FIELD, from: '</label>', to: '' }]);
        const problems = lines((await gate(dir)).filter((p) => p.file === FIELD));
        expect(problems).toHaveLength(1);
        expect(problems[0]).toMatch(
            new RegExp(
                `^${FIELD.replace(/[.]/g, '\\.')}:\\d+ \\[schema\\]  — XML is not well-formed: .*unexpected close tag`
            )
        );
    });
});
