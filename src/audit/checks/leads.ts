/**
 * Lead hygiene checks: duplicate emails among unconverted Leads, unconverted Leads whose email is a Contact's,
 * aged open Leads, and Leads with a converted Status that were never converted.
 */
import { inList } from '../sql.js';
import { missingInput, queryIds, queryNumber, queryRows, result, skipped, type CheckDefinition } from './types.js';

/** Email as loaded: trimmed and lower-cased, blank → NULL (see `sf_email`). */
const EMAIL = (alias: string): string => `${alias}.Email`;
const UNCONVERTED = `NOT l.IsConverted`;

const DUP = { id: 'duplicate-lead-email', title: 'Unconverted Leads sharing an email' };
export const duplicateLeadEmail: CheckDefinition = {
    ...DUP,
    async run(ctx) {
        const reason = missingInput(ctx, { Lead: ['Email', 'IsConverted'] });
        if (reason) return skipped(DUP.id, DUP.title, reason);
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
        return result(DUP.id, DUP.title, ids, population, { groups, largestGroups: largest });
    }
};

const CONTACT = { id: 'lead-matches-contact-email', title: 'Unconverted Lead matching a Contact email' };
export const leadMatchesContactEmail: CheckDefinition = {
    ...CONTACT,
    async run(ctx) {
        const reason = missingInput(ctx, { Lead: ['Email', 'IsConverted'], Contact: ['Email'] });
        if (reason) return skipped(CONTACT.id, CONTACT.title, reason);
        const ids = await queryIds(
            ctx.conn,
            `SELECT l.Id FROM lead l SEMI JOIN (SELECT DISTINCT ${EMAIL('c')} AS email FROM contact c WHERE ${EMAIL('c')} IS NOT NULL) c ON c.email = ${EMAIL('l')} WHERE ${UNCONVERTED}`
        );
        const population = await queryNumber(
            ctx.conn,
            `SELECT count(*) FROM lead l WHERE ${UNCONVERTED} AND ${EMAIL('l')} IS NOT NULL`
        );
        return result(CONTACT.id, CONTACT.title, ids, population);
    }
};

const AGED = { id: 'aged-open-lead', title: 'Aged open Lead' };
export const agedOpenLead: CheckDefinition = {
    ...AGED,
    async run(ctx) {
        const reason = missingInput(ctx, { Lead: ['Status', 'CreatedDate', 'IsConverted'] });
        if (reason) return skipped(AGED.id, AGED.title, reason);
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
        return result(AGED.id, AGED.title, ids, population, details);
    }
};

const STATUS = { id: 'lead-status-mismatch', title: 'Converted Status on an unconverted Lead' };
export const leadStatusMismatch: CheckDefinition = {
    ...STATUS,
    async run(ctx) {
        const reason = missingInput(ctx, { Lead: ['Status', 'IsConverted'] });
        if (reason) return skipped(STATUS.id, STATUS.title, reason);
        const ids = await queryIds(
            ctx.conn,
            `SELECT l.Id FROM lead l WHERE ${UNCONVERTED} AND ${inList('l.Status', ctx.convertedStatuses)}`
        );
        const population = await queryNumber(ctx.conn, `SELECT count(*) FROM lead l WHERE ${UNCONVERTED}`);
        return result(STATUS.id, STATUS.title, ids, population, { convertedStatuses: ctx.convertedStatuses });
    }
};
