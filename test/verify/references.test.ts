import { describe, expect, it } from 'vitest';
import { DEFAULT, gate, GOOD, lines, seeded } from './helpers.js';

const VR = `${DEFAULT}/objects/Opportunity/validationRules/Require_Primary_Campaign_Source.validationRule-meta.xml`;
const FLOW = `${DEFAULT}/flows/Opportunity_Contact_Role_Gate.flow-meta.xml`;
const PERMSET = `${DEFAULT}/permissionsets/Attribution_Guardrails_Rep.permissionset-meta.xml`;
const CHAMPION = `${DEFAULT}/customMetadata/Persona_Role_Mapping.Champion.md-meta.xml`;
const RULES = `${DEFAULT}/customMetadata/Attribution_Rules.Default.md-meta.xml`;
const LEAD_PERSONA = `${DEFAULT}/objects/Lead/fields/Persona__c.field-meta.xml`;
const UTM = `${DEFAULT}/objects/Lead/fields/UTM_Source__c.field-meta.xml`;
const CONVERT = 'demo-org/main/default/settings/LeadConvert.settings-meta.xml';

/** Reference problems, without the LWC design-attribute ones. */
async function refs(edits: Parameters<typeof seeded>[0]): Promise<string[]> {
    const problems = (await gate(seeded(edits))).filter((p) => p.check === 'references');
    return lines(problems.filter((p) => !p.path?.startsWith('LightningComponentBundle/')));
}

