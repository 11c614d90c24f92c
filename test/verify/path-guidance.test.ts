/**
 * The demo org's Path metadata (Lead Status, Opportunity Stage): a step per value with guidance naming its owner and
 * what to capture, key fields that exist, attribution fields shown; seeded defects prove each check fails.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDemoPaths, checkPath, loadPathContext } from '../../src/verify/path-guidance.js';

const DIR = 'demo-org/main/default/pathAssistants';
const context = loadPathContext('.');
const LEAD = readFileSync(`${DIR}/Lead_Status_Path.pathAssistant-meta.xml`, 'utf8');
const OPPORTUNITY = readFileSync(`${DIR}/Opportunity_Stage_Path.pathAssistant-meta.xml`, 'utf8');
const messages = (xml: string): string[] => checkPath('seeded.xml', xml, context).map((p) => p.message);

describe('Path guidance (demo-org)', () => {
    it('ships a path for Lead Status and Opportunity Stage, both clean', () => {
        expect(readdirSync(DIR).sort()).toEqual([
            'Lead_Status_Path.pathAssistant-meta.xml',
            'Opportunity_Stage_Path.pathAssistant-meta.xml'
        ]);
        expect(checkDemoPaths('.')).toEqual([]);
    });

    it('reads the demo value sets (the checks below compare against them)', () => {
        expect(context.valueSets.LeadStatus?.length).toBeGreaterThanOrEqual(4);
        expect(context.valueSets.OpportunityStage?.length).toBeGreaterThanOrEqual(4);
        expect(context.fields.Opportunity?.has('Persona__c')).toBe(true);
    });

    it('fails a step for a value the org lacks, and a value without a step', () => {
        const renamed = OPPORTUNITY.replace(
            '<picklistValueName>Negotiation</picklistValueName>',
            '<picklistValueName>Negotiating</picklistValueName>'
        );
        expect(messages(renamed)).toEqual(
            expect.arrayContaining([
                'step "Negotiating" is not an active OpportunityStage value',
                'no step for OpportunityStage value "Negotiation"'
            ])
        );
    });

    it('fails guidance without an owner, or with nothing to capture', () => {
        expect(messages(LEAD.replace('Owner: Marketing.', 'Marketing.'))).toContain(
            'guidance of "Nurturing" must name one owner (Owner: Marketing/Sales/RevOps)'
        );
        const bare = LEAD.replace(/(<picklistValueName>Open<\/picklistValueName>)/, '$1').replace(
            /<info>[^<]*Owner: Sales\.&lt;\/b&gt;[^<]*?Before moving on[^<]*<\/info>/,
            '<info>&lt;p&gt;&lt;b&gt;Owner: Sales.&lt;/b&gt; Go.&lt;/p&gt;</info>'
        );
        expect(messages(bare)).toContain('guidance of "Open" says nothing to capture');
    });

    it('fails a key field that does not exist, and a path without attribution fields', () => {
        expect(
            messages(LEAD.replace('<fieldNames>Persona__c</fieldNames>', '<fieldNames>Persona_c</fieldNames>'))
        ).toContain('key field Lead.Persona_c does not exist');
        const noAttribution = OPPORTUNITY.replace(
            /<fieldNames>(CampaignId|LeadSource|Persona__c|UTM_Source__c|UTM_Campaign__c)<\/fieldNames>/g,
            '<fieldNames>Amount</fieldNames>'
        );
        expect(messages(noAttribution).join()).toMatch(/no step shows an attribution field/);
    });
});
