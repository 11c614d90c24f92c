/**
 * Conversion checks: a converted Lead's Lead Source, Persona or UTM values that are blank or different on its
 * converted Opportunity, and a converted Lead with a responded campaign membership whose Opportunity has no Primary
 * Campaign Source. Converted Leads whose Opportunity is not in the snapshot are counted in `details`, not as findings.
 */
import { CONVERTED_JOIN_READS } from '../reads.js';
import { ident } from '../sql.js';
import { CARRIED_FIELDS, UTM_FIELDS } from '../vocabulary.js';
import {
    queryIds,
    queryNumber,
    queryRows,
    type CheckContext,
    type CheckDefinition,
    type CheckOutcome
} from './types.js';

const COMPARED = CARRIED_FIELDS;

/**
 * Converted Leads with a ConvertedOpportunityId, each with its Opportunity's compared fields (`o_<field>`,
 * `o_CampaignId`) and `found` (the Opportunity is in the snapshot). Built once per audit: one join for all checks.
 */
async function converted(ctx: CheckContext): Promise<void> {
    const lead = COMPARED.map((f) => `l.${ident(f)}`).join(', ');
    const opp = COMPARED.map((f) => `o.${ident(f)} AS ${ident(`o_${f}`)}`).join(', ');
    await ctx.conn.run(
        `CREATE TEMP TABLE IF NOT EXISTS converted_lead AS SELECT l.Id, l.Id_k, ${lead}, ${opp}, o.CampaignId AS o_CampaignId, o.Id_k IS NOT NULL AS found
         FROM lead l LEFT JOIN opportunity o ON o.Id_k = l.ConvertedOpportunityId
         WHERE l.IsConverted AND l.ConvertedOpportunityId IS NOT NULL`
    );
}

/** Converted Leads whose Opportunity is in the snapshot. */
const JOINED = `converted_lead l WHERE l.found`;

function differs(field: string): string {
    const f = ident(field);
    const o = `l.${ident(`o_${field}`)}`;
    return `(l.${f} IS NOT NULL AND (${o} IS NULL OR trim(${o}) <> trim(l.${f})))`;
}

async function orphanCount(ctx: CheckContext): Promise<number> {
    return queryNumber(ctx.conn, `SELECT count(*) FROM converted_lead WHERE NOT found`);
}

type LostDetails = {
    convertedOpportunityNotInSnapshot: number;
    byField?: Record<string, number>;
    fieldsNotInSnapshot?: string[];
};

async function lostFields(ctx: CheckContext, fields: readonly string[]): Promise<CheckOutcome<LostDetails>> {
    const lead = ctx.loaded.objects.Lead;
    const opp = ctx.loaded.objects.Opportunity;
    const usable = fields.filter((f) => lead?.fields.has(f) && opp?.fields.has(f));
    if (usable.length === 0) {
        const side = fields.some((f) => lead?.fields.has(f)) ? 'Opportunity' : 'Lead';
        return { skip: `${side}.csv has no ${fields.join(', ')} column${fields.length > 1 ? 's' : ''}` };
    }
    await converted(ctx);
    const recordIds = await queryIds(ctx.conn, `SELECT l.Id FROM ${JOINED} AND (${usable.map(differs).join(' OR ')})`);
    const counts = await queryRows(
        ctx.conn,
        `SELECT count(*)::BIGINT AS population${usable.map((f, i) => `, count_if(${differs(f)})::BIGINT AS f${i}`).join('')} FROM ${JOINED}`
    );
    const population = Number(counts[0]?.population ?? 0);
    const details: LostDetails = { convertedOpportunityNotInSnapshot: await orphanCount(ctx) };
    if (fields.length > 1) {
        details.byField = Object.fromEntries(usable.map((f, i) => [f, Number(counts[0]?.[`f${i}`] ?? 0)]));
        const unchecked = fields.filter((f) => !usable.includes(f));
        if (unchecked.length > 0) details.fieldsNotInSnapshot = unchecked;
    }
    return { recordIds, population, details };
}

const CONVERTED_NEEDS = { Lead: ['IsConverted', 'ConvertedOpportunityId'], Opportunity: [] } as const;
const LOST_ACTION =
    "Copy the Lead's value to its Opportunity (the fix list proposes it), then check the Lead field mapping of the conversion (Setup → Lead → Map Lead Fields) and the Lead_After_Conversion flow.";

export const lostLeadSource: CheckDefinition<LostDetails> = {
    id: 'converted-lead-lost-lead-source',
    title: 'Converted Lead lost its Lead Source',
    meaning:
        'The Opportunity a Lead converted into has no Lead Source or a different one: sourced-pipeline reports credit the wrong channel.',
    action: LOST_ACTION,
    needs: CONVERTED_NEEDS,
    mayRead: CONVERTED_JOIN_READS,
    run: (ctx) => lostFields(ctx, ['LeadSource'])
};

export const lostPersona: CheckDefinition<LostDetails> = {
    id: 'converted-lead-lost-persona',
    title: 'Converted Lead lost its Persona',
    meaning:
        'The converted Opportunity has no Persona or a different one than its Lead: persona-based reporting and contact-role mapping miss it.',
    action: LOST_ACTION,
    needs: CONVERTED_NEEDS,
    mayRead: CONVERTED_JOIN_READS,
    run: (ctx) => lostFields(ctx, ['Persona__c'])
};

export const lostUtm: CheckDefinition<LostDetails> = {
    id: 'converted-lead-lost-utm',
    title: 'Converted Lead lost UTM values',
    meaning:
        'UTM values the Lead arrived with are blank or different on its Opportunity: campaign and channel reporting lose the touch.',
    action: LOST_ACTION,
    needs: CONVERTED_NEEDS,
    mayRead: CONVERTED_JOIN_READS,
    run: (ctx) => lostFields(ctx, UTM_FIELDS)
};

export const lostCampaign: CheckDefinition<{ convertedOpportunityNotInSnapshot: number }> = {
    id: 'converted-lead-lost-campaign',
    title: 'Converted Lead lost its campaign',
    meaning:
        'The Lead responded to a campaign but its Opportunity has no Primary Campaign Source: campaign ROI and influence miss the deal.',
    action: "Set the Opportunity's Primary Campaign Source to the Lead's most recent responded campaign on or before conversion (the fix list proposes it); the Opportunity_Campaign_Auto_Association flow does this for new conversions.",
    needs: {
        Lead: ['IsConverted', 'ConvertedOpportunityId'],
        Opportunity: ['CampaignId'],
        CampaignMember: ['LeadId', 'HasResponded']
    },
    mayRead: CONVERTED_JOIN_READS,
    async run(ctx) {
        await converted(ctx);
        const responded = `EXISTS (SELECT 1 FROM campaignmember m WHERE m.LeadId = l.Id_k AND m.HasResponded)`;
        const recordIds = await queryIds(
            ctx.conn,
            `SELECT l.Id FROM ${JOINED} AND ${responded} AND l.o_CampaignId IS NULL`
        );
        const population = await queryNumber(ctx.conn, `SELECT count(*) FROM ${JOINED} AND ${responded}`);
        return { recordIds, population, details: { convertedOpportunityNotInSnapshot: await orphanCount(ctx) } };
    }
};
