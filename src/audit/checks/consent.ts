/**
 * `consent-lost-at-conversion`: a converted Lead that opted out (`HasOptedOutOfEmail`, `DoNotCall`) whose Contact
 * (`ConvertedContactId`) has not. Converting into an existing Contact keeps the Contact's own values, so an opt-out
 * given on the Lead is lost and the person can be emailed or called again.
 */
import { ident } from '../sql.js';
import { CONSENT_FIELDS } from '../vocabulary.js';
import { queryIds, queryNumber, queryRows, type CheckDefinition } from './types.js';

export type ConsentDetails = {
    flags: string[];
    byFlag: Record<string, number>;
    /** Opted-out converted Leads whose Contact is not in the snapshot (not counted). */
    contactNotInSnapshot: number;
};

export const consentLostAtConversion: CheckDefinition<ConsentDetails> = {
    id: 'consent-lost-at-conversion',
    title: 'Opt-out lost at conversion',
    meaning:
        'The person opted out on the Lead, but the Contact it converted into (typically an existing one) has not: email or calls can reach someone who said no.',
    action: 'Set the same opt-out on the Contact now (the fix list proposes it), and add the opt-out to the conversion carry-over for conversions into existing Contacts.',
    needs: { Lead: ['Id', 'IsConverted', 'ConvertedContactId'], Contact: ['Id'] },
    mayRead: { Lead: [...CONSENT_FIELDS], Contact: [...CONSENT_FIELDS] },
    async run(ctx) {
        const lead = ctx.loaded.objects.Lead;
        const contact = ctx.loaded.objects.Contact;
        const flags = CONSENT_FIELDS.filter((f) => lead?.fields.has(f) && contact?.fields.has(f));
        if (flags.length === 0) {
            const side = CONSENT_FIELDS.some((f) => lead?.fields.has(f)) ? 'Contact' : 'Lead';
            return { skip: `${side}.csv has no ${CONSENT_FIELDS.join(' or ')} column` };
        }
        const lost = (f: string): string => `(l.${ident(f)} AND NOT coalesce(c.${ident(f)}, false))`;
        const optedOut = flags.map((f) => `l.${ident(f)}`).join(' OR ');
        const base = `FROM lead l JOIN contact c ON c.Id_k = l.ConvertedContactId WHERE l.IsConverted`;
        const recordIds = await queryIds(ctx.conn, `SELECT l.Id ${base} AND (${flags.map(lost).join(' OR ')})`);
        const population = await queryNumber(ctx.conn, `SELECT count(*) ${base}`);
        const [counts] = await queryRows(
            ctx.conn,
            `SELECT ${flags.map((f, i) => `count_if(${lost(f)})::BIGINT AS f${i}`).join(', ')} ${base}`
        );
        const contactNotInSnapshot = await queryNumber(
            ctx.conn,
            `SELECT count(*) FROM lead l WHERE l.IsConverted AND (${optedOut}) AND l.ConvertedContactId IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.Id_k = l.ConvertedContactId)`
        );
        return {
            recordIds,
            population,
            details: {
                flags,
                byFlag: Object.fromEntries(flags.map((f, i) => [f, Number(counts?.[`f${i}`] ?? 0)])),
                contactNotInSnapshot
            }
        };
    }
};
