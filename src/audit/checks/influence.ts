/**
 * `campaign-influence-gap` (Customizable Campaign Influence): Opportunities whose buying group (their Contact Roles'
 * Contacts) responded to a campaign on or before the close date but that have no CampaignInfluence record in the
 * default model (`CampaignInfluenceModel.IsDefaultModel`), and Opportunities whose default-model records do not name
 * the Opportunity's Primary Campaign Source (`Opportunity.CampaignId`). Influence in another model does not count.
 */
import { queryIds, queryNumber, queryRows, type CheckDefinition } from './types.js';

export type InfluenceDetails = {
    defaultModel: { id: string; name: string | null };
    /** Buying group responded before close, no default-model record. */
    missingInfluence: number;
    /** Of those, Opportunities with influence only in other (non-default) models. */
    influenceOnlyInOtherModels: number;
    /** Default-model records exist but none names Opportunity.CampaignId. */
    disagreesWithPrimaryCampaign: number;
};

const RESPONDED = `SELECT DISTINCT r.OpportunityId AS opp FROM opportunitycontactrole r
    JOIN campaignmember m ON m.ContactId = r.ContactId AND m.HasResponded
    JOIN opportunity o ON o.Id_k = r.OpportunityId
    WHERE o.CloseDate IS NULL OR m.FirstRespondedDate IS NULL OR m.FirstRespondedDate <= o.CloseDate`;

export const campaignInfluenceGap: CheckDefinition<InfluenceDetails> = {
    id: 'campaign-influence-gap',
    title: 'Campaign influence missing or disagreeing',
    meaning:
        'The buying group responded to campaigns before close but the default influence model credits no campaign, or credits another campaign than the Primary Campaign Source: campaign ROI reports undercount or contradict the Opportunity.',
    action: 'Set the Primary Campaign Source: the Primary Campaign Source model recalculates its records from it (records added to that model through the API are deleted on recalculation). With a custom default model, add or correct its records.',
    needs: {
        Opportunity: ['Id', 'CampaignId'],
        OpportunityContactRole: ['OpportunityId', 'ContactId'],
        CampaignMember: ['ContactId', 'HasResponded'],
        CampaignInfluence: ['OpportunityId', 'CampaignId', 'ModelId'],
        CampaignInfluenceModel: ['Id', 'IsDefaultModel']
    },
    mayRead: {
        Opportunity: ['CloseDate'],
        CampaignMember: ['FirstRespondedDate'],
        CampaignInfluenceModel: ['MasterLabel', 'DeveloperName']
    },
    async run(ctx) {
        const names = (['MasterLabel', 'DeveloperName'] as const).filter((f) =>
            ctx.loaded.objects.CampaignInfluenceModel?.fields.has(f)
        );
        const [model] = await queryRows(
            ctx.conn,
            `SELECT Id, Id_k, ${names.length > 0 ? `coalesce(${names.join(', ')})` : 'NULL'} AS name FROM campaigninfluencemodel WHERE IsDefaultModel ORDER BY Id LIMIT 1`
        );
        if (!model) return { skip: 'CampaignInfluenceModel.csv has no default model (IsDefaultModel true)' };
        await ctx.conn.run(
            `CREATE OR REPLACE TEMP TABLE default_influence AS SELECT OpportunityId AS opp, CampaignId FROM campaigninfluence WHERE ModelId = '${String(model.Id_k).replaceAll("'", "''")}'`
        );
        const hasDefault = `EXISTS (SELECT 1 FROM default_influence d WHERE d.opp = o.Id_k)`;
        const missing = `o.Id_k IN (${RESPONDED}) AND NOT ${hasDefault}`;
        const disagrees = `${hasDefault} AND NOT EXISTS (SELECT 1 FROM default_influence d WHERE d.opp = o.Id_k AND d.CampaignId = o.CampaignId)`;
        const recordIds = await queryIds(
            ctx.conn,
            `SELECT o.Id FROM opportunity o WHERE (${missing}) OR (${disagrees})`
        );
        const [counts] = await queryRows(
            ctx.conn,
            `SELECT count_if(${missing})::BIGINT AS missing,
                count_if(${missing} AND EXISTS (SELECT 1 FROM campaigninfluence i WHERE i.OpportunityId = o.Id_k))::BIGINT AS other,
                count_if(${disagrees})::BIGINT AS disagrees
             FROM opportunity o`
        );
        const population = await queryNumber(
            ctx.conn,
            `SELECT count(*) FROM opportunity o WHERE o.Id_k IN (${RESPONDED}) OR ${hasDefault}`
        );
        await ctx.conn.run(`DROP TABLE default_influence`);
        return {
            recordIds,
            population,
            details: {
                defaultModel: { id: String(model.Id), name: typeof model.name === 'string' ? model.name : null },
                missingInfluence: Number(counts?.missing ?? 0),
                influenceOnlyInOtherModels: Number(counts?.other ?? 0),
                disagreesWithPrimaryCampaign: Number(counts?.disagrees ?? 0)
            }
        };
    }
};