describe('reference checks', () => {
    it('pass on the good fixture', async () => {
        expect(lines(await gate(GOOD))).toEqual([]);
    });

    it('resolve validation-rule formula identifiers, $Permission, $CustomMetadata, cross-object paths and errorDisplayField', async () => {
        const out = await refs([
            { file: VR, from: 'ISBLANK(CampaignId)', to: 'ISBLANK(CampaignIdd)' },
            { file: VR, from: '$Permission.Attribution_Guardrails_Bypass', to: '$Permission.No_Such_Permission' },
            { file: VR, from: 'Attribution_Rules__mdt.Default.', to: 'Attribution_Rules__mdt.Missing.' },
            { file: VR, from: 'Account.Name', to: 'Acount.Name' },
            { file: VR, from: '$User.Username', to: '$User.UserName__c' },
            { file: VR, from: '<errorDisplayField>CampaignId', to: '<errorDisplayField>Campaign' }
        ]);
        expect(out).toEqual([
            `${VR}:6 [references] ValidationRule/errorConditionFormula — $CustomMetadata.Attribution_Rules__mdt.Missing.Exempt_Lead_Sources__c: custom metadata record Attribution_Rules.Missing does not exist`,
            `${VR}:6 [references] ValidationRule/errorConditionFormula — $Permission.No_Such_Permission: custom permission No_Such_Permission is not defined in the project`,
            `${VR}:6 [references] ValidationRule/errorConditionFormula — $User.UserName__c: field User.UserName__c does not exist in the project or standard-fields.json`,
            `${VR}:6 [references] ValidationRule/errorConditionFormula — Acount.Name: Opportunity has no relationship Acount (known to the project or standard-fields.json)`,
            `${VR}:6 [references] ValidationRule/errorConditionFormula — CampaignIdd: field Opportunity.CampaignIdd does not exist in the project or standard-fields.json`,
            `${VR}:13 [references] ValidationRule/errorDisplayField — field Opportunity.Campaign does not exist in the project or standard-fields.json`
        ]);
    });

    it('report formulas that do not parse', async () => {
        const out = await refs([{ file: VR, from: 'ISBLANK(CampaignId),', to: 'ISBLANK(CampaignId),,' }]);
        expect(out).toEqual([
            `${VR}:6 [references] ValidationRule/errorConditionFormula — formula does not parse (SyntaxError: Syntax error.)`
        ]);
    });

    it('resolve flow objects, filters, queried fields, $Record paths, formulas, fieldSelection and connectors', async () => {
        const out = await refs([
            { file: FLOW, from: '<field>OpportunityId</field>', to: '<field>Opportunity_Id</field>' },
            { file: FLOW, from: '<queriedFields>Role</queriedFields>', to: '<queriedFields>Rolle</queriedFields>' },
            {
                file: FLOW,
                from: '<leftValueReference>$Record.Persona__c',
                to: '<leftValueReference>$Record.Persona_Typo__c'
            },
            { file: FLOW, from: '<fieldSelection>StageName', to: '<fieldSelection>Stage' },
            { file: FLOW, from: 'NOT({!$Record.IsClosed})', to: 'NOT({!$Record.Closed})' },
            {
                file: FLOW,
                from: '<targetReference>Has_Contact_Role</targetReference>',
                to: '<targetReference>Has_Role</targetReference>'
            }
        ]);
        expect(out).toEqual([
            `${FLOW}:11 [references] Flow/customErrors/customErrorMessages/fieldSelection — field Opportunity.Stage does not exist in the project or standard-fields.json`,
            `${FLOW}:32 [references] Flow/…/conditions/leftValueReference — $Record.Persona_Typo__c: field Opportunity.Persona_Typo__c does not exist in the project or standard-fields.json`,
            `${FLOW}:59 [references] Flow/…/connector/targetReference — connector targets Has_Role, which is not an element of this flow`,
            `${FLOW}:63 [references] Flow/recordLookups[Get_Contact_Role]/filters/field — field OpportunityContactRole.Opportunity_Id does not exist in the project or standard-fields.json`,
            `${FLOW}:72 [references] Flow/recordLookups[Get_Contact_Role]/queriedFields — field OpportunityContactRole.Rolle does not exist in the project or standard-fields.json`,
            `${FLOW}:82 [references] Flow/start/filterFormula — $Record.Closed: field Opportunity.Closed does not exist in the project or standard-fields.json`
        ]);
    });

    it('resolve resource references anywhere in a flow and sObject variable types', async () => {
        const out = await refs([
            {
                file: FLOW,
                from: '    <status>Active</status>',
                to: [
                    '    <status>Active</status>',
                    '    <variables>',
                    '        <name>Role_Copy</name>',
                    '        <dataType>SObject</dataType>',
                    '        <isCollection>false</isCollection>',
                    '        <isInput>false</isInput>',
                    '        <isOutput>false</isOutput>',
                    '        <objectType>OpportunityContactRoles</objectType>',
                    '    </variables>',
                    '    <actionCalls>',
                    '        <name>Notify</name>',
                    '        <inputParameters>',
                    '            <name>recordId</name>',
                    '            <value>',
                    '                <elementReference>Get_Contact_Role.Rol</elementReference>',
                    '            </value>',
                    '        </inputParameters>',
                    '    </actionCalls>'
                ].join('\n')
            }
        ]);
        expect(out).toEqual([
            `${FLOW}:94 [references] Flow/variables[Role_Copy]/objectType — object OpportunityContactRoles is neither in the project nor in standard-fields.json`,
            `${FLOW}:101 [references] Flow/actionCalls[Notify]/…/elementReference — Get_Contact_Role.Rol: field OpportunityContactRole.Rol does not exist in the project or standard-fields.json`
        ]);
    });

    it('require apiVersion ≥ 59 for flows with customErrors and a known trigger object', async () => {
        const out = await refs([
            { file: FLOW, from: '<apiVersion>66.0</apiVersion>', to: '<apiVersion>58.0</apiVersion>' },
            { file: FLOW, from: '<object>Opportunity</object>', to: '<object>Opportunities</object>' }
        ]);
        expect(out).toEqual([
            `${FLOW}:3 [references] Flow/apiVersion — flows with customErrors need apiVersion ≥ 59.0 (found 58.0)`,
            `${FLOW}:83 [references] Flow/start/object — object Opportunities is neither in the project nor in standard-fields.json`
        ]);
    });

    it('check permission-set entries and that every custom field is granted somewhere', async () => {
        const out = await refs([
            {
                file: PERMSET,
                from: /<fieldPermissions>\s*<editable>true<\/editable>\s*<field>Lead.UTM_Source__c<\/field>\s*<readable>true<\/readable>\s*<\/fieldPermissions>/,
                to: ''
            },
            {
                file: PERMSET,
                from: '<field>Opportunity.Persona__c</field>',
                to: '<field>Opportunity.Persona_Old__c</field>'
            },
            { file: PERMSET, from: '<name>Attribution_Guardrails_Bypass</name>', to: '<name>Bypass</name>' },
            { file: PERMSET, from: '<name>Attribution_Rules__mdt</name>', to: '<name>Attribution_Rule__mdt</name>' },
            { file: PERMSET, from: '<object>Lead</object>', to: '<object>Leads</object>' }
        ]);
        expect(out).toEqual([
            `${UTM}:2 [references] CustomField — custom field Lead.UTM_Source__c is not granted (readable) in any permission set`,
            `${DEFAULT}/objects/Opportunity/fields/Persona__c.field-meta.xml:2 [references] CustomField — custom field Opportunity.Persona__c is not granted (readable) in any permission set`,
            `${PERMSET}:5 [references] PermissionSet/customMetadataTypeAccesses[1]/name — custom metadata type Attribution_Rule__mdt is not defined in the project`,
            `${PERMSET}:9 [references] PermissionSet/customPermissions[1]/name — custom permission Bypass is not defined in the project`,
            `${PERMSET}:20 [references] PermissionSet/fieldPermissions[2]/field — field Opportunity.Persona_Old__c does not exist in the project or standard-fields.json`,
            `${PERMSET}:31 [references] PermissionSet/objectPermissions[1]/object — object Leads is neither in the project nor in standard-fields.json`
        ]);
    });

    it('check custom metadata record fields and lead-convert mappings', async () => {
        const out = await refs([
            { file: RULES, from: '<field>Exempt_Lead_Sources__c</field>', to: '<field>Exempt_Sources__c</field>' },
            {
                file: CONVERT,
                from: '<outputField>Persona__c</outputField>',
                to: '<outputField>Buyer_Persona__c</outputField>'
            }
        ]);
        expect(out).toEqual([
            `${CONVERT}:8 [references] LeadConvertSettings/objectMapping[1]/mappingFields[1]/outputField — field Opportunity.Buyer_Persona__c does not exist in the project or standard-fields.json`,
            `${RULES}:9 [references] CustomMetadata/values[1]/field — field Attribution_Rules__mdt.Exempt_Sources__c does not exist`
        ]);
    });
});

