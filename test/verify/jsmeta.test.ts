import { describe, expect, it } from 'vitest';
import { checkJsMeta } from '../../src/verify/check-jsmeta.js';
import { parseXml } from '../../src/verify/xml.js';
import { DEFAULT, gate, lines, seeded } from './helpers.js';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const bundle = (body: string) => `<LightningComponentBundle ${NS}>\n${body}\n</LightningComponentBundle>`;
const good = `<apiVersion>66.0</apiVersion>
<isExposed>true</isExposed>
<targets><target>lightning__RecordPage</target><target>lightning__FlowScreen</target></targets>
<targetConfigs>
<targetConfig targets="lightning__RecordPage"><objects><object>Opportunity</object></objects></targetConfig>
<targetConfig targets="lightning__FlowScreen"><property name="recordId" type="String"/></targetConfig>
</targetConfigs>`;
const check = (body: string, api = '66.0') =>
    checkJsMeta(parseXml(bundle(body)), 'c.js-meta.xml', api).map((p) => `${p.line} ${p.path}: ${p.message}`);

describe('js-meta.xml check', () => {
    it('accepts a well-formed bundle', () => {
        expect(check(good)).toEqual([]);
    });

    it('rejects a wrong root, a missing or too new apiVersion and a non-boolean isExposed', () => {
        expect(checkJsMeta(parseXml(`<LightningComponent ${NS}/>`), 'c', '66.0')[0]?.message).toContain(
            'root element must be <LightningComponentBundle>'
        );
        expect(check(good.replace('<apiVersion>66.0</apiVersion>', ''))).toEqual([
            '1 LightningComponentBundle: required element <apiVersion> is missing'
        ]);
        expect(check(good.replace('66.0', '67.0'))).toEqual([
            "2 LightningComponentBundle/apiVersion: apiVersion 67.0 is above the project's sourceApiVersion 66.0"
        ]);
        expect(check(good.replace('<isExposed>true', '<isExposed>yes'))).toEqual([
            '3 LightningComponentBundle/isExposed: "yes" is not a boolean',
            '3 LightningComponentBundle/isExposed: a component with targets must set <isExposed>true</isExposed>'
        ]);
    });

    it('rejects unknown targets, undeclared targetConfig targets and objects outside record-page configs', () => {
        expect(check(good.replace('lightning__FlowScreen</target>', 'lightning__FlowScren</target>'))).toEqual([
            '4 LightningComponentBundle/targets/target: unknown target "lightning__FlowScren"',
            '7 LightningComponentBundle/targetConfigs/targetConfig[2]@targets: target "lightning__FlowScreen" is not declared in <targets>'
        ]);
        expect(
            check(good.replace('<property name="recordId" type="String"/>', '<objects><object>Lead</object></objects>'))
        ).toEqual([
            '7 LightningComponentBundle/targetConfigs/targetConfig[2]/objects: objects/object is only allowed for record-page targets, not lightning__FlowScreen'
        ]);
        expect(check(`${good}\n<bogus/>`)).toEqual(['9 LightningComponentBundle/bogus: unknown element <bogus>']);
    });

    it('runs on every bundle of a project and names the file', async () => {
        const file = `${DEFAULT}/lwc/labelUtils/labelUtils.js-meta.xml`;
        const dir = seeded([
            { file, from: '<target>lightning__AppPage</target>', to: '<target>lightning__AppPag</target>' }
        ]);
        expect(lines((await gate(dir)).filter((p) => p.check === 'js-meta'))).toEqual([
            `${file}:8 [js-meta] LightningComponentBundle/targets/target — unknown target "lightning__AppPag"`
        ]);
    });
});
