/**
 * Lead hygiene checks: duplicate emails among unconverted Leads, unconverted Leads whose email is a Contact's,
 * aged open Leads, and Leads with a converted Status that were never converted.
 */
import { inList } from '../sql.js';
import { queryIds, queryNumber, queryRows, type CheckDefinition } from './types.js';

/** Email as loaded: trimmed and lower-cased, blank → NULL (see `sf_email`). */
const EMAIL = (alias: string): string => `${alias}.Email`;
const UNCONVERTED = `NOT l.IsConverted`;

export const duplicateLeadEmail: CheckDefinition<{ groups: number; largestGroups: Record<string, unknown>[] }> = {
    id: 'duplicate-lead-email',
    title: 'Unconverted Leads sharing an email',
    meaning:
        'Several open Leads are one person: responses and touches are split across records and the wrong one may convert.',
    action: "Merge each group (Leads tab → Merge Leads), keeping the earliest Lead Source and campaign; the kit's duplicate rules alert on new ones.",
    needs: { Lead: ['Id', 'Email', 'IsConverted'] },
    async run(ctx) {
        await ctx.conn.run(
            `CREATE OR REPLACE TEMP TABLE dup_email AS SELECT ${EMAIL('l')} AS email, count(*)::INTEGER AS leads FROM lead l WHERE ${UNCONVERTED} AND ${EMAIL('l')} IS NOT NULL GROUP BY 1 HAVING count(*) > 1`
        );
        const ids = await queryIds(
            ctx.conn,
            `SELECT l.Id FROM lead l SEMI JOIN dup_email d ON d.email = ${EMAIL('l')} WHERE ${UNCONVERTED}`
        );
        const population = await queryNumber(
            ctx.conn,
            `SELECT count(*) FROM lead l WHERE ${UNCONVERTED} AND ${EMAIL('l')} IS NOT NULL`
        );
        const groups = await queryNumber(ctx.conn, `SELECT count(*) FROM dup_email`);
        const largest = await queryRows(
            ctx.conn,
            `SELECT email, leads FROM dup_email ORDER BY leads DESC, email LIMIT 10`
        );
        await ctx.conn.run(`DROP TABLE dup_email`);
        return { recordIds: ids, population, details: { groups, largestGroups: largest } };
    }
};

export const leadMatchesContactEmail: CheckDefinition<Record<string, never>> = {
    id: 'lead-matches-contact-email',
    title: 'Unconverted Lead matching a Contact email',
    meaning:
        "An open Lead is a person who already is a Contact: new responses land on the Lead and never reach the Contact's Opportunities.",
    action: 'Convert the Lead into the existing Contact (Convert → choose the existing Contact) so its campaign responses follow.',
    needs: { Lead: ['Id', 'Email', 'IsConverted'], Contact: ['Email'] },
    async run(ctx) {
        const ids = await queryIds(
            ctx.conn,
            `SELECT l.Id FROM lead l SEMI JOIN (SELECT DISTINCT ${EMAIL('c')} AS email FROM contact c WHERE ${EMAIL('c')} IS NOT NULL) c ON c.email = ${EMAIL('l')} WHERE ${UNCONVERTED}`
        );
        const population = await queryNumber(
            ctx.conn,
            `SELECT count(*) FROM lead l WHERE ${UNCONVERTED} AND ${EMAIL('l')} IS NOT NULL`
        );
        return { recordIds: ids, population };
    }
};

export const agedOpenLead: CheckDefinition = {
    id: 'aged-open-lead',
    title: 'Aged open Lead',
    meaning:
        'An open Lead without activity for longer than Aged_Lead_Days__c: marketing paid for it and nobody works it.',
    action: 'Work it, recycle it to nurture or disqualify it; review the Lead assignment rules for the owners with most.',
    needs: { Lead: ['Id', 'Status', 'CreatedDate', 'IsConverted'] },
    mayRead: { Lead: ['LastActivityDate'] },
    async run(ctx) {
        const days = ctx.rules.agedLeadDays;
        const asOf = ctx.asOf.toISOString().slice(0, 10);
        const open = `${UNCONVERTED} AND ${inList('l.Status', ctx.openStatuses)}`;
        const last = `greatest(CAST(l.CreatedDate AS DATE), l.LastActivityDate)`;
        const ids = await queryIds(
            ctx.conn,
            `SELECT l.Id FROM lead l WHERE ${open} AND date_diff('day', ${last}, DATE '${asOf}') > ${days}`
        );
        const [counts] = await queryRows(
            ctx.conn,
            `SELECT count(*)::BIGINT AS population, count_if(${last} IS NULL)::BIGINT AS noDate FROM lead l WHERE ${open}`
        );
        const population = Number(counts?.population ?? 0);
        const noDate = Number(counts?.noDate ?? 0);
        const details: Record<string, unknown> = { days, asOf, openStatuses: ctx.openStatuses, withoutDates: noDate };
        if (!ctx.loaded.objects.Lead?.fields.has('LastActivityDate'))
            details.note = 'Lead.csv has no LastActivityDate: age from CreatedDate only';
        return { recordIds: ids, population, details };
    }
};

export const leadStatusMismatch: CheckDefinition<{ convertedStatuses: string[] }> = {
    id: 'lead-status-mismatch',
    title: 'Converted Status on an unconverted Lead',
    meaning:
        'A Lead says Converted but was never converted (often a data load): it has no Contact or Opportunity and drops out of the funnel.',
    action: 'Convert the Lead properly or set its real status; restrict the converted status to the conversion itself.',
    needs: { Lead: ['Id', 'Status', 'IsConverted'] },
    async run(ctx) {
        const ids = await queryIds(
            ctx.conn,
            `SELECT l.Id FROM lead l WHERE ${UNCONVERTED} AND ${inList('l.Status', ctx.convertedStatuses)}`
        );
        const population = await queryNumber(ctx.conn, `SELECT count(*) FROM lead l WHERE ${UNCONVERTED}`);
        return { recordIds: ids, population, details: { convertedStatuses: ctx.convertedStatuses } };
    }
};