describe('layouts', () => {
    it('resolve layout fields on the layout object', async () => {
        const LAYOUT = `${DEFAULT}/layouts/Lead-Lead Layout.layout-meta.xml`;
        const layout = (field: string) => ({
            file: LAYOUT,
            to: [
                '<?xml version="1.0" encoding="UTF-8"?>',
                '<Layout xmlns="http://soap.sforce.com/2006/04/metadata">',
                '    <layoutSections>',
                '        <customLabel>true</customLabel>',
                '        <detailHeading>true</detailHeading>',
                '        <editHeading>true</editHeading>',
                '        <label>Attribution</label>',
                '        <layoutColumns>',
                '            <layoutItems>',
                '                <behavior>Edit</behavior>',
                `                <field>${field}</field>`,
                '            </layoutItems>',
                '        </layoutColumns>',
                '        <style>TwoColumnsTopToBottom</style>',
                '    </layoutSections>',
                '</Layout>',
                ''
            ].join('\n')
        });
        expect(lines(await gate(seeded([layout('UTM_Source__c')])))).toEqual([]);
        expect(await refs([layout('UTM_Sourc__c')])).toEqual([
            `${LAYOUT}:11 [references] Layout/layoutSections/layoutColumns/layoutItems/field — field Lead.UTM_Sourc__c does not exist in the project or standard-fields.json`
        ]);
    });
});

describe('lead-convert mappings', () => {
    it('map custom lead fields only, onto fields of the same type and value set', async () => {
        const out = await refs([
            { file: CONVERT, from: '<inputField>Persona__c</inputField>', to: '<inputField>UTM_Source__c</inputField>' }
        ]);
        expect(out).toEqual([
            `${CONVERT}:8 [references] LeadConvertSettings/objectMapping[1]/mappingFields[1]/outputField — Lead.UTM_Source__c → Opportunity.Persona__c: types differ (Text vs Picklist)`
        ]);
        expect(
            await refs([
                {
                    file: CONVERT,
                    from: '<inputField>Persona__c</inputField>',
                    to: '<inputField>LeadSource</inputField>'
                }
            ])
        ).toEqual([
            `${CONVERT}:7 [references] LeadConvertSettings/objectMapping[1]/mappingFields[1]/inputField — LeadSource is a standard field: lead conversion maps standard fields natively, only custom lead fields belong here`
        ]);
    });
});

