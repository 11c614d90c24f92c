/**
 * Opportunity checks: a missing Primary Campaign Source (`CampaignId`) on a Lead Source and a stage that are not
 * exempt (`exemptLeadSources`, `campaignExemptStages`, as the Require_Primary_Campaign_Source rule), and an
 * Opportunity without any Contact Role.
 */
import { inList } from '../sql.js';
import { queryIds, queryNumber, type CheckDefinition } from './types.js';

export const missingPrimaryCampaign: CheckDefinition = {
    id: 'opportunity-missing-primary-campaign',
    title: 'Opportunity without Primary Campaign Source',
    meaning:
        'A marketing-sourced Opportunity names no campaign: campaign ROI and the default influence model cannot credit it.',
    action: "Set the Primary Campaign Source (the fix list suggests the buying group's most recent responded campaign before the Opportunity was created); the Require_Primary_Campaign_Source rule stops new ones.",
    needs: { Opportunity: ['Id', 'CampaignId', 'LeadSource'] },
    mayRead: { Opportunity: ['StageName'] },
    async run(ctx) {
        const exempt = ctx.rules.exemptLeadSources;
        const exemptStages = ctx.rules.campaignExemptStages;
        // Like the validation rule: a blank value is never exempt; stages apply when the export has StageName.
        const sourceExempt = inList('LeadSource', exempt);
        const hasStage = ctx.loaded.objects.Opportunity?.fields.has('StageName') === true;
        const stageExempt = inList('StageName', exemptStages);
        const notStageExempt = hasStage ? ` AND (StageName IS NULL OR NOT ${stageExempt})` : '';
        const ids = await queryIds(
            ctx.conn,
            `SELECT Id FROM opportunity WHERE CampaignId IS NULL AND (LeadSource IS NULL OR NOT ${sourceExempt})${notStageExempt}`
        );
        const population = await queryNumber(ctx.conn, `SELECT count(*) FROM opportunity`);
        const exemptCount = await queryNumber(
            ctx.conn,
            `SELECT count(*) FROM opportunity WHERE CampaignId IS NULL AND ${sourceExempt}`
        );
        const details: Record<string, unknown> = {
            exemptLeadSources: exempt,
            exemptWithoutCampaign: exemptCount,
            campaignExemptStages: exemptStages
        };
        if (hasStage) {
            details.exemptStageWithoutCampaign = await queryNumber(
                ctx.conn,
                `SELECT count(*) FROM opportunity WHERE CampaignId IS NULL AND (LeadSource IS NULL OR NOT ${sourceExempt}) AND ${stageExempt}`
            );
        } else {
            details.stageExemptionNotApplied = 'the export has no Opportunity.StageName';
        }
        return { recordIds: ids, population, details };
    }
};

export const missingContactRole: CheckDefinition = {
    id: 'opportunity-missing-contact-role',
    title: 'Opportunity without Contact Role',
    meaning:
        'No Contact is linked to the Opportunity: contact-based campaign influence finds no buying group to credit.',
    action: 'Add the buying group as Contact Roles; the contact-role gate requires one from Contact_Role_Required_Stage__c on.',
    needs: { Opportunity: ['Id'], OpportunityContactRole: ['OpportunityId'] },
    mayRead: { Opportunity: ['StageName'] },
    async run(ctx) {
        const ids = await queryIds(
            ctx.conn,
            `SELECT o.Id FROM opportunity o WHERE NOT EXISTS (SELECT 1 FROM opportunitycontactrole r WHERE r.OpportunityId = o.Id_k)`
        );
        const population = await queryNumber(ctx.conn, `SELECT count(*) FROM opportunity`);
        const details: Record<string, unknown> = { requiredFromStage: ctx.rules.contactRoleRequiredStage };
        const order = ctx.rules.stageOrder;
        const from = order.indexOf(ctx.rules.contactRoleRequiredStage);
        const opp = ctx.loaded.objects.Opportunity;
        if (from >= 0 && opp?.fields.has('StageName') && ids.length > 0) {
            const gated = order.slice(from);
            details.atOrAfterRequiredStage = await queryNumber(
                ctx.conn,
                `SELECT count(*) FROM opportunity o WHERE ${inList('o.StageName', gated)} AND NOT EXISTS (SELECT 1 FROM opportunitycontactrole r WHERE r.OpportunityId = o.Id_k)`
            );
        }
        return { recordIds: ids, population, details };
    }
};
