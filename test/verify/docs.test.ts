import { describe, expect, it } from 'vitest';
import { DEFAULT, gate, lines, seeded } from './helpers.js';

const VR = `${DEFAULT}/objects/Opportunity/validationRules/Require_Primary_Campaign_Source.validationRule-meta.xml`;
const UTM = `${DEFAULT}/objects/Lead/fields/UTM_Source__c.field-meta.xml`;
const MDT_FIELD = `${DEFAULT}/objects/Attribution_Rules__mdt/fields/Exempt_Lead_Sources__c.field-meta.xml`;

describe('self-documenting metadata', () => {
    it('requires a description on rules and fields and help text on rep-facing fields only', async () => {
        const dir = seeded([
            { file: VR, from: /<description>.*<\/description>/, to: '' },
            { file: UTM, from: /<inlineHelpText>.*<\/inlineHelpText>/, to: '' },
            { file: MDT_FIELD, from: /<description>.*<\/description>/, to: '<description> </description>' }
        ]);
        expect(lines((await gate(dir)).filter((p) => p.check === 'docs'))).toEqual([
            `${MDT_FIELD}:2 [docs] CustomField — CustomField Attribution_Rules__mdt.Exempt_Lead_Sources__c has no <description>`,
            `${UTM}:2 [docs] CustomField — field Lead.UTM_Source__c is seen by reps but has no <inlineHelpText>`,
            `${VR}:2 [docs] ValidationRule — ValidationRule Opportunity.Require_Primary_Campaign_Source has no <description>`
        ]);
    });

    it('refuses texts longer than an org accepts (validation rule description and message, permission set description)', async () => {
        const long = 'x'.repeat(256);
        const PERMSET = `${DEFAULT}/permissionsets/Attribution_Guardrails_Rep.permissionset-meta.xml`;
        const dir = seeded([
            { file: VR, from: /<description>.*<\/description>/, to: `<description>${long}</description>` },
            {
                file: VR,
                from: /<errorMessage>.*<\/errorMessage>/,
                to: `<errorMessage>${'y'.repeat(255)}</errorMessage>`
            },
            {
                file: PERMSET,
                from: /<description>.*<\/description>/,
                to: `<description>${long}</description>`
            }
        ]);
        expect(lines((await gate(dir)).filter((p) => p.check === 'docs'))).toEqual([
            `${VR}:5 [docs] ValidationRule/description — <description> has 256 characters; an org accepts at most 255 (Salesforce Help "Validation Rules Fields" (description: 255 or less))`,
            `${PERMSET}:11 [docs] PermissionSet/description — <description> has 256 characters; an org accepts at most 255 (Field Reference Guide PermissionSet.Description (string, 255))`
        ]);
    });
});