describe('duplicate and matching rules', () => {
    it('resolve matching-rule fields and the matching rule a duplicate rule uses', async () => {
        const MATCH = `${DEFAULT}/matchingRules/Lead.matchingRule-meta.xml`;
        const DUP = `${DEFAULT}/duplicateRules/Lead.Leads_By_Email.duplicateRule-meta.xml`;
        const out = await refs([
            { file: MATCH, from: '<fieldName>Email</fieldName>', to: '<fieldName>EMail</fieldName>' },
            { file: DUP, from: '<matchingRule>Lead_Email</matchingRule>', to: '<matchingRule>Lead_Mail</matchingRule>' }
        ]);
        expect(out).toEqual([
            `${DUP}:10 [references] DuplicateRule/duplicateRuleMatchRules/matchingRule — matching rule Lead.Lead_Mail is not defined in the project`,
            `${MATCH}:9 [references] MatchingRules/matchingRules/matchingRuleItems/fieldName — field Lead.EMail does not exist in the project or standard-fields.json`
        ]);
    });
});

describe('FlexiPage references', () => {
    it('resolve field instances and visibility-rule fields on the page object', async () => {
        const PAGE = `${DEFAULT}/flexipages/Lead_Fixture_Page.flexipage-meta.xml`;
        const out = await refs([
            { file: PAGE, from: '<fieldItem>Record.UTM_Source__c', to: '<fieldItem>Record.UTM_Src__c' },
            { file: PAGE, from: '{!Record.Persona__c}', to: '{!Record.Persona}' }
        ]);
        expect(out).toEqual([
            `${PAGE}:11 [references] FlexiPage/…/fieldInstance/fieldItem — field Lead.UTM_Src__c does not exist in the project or standard-fields.json`,
            `${PAGE}:15 [references] FlexiPage/…/visibilityRule/criteria/leftValue — field Lead.Persona does not exist in the project or standard-fields.json`
        ]);
    });
});

describe('FlexiPage components', () => {
    const PAGE = `${DEFAULT}/flexipages/Lead_Fixture_Page.flexipage-meta.xml`;
    const place = (component: string, property: string) => ({
        file: PAGE,
        from: '        <name>main</name>',
        to: [
            '        <itemInstances>',
            '            <componentInstance>',
            '                <componentInstanceProperties>',
            `                    <name>${property}</name>`,
            '                    <value>Attribution</value>',
            '                </componentInstanceProperties>',
            `                <componentName>${component}</componentName>`,
            '            </componentInstance>',
            '        </itemInstances>',
            '        <name>main</name>'
        ].join('\n')
    });
    const components = async (edits: Parameters<typeof seeded>[0]) =>
        (await refs(edits)).filter((l) => l.includes('componentInstance['));

    it('accept a project LWC placed on a page it targets, with declared properties', async () => {
        const onOpportunity = {
            file: PAGE,
            from: '<sobjectType>Lead</sobjectType>',
            to: '<sobjectType>Opportunity</sobjectType>'
        };
        expect(await components([place('labelUtils', 'cardTitle'), onOpportunity])).toEqual([]);
        expect(await components([place('c:labelUtils', 'cardTitle'), onOpportunity])).toEqual([]);
    });

    it('reject unknown components, objects outside the target config and undeclared properties', async () => {
        expect(await components([place('labelUtil', 'cardTitle')])).toEqual([
            `${PAGE}:27 [references] FlexiPage/…/componentInstance[labelUtil]/componentName — component labelUtil is not a bundle in the project`
        ]);
        expect(await components([place('labelUtils', 'exemptSources')])).toEqual([
            `${PAGE}:23 [references] FlexiPage/…/componentInstance[labelUtils]/componentInstanceProperties[exemptSources] — LWC labelUtils declares no property exemptSources for lightning__RecordPage`,
            `${PAGE}:27 [references] FlexiPage/…/componentInstance[labelUtils]/componentName — LWC labelUtils is limited to Opportunity on lightning__RecordPage, not Lead`
        ]);
    });
});

