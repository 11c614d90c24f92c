/**
 * Rule values come from Attribution_Rules__mdt only: the gate fails on a literal stage, Lead Source or status in a
 * validation rule formula, a flow, an LWC's source, an LWC design attribute or a FlexiPage component property. Each
 * seeded defect below is a shape the project really had (the Closed Lost literal of Require_Primary_Campaign_Source,
 * the opportunity card's App Builder properties and their defaults).
 */
import { describe, expect, it } from 'vitest';
import { formulaTextLiterals, sourceStringLiterals } from '../../src/verify/refs/check-rule-literals.js';
import { DEFAULT, gate, GOOD, lines, seeded } from './helpers.js';

const VR = `${DEFAULT}/objects/Opportunity/validationRules/Require_Primary_Campaign_Source.validationRule-meta.xml`;
const FLOW = `${DEFAULT}/flows/Opportunity_Contact_Role_Gate.flow-meta.xml`;
const META = `${DEFAULT}/lwc/labelUtils/labelUtils.js-meta.xml`;
const TS = `${DEFAULT}/lwc/labelUtils/labelUtils.ts`;
const PAGE = `${DEFAULT}/flexipages/Lead_Fixture_Page.flexipage-meta.xml`;
const ADVICE_OUTBOUND =
    'rule values live in Attribution_Rules__mdt only (it is listed in Attribution_Rules__mdt.Default.Exempt_Lead_Sources__c)';

