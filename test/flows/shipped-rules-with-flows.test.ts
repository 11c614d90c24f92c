/** The real flows and the real validation rules of force-app together in the save order. */
import { describe, expect, it } from 'vitest';
import {
    convertLeads,
    DmlException,
    LIMITS,
    loadValidationRules,
    validatorFromRules
} from '../../src/flow-sim/index.js';
import { campaign, contact, CUSTOM_METADATA, newDb, opportunity, thrown } from './helpers.js';

const RULES = loadValidationRules('force-app');
const withRules = (): ReturnType<typeof newDb> => newDb({ validate: validatorFromRules(RULES, CUSTOM_METADATA) });
const hasRule = (object: string, name: string): boolean =>
    RULES.some((r) => r.object === object && r.name === name && r.active);

describe('shipped validation rules with the guardrail flows', () => {
    it.skipIf(!hasRule('Opportunity', 'Require_Primary_Campaign_Source'))(
        'a stage change with a contact role but no campaign is stopped by the rule on CampaignId, not by the flow',
        () => {
            const db = withRules();
            const opp = opportunity(db, { LeadSource: 'Web' });
            db.seed('OpportunityContactRole', [{ OpportunityId: opp, ContactId: contact(db) }]);
            const error = thrown(() =>
                db.update('Opportunity', [{ Id: opp, StageName: 'Proposal/Quote' }])
            ) as DmlException;
            expect(error.rowErrors.map((e) => e.field)).toEqual(['CampaignId']);
            db.update('Opportunity', [{ Id: opp, StageName: 'Proposal/Quote', CampaignId: campaign(db, 'Webinar') }]);
            expect(db.get('Opportunity', opp).StageName).toBe('Proposal/Quote');
        }
    );

    it('converts 200 inbound leads with the rules on, within limits, each opportunity on its responded campaign', () => {
        const db = withRules();
        const webinar = campaign(db, 'Webinar');
        const mailing = campaign(db, 'Mailing');
        const leads = db.seed(
            'Lead',
            Array.from({ length: 200 }, (_v, i) => ({
                LastName: `L${i}`,
                Company: `C${i}`,
                Status: 'Working',
                LeadSource: 'Webinar',
                Persona__c: 'Economic Buyer'
            }))
        );
        db.seed(
            'CampaignMember',
            leads.flatMap((LeadId) => [
                {
                    CampaignId: webinar,
                    LeadId,
                    HasResponded: true,
                    FirstRespondedDate: '2026-10-01',
                    CreatedDate: '2026-09-01T00:00:00.000Z'
                },
                {
                    CampaignId: mailing,
                    LeadId,
                    HasResponded: false,
                    FirstRespondedDate: null,
                    CreatedDate: '2026-11-01T00:00:00.000Z'
                }
            ])
        );
        const results = convertLeads(
            db,
            leads.map((leadId) => ({ leadId, convertedStatus: 'Converted' }))
        );
        expect(db.limits.soql).toBeLessThanOrEqual(LIMITS.soql);
        expect(db.limits.dml).toBeLessThanOrEqual(LIMITS.dml);
        expect(new Set(results.map((r) => db.get('Opportunity', r.opportunityId ?? '').CampaignId))).toEqual(
            new Set([webinar])
        );
        expect(db.all('OpportunityContactRole').every((r) => r.Role === 'Economic Buyer')).toBe(true);
    });

    it.skipIf(!hasRule('Lead', 'Require_Lead_Source'))(
        'with "Require Validation for Converted Leads" a lead without Lead Source cannot convert; without it, it can',
        () => {
            const db = withRules();
            const [lead = ''] = db.seed('Lead', [{ LastName: 'Nobody', Company: 'Unknown', Status: 'Working' }]);
            const error = thrown(() =>
                convertLeads(db, [{ leadId: lead, convertedStatus: 'Converted', requireValidation: true }])
            ) as DmlException;
            expect(error).toBeInstanceOf(DmlException);
            expect(error.rowErrors.map((e) => e.field)).toEqual(['LeadSource']);
            expect(db.all('Contact')).toHaveLength(0);
            convertLeads(db, [{ leadId: lead, convertedStatus: 'Converted' }]);
            expect(db.get('Lead', lead).IsConverted).toBe(true);
        }
    );
});
