/**
 * The fix of `consent-lost-at-conversion`: the Contact a converted Lead became gets the Lead's opt-out
 * (`HasOptedOutOfEmail`, `DoNotCall` = true). Certain: the person said no on the Lead, and the snapshot says which
 * Contact the Lead became; an opt-out is never turned off by a fix.
 */
import { consentLostAtConversion } from '../checks/consent.js';
import { ident, isTrueText as truthy } from '../sql.js';
import { CONSENT_FIELDS } from '../vocabulary.js';
import { queryRows } from '../checks/types.js';
import { findings, key15, recordOf, s, type DeriveContext, type Derived } from './derive.js';
import { recordSql } from './raw.js';

export async function deriveConsent(ctx: DeriveContext, ids: readonly string[]): Promise<Derived> {
    const out: Derived = { candidates: [], unfixable: [] };
    const lead = ctx.present.get('Lead');
    const contact = ctx.present.get('Contact');
    const flags = CONSENT_FIELDS.filter((f) => lead?.has(f) && contact?.has(f));
    if (flags.length === 0) return out;
    await findings(ctx.conn, ids);
    const cols = flags.map((f) => `l.${ident(f)} AS ${ident(`l_${f}`)}, c.${ident(f)} AS ${ident(`c_${f}`)}`);
    const rows = await queryRows(
        ctx.conn,
        `SELECT l.Id AS lead_id, ${recordSql('c', 'Contact')}, ${cols.join(', ')}
         FROM raw_lead l JOIN finding_ids f ON f.id = trim(l.Id)
         JOIN raw_contact c ON ${key15('c.Id')} = ${key15('l.ConvertedContactId')}`
    );
    for (const row of rows) {
        const leadId = s(row.lead_id).trim();
        for (const field of flags) {
            const current = s(row[`c_${field}`]);
            if (!truthy(s(row[`l_${field}`])) || truthy(current)) continue;
            out.candidates.push({
                checkId: consentLostAtConversion.id,
                findingId: leadId,
                object: 'Contact',
                record: recordOf(row),
                field,
                currentValue: current,
                value: 'true',
                confidence: 'certain',
                reason: `converted Lead ${leadId} opted out (${field}); the Contact it became has not`,
                resolves: truthy
            });
        }
    }
    return out;
}