async function literalProblems(edits: Parameters<typeof seeded>[0]): Promise<string[]> {
    const problems = await gate(seeded(edits));
    return lines(problems.filter((p) => /^literal "|^mirrors /.test(p.message)));
}

describe('rule literals', () => {
    it('the good fixture and its Default-record reading rule pass', async () => {
        expect(lines((await gate(GOOD)).filter((p) => /^literal "|^mirrors /.test(p.message)))).toEqual([]);
    });

    it('fails on a stage literal in a validation rule formula (the old Closed Lost exemption)', async () => {
        expect(
            await literalProblems([
                {
                    file: VR,
                    from: "NOT(ISPICKVAL(Persona__c, 'Champion'))",
                    to: 'NOT(ISPICKVAL(StageName, "Closed Lost"))'
                }
            ])
        ).toEqual([
            `${VR}:6 [references] ValidationRule/errorConditionFormula — literal "Closed Lost" compared with Opportunity.StageName: rule values live in Attribution_Rules__mdt only (add a field to Attribution_Rules__mdt and a value to the Default record)`
        ]);
    });

    it('fails on a rule value hidden in a literal list, and names the Default record field that holds it', async () => {
        expect(
            await literalProblems([
                {
                    file: VR,
                    from: 'NOT(CONTAINS($CustomMetadata.Attribution_Rules__mdt.Default.Exempt_Lead_Sources__c, TEXT(LeadSource)))',
                    to: 'NOT(CONTAINS(&quot;Outbound;Partner Referral&quot;, TEXT(LeadSource)))'
                }
            ])
        ).toEqual([
            `${VR}:6 [references] ValidationRule/errorConditionFormula — literal "Outbound" in a validation rule formula: ${ADVICE_OUTBOUND}`,
            `${VR}:6 [references] ValidationRule/errorConditionFormula — literal "Partner Referral" in a validation rule formula: rule values live in Attribution_Rules__mdt only (add a field to Attribution_Rules__mdt and a value to the Default record)`
        ]);
    });

    it('fails on a flow decision comparing a governed field with a literal, and on a rule value in a flow formula', async () => {
        const out = await literalProblems([
            {
                file: FLOW,
                from: '<leftValueReference>$Record.Persona__c</leftValueReference>\n                <operator>NotEqualTo</operator>\n                <rightValue>\n                    <stringValue>Influencer</stringValue>',
                to: '<leftValueReference>$Record.StageName</leftValueReference>\n                <operator>NotEqualTo</operator>\n                <rightValue>\n                    <stringValue>Negotiation</stringValue>'
            },
            {
                file: FLOW,
                from: "ISPICKVAL({!$Record.Persona__c}, 'Champion')",
                to: "ISPICKVAL({!$Record.LeadSource}, 'Outbound')"
            }
        ]);
        expect(out).toEqual([
            `${FLOW}:35 [references] Flow/…/conditions/rightValue — literal "Negotiation" compared with Opportunity.StageName: rule values live in Attribution_Rules__mdt only (add a field to Attribution_Rules__mdt and a value to the Default record)`,
            expect.stringMatching(
                new RegExp(
                    `^${FLOW}:48 \\[references\\] .* — literal "Outbound" compared with Opportunity\\.LeadSource: `
                )
            )
        ]);
    });

    it('fails on a rule value in LWC source, in a design attribute and in a FlexiPage property', async () => {
        const out = await literalProblems([
            { file: TS, from: /$/, to: "\nexport const SALES_SOURCE = 'Outbound';\n" },
            {
                file: META,
                from: 'description="Title shown on the card (a display setting, not a rule value)."',
                to: 'description="Keep in sync with Exempt_Lead_Sources__c on the Attribution_Rules__mdt Default record."'
            },
            {
                file: PAGE,
                from: '        <name>main</name>',
                to: [
                    '        <itemInstances>',
                    '            <componentInstance>',
                    '                <componentInstanceProperties>',
                    '                    <name>cardTitle</name>',
                    '                    <value>Web;Outbound</value>',
                    '                </componentInstanceProperties>',
                    '                <componentName>labelUtils</componentName>',
                    '            </componentInstance>',
                    '        </itemInstances>',
                    '        <name>main</name>'
                ].join('\n')
            }
        ]);
        expect(out).toEqual([
            `${PAGE}:25 [references] FlexiPage/…/componentInstance[labelUtils]/componentInstanceProperties[cardTitle] — literal "Outbound" set on a project component in a FlexiPage: ${ADVICE_OUTBOUND}`,
            `${PAGE}:25 [references] FlexiPage/…/componentInstance[labelUtils]/componentInstanceProperties[cardTitle] — literal "Web" set on a project component in a FlexiPage: rule values live in Attribution_Rules__mdt only (add a field to Attribution_Rules__mdt and a value to the Default record)`,
            `${META}:13 [references] LightningComponentBundle/targetConfigs/targetConfig/property[cardTitle] — mirrors Exempt_Lead_Sources__c on Attribution_Rules__mdt.Default: a design attribute is a second copy of a rule value; read the rules through AttributionRulesController.getRules instead`,
            `${TS}:6 [references] lwc/labelUtils/labelUtils.ts — literal "Outbound" in LWC source: ${ADVICE_OUTBOUND}`
        ]);
    });

    it('fails on a design attribute default that is a rule value', async () => {
        expect(
            await literalProblems([{ file: META, from: 'default="Attribution"', to: 'default="Outbound"' }])
        ).toEqual([
            `${META}:13 [references] LightningComponentBundle/targetConfigs/targetConfig/property[cardTitle]@default — literal "Outbound" as a design attribute default: ${ADVICE_OUTBOUND}`
        ]);
    });
});

describe('literal extraction', () => {
    it('finds every text literal of a formula, merge fields unwrapped', () => {
        expect(formulaTextLiterals('AND(ISPICKVAL({!$Record.StageName}, "Closed Lost"), CONTAINS("a;b", x))')).toEqual([
            'Closed Lost',
            'a;b'
        ]);
        expect(formulaTextLiterals('AND(')).toEqual([]);
    });

    it('finds string and template literals of a module with their lines, not import specifiers', () => {
        const source = "import x from 'c/attributionUtils';\nconst a = 'Outbound';\nconst b = `Closed Lost`;\n";
        expect(sourceStringLiterals('m.ts', source)).toEqual([
            { value: 'Outbound', line: 2 },
            { value: 'Closed Lost', line: 3 }
        ]);
    });
});
