/**
 * Conversion checks: a converted Lead's Lead Source, Persona or UTM values that are blank or different on its
 * converted Opportunity, and a converted Lead with a responded campaign membership whose Opportunity has no Primary
 * Campaign Source. Converted Leads whose Opportunity is not in the snapshot are counted in `details`, not as findings.
 */
import { UTM_FIELDS } from '../schema.js';
import { ident } from '../sql.js';
import {
    missingInput,
    queryIds,
    queryNumber,
    queryRows,
    result,
    skipped,
    type CheckContext,
    type CheckDefinition,
    type CheckResult
} from './types.js';

const COMPARED = ['LeadSource', 'Persona__c', ...UTM_FIELDS];

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

async function lostFields(
    ctx: CheckContext,
    id: string,
    title: string,
    fields: readonly string[]
): Promise<CheckResult> {
    const base = missingInput(ctx, { Lead: ['IsConverted', 'ConvertedOpportunityId'], Opportunity: [] });
    if (base) return skipped(id, title, base);
    const lead = ctx.loaded.objects.Lead;
    const opp = ctx.loaded.objects.Opportunity;
    const usable = fields.filter((f) => lead?.fields.has(f) && opp?.fields.has(f));
    if (usable.length === 0) {
        const side = fields.some((f) => lead?.fields.has(f)) ? 'Opportunity' : 'Lead';
        return skipped(id, title, `${side}.csv has no ${fields.join(', ')} column${fields.length > 1 ? 's' : ''}`);
    }
    await converted(ctx);
    const ids = await queryIds(ctx.conn, `SELECT l.Id FROM ${JOINED} AND (${usable.map(differs).join(' OR ')})`);
    const counts = await queryRows(
        ctx.conn,
        `SELECT count(*)::BIGINT AS population${usable.map((f, i) => `, count_if(${differs(f)})::BIGINT AS f${i}`).join('')} FROM ${JOINED}`
    );
    const population = Number(counts[0]?.population ?? 0);
    const details: Record<string, unknown> = { convertedOpportunityNotInSnapshot: await orphanCount(ctx) };
    if (fields.length > 1) {
        details.byField = Object.fromEntries(usable.map((f, i) => [f, Number(counts[0]?.[`f${i}`] ?? 0)]));
        const unchecked = fields.filter((f) => !usable.includes(f));
        if (unchecked.length > 0) details.fieldsNotInSnapshot = unchecked;
    }
    return result(id, title, ids, population, details);
}

export const lostLeadSource: CheckDefinition = {
    id: 'converted-lead-lost-lead-source',
    title: 'Converted Lead lost its Lead Source',
    run: (ctx) =>
        lostFields(ctx, 'converted-lead-lost-lead-source', 'Converted Lead lost its Lead Source', ['LeadSource'])
};

export const lostPersona: CheckDefinition = {
    id: 'converted-lead-lost-persona',
    title: 'Converted Lead lost its Persona',
    run: (ctx) => lostFields(ctx, 'converted-lead-lost-persona', 'Converted Lead lost its Persona', ['Persona__c'])
};

export const lostUtm: CheckDefinition = {
    id: 'converted-lead-lost-utm',
    title: 'Converted Lead lost UTM values',
    run: (ctx) => lostFields(ctx, 'converted-lead-lost-utm', 'Converted Lead lost UTM values', UTM_FIELDS)
};

const CAMPAIGN = { id: 'converted-lead-lost-campaign', title: 'Converted Lead lost its campaign' };

export const lostCampaign: CheckDefinition = {
    ...CAMPAIGN,
    async run(ctx) {
        const reason = missingInput(ctx, {
            Lead: ['IsConverted', 'ConvertedOpportunityId'],
            Opportunity: ['CampaignId'],
            CampaignMember: ['LeadId', 'HasResponded']
        });
        if (reason) return skipped(CAMPAIGN.id, CAMPAIGN.title, reason);
        await converted(ctx);
        const responded = `EXISTS (SELECT 1 FROM campaignmember m WHERE m.LeadId = l.Id_k AND m.HasResponded)`;
        const ids = await queryIds(ctx.conn, `SELECT l.Id FROM ${JOINED} AND ${responded} AND l.o_CampaignId IS NULL`);
        const population = await queryNumber(ctx.conn, `SELECT count(*) FROM ${JOINED} AND ${responded}`);
        return result(CAMPAIGN.id, CAMPAIGN.title, ids, population, {
            convertedOpportunityNotInSnapshot: await orphanCount(ctx)
        });
    }
};