describe('persona agreement', () => {
    it('reports mapping records, flow and formula literals outside the Persona global value set', async () => {
        const out = await refs([
            {
                file: CHAMPION,
                from: '<value xsi:type="xsd:string">Champion</value>',
                to: '<value xsi:type="xsd:string">Champions</value>'
            },
            { file: FLOW, from: '<stringValue>Influencer</stringValue>', to: '<stringValue>Influencers</stringValue>' },
            { file: VR, from: "ISPICKVAL(Persona__c, 'Champion')", to: "ISPICKVAL(Persona__c, 'Sponsor')" }
        ]);
        expect(out).toEqual([
            `${CHAMPION}:14 [references] CustomMetadata/values[Persona__c]/value — "Champions" is not a value of the Persona global value set (Champion, Influencer)`,
            `${FLOW}:35 [references] Flow/…/conditions/rightValue — "Influencers" (Opportunity.Persona__c) is not a value of the Persona global value set (Champion, Influencer)`,
            `${DEFAULT}/globalValueSets/Persona.globalValueSet-meta.xml:3 [references] GlobalValueSet/customValue — Persona "Champion" has no Persona_Role_Mapping__mdt record`,
            `${VR}:6 [references] ValidationRule/errorConditionFormula — "Sponsor" (Opportunity.Persona__c) is not a value of the Persona global value set (Champion, Influencer)`
        ]);
    });

    it('requires Persona__c picklists to use the Persona global value set', async () => {
        const out = await refs([
            {
                file: LEAD_PERSONA,
                from: '<valueSetName>Persona</valueSetName>',
                to: '<valueSetName>Buyer_Role</valueSetName>'
            }
        ]);
        expect(out).toEqual([
            `${CONVERT}:8 [references] LeadConvertSettings/objectMapping[1]/mappingFields[1]/outputField — Lead.Persona__c → Opportunity.Persona__c: picklists use different value sets (Buyer_Role vs Persona)`,
            `${LEAD_PERSONA}:2 [references] CustomField/valueSet/valueSetName — global value set Buyer_Role is not defined in the project`,
            `${LEAD_PERSONA}:2 [references] CustomField/valueSet/valueSetName — Lead.Persona__c must be a picklist on the Persona global value set (found Buyer_Role)`
        ]);
    });

    it('requires a Persona_Role_Mapping record per Persona value, each naming a default Contact Role', async () => {
        const out = await refs([
            { file: CHAMPION, from: 'Executive Sponsor', to: 'Exec Sponsor' },
            {
                file: `${DEFAULT}/customMetadata/Persona_Role_Mapping.Influencer.md-meta.xml`,
                from: '<value xsi:type="xsd:string">Influencer</value>\n    </values>\n</CustomMetadata>',
                to: '<value xsi:type="xsd:string">Champion</value>\n    </values>\n</CustomMetadata>'
            }
        ]);
        expect(out).toEqual([
            `${CHAMPION}:10 [references] CustomMetadata/values[Contact_Role__c]/value — "Exec Sponsor" is not a value of the ContactRole default standard value set (Business User, Decision Maker, Economic Buyer, Economic Decision Maker, Evaluator, Executive Sponsor, Influencer, Technical Buyer, Other)`,
            `${DEFAULT}/customMetadata/Persona_Role_Mapping.Influencer.md-meta.xml:14 [references] CustomMetadata/values[Persona__c]/value — Persona "Champion" is mapped twice (also in ${CHAMPION})`,
            `${DEFAULT}/globalValueSets/Persona.globalValueSet-meta.xml:8 [references] GlobalValueSet/customValue — Persona "Influencer" has no Persona_Role_Mapping__mdt record`
        ]);
    });
});

describe('governed standard values', () => {
    it('checks picklist literals and custom metadata lists against the standard value sets the project ships', async () => {
        const out = await refs([
            { file: RULES, from: '>Outbound<', to: '>Outbound;Webinar<' },
            { file: VR, from: "ISPICKVAL(Persona__c, 'Champion')", to: "ISPICKVAL(LeadSource, 'Partner')" }
        ]);
        const set = 'the LeadSource standard value set (Web, Outbound, Partner Referral, Other)';
        expect(out).toEqual([
            `${RULES}:10 [references] CustomMetadata/values[Exempt_Lead_Sources__c]/value — "Webinar" is not a value of ${set}`,
            `${VR}:6 [references] ValidationRule/errorConditionFormula — "Partner" (Opportunity.LeadSource) is not a value of ${set}`,
            `${VR}:6 [references] ValidationRule/errorConditionFormula — literal "Partner" compared with Opportunity.LeadSource: rule values live in Attribution_Rules__mdt only (add a field to Attribution_Rules__mdt and a value to the Default record)`
        ]);
    });
});
