/**
 * Record-for-record agreement between the bundled snapshot and what the scratch-org import produces (tree files plus
 * the Apex conversions), by natural keys (keys.ts), never by Id. Each side becomes `<Object> <key>` → field values
 * (references as the referenced record's key); `sampleDiff` lists every record or value that differs.
 */
import { ATTRIBUTION_FIELDS, UTM_FIELDS, byId, convertedOppKey, leadKey, need } from './keys.js';
import type { AppliedConversion } from './apex.js';
import { TREE_FILE_LIMIT, type PlanEntry, type TreeRecord } from './plan.js';
import type { Row, SnapshotRows } from './snapshot.js';

export type Records = Map<string, Record<string, string>>;
/** What the org calls a converted Lead's status: the org's converted LeadStatus (the Apex reads it). */
export const CONVERTED = '(converted status)';

const LEAD_VALUES = [
    'FirstName',
    'LastName',
    'Company',
    'Email',
    'Status',
    ...ATTRIBUTION_FIELDS,
    'MQL_Date__c',
    'SQL_Date__c'
];
const CONTACT_VALUES = ['FirstName', 'LastName', 'Email', ...ATTRIBUTION_FIELDS];
const OPP_VALUES = ['Name', 'LeadSource', 'StageName', 'Amount', 'CloseDate', 'Persona__c', ...UTM_FIELDS];

const pick = (row: Record<string, unknown>, fields: readonly string[]): Record<string, string> =>
    Object.fromEntries(
        fields.map((f) => {
            const v = row[f];
            return [f, v === null || v === undefined ? '' : String(v)];
        })
    );

function put(out: Records, key: string, values: Record<string, string>): void {
    if (out.has(key)) throw new Error(`two records have the key ${key}`);
    out.set(key, values);
}

/** The records the snapshot holds, keyed. */
export function snapshotRecords(s: SnapshotRows): Records {
    const rows = (o: string): Row[] => s[o] ?? [];
    const accounts = byId(rows('Account'), 'Account');
    const campaigns = byId(rows('Campaign'), 'Campaign');
    const leads = byId(rows('Lead'), 'Lead');
    const contacts = byId(rows('Contact'), 'Contact');
    const opps = byId(rows('Opportunity'), 'Opportunity');
    const convertedBy = new Map(
        rows('Lead')
            .filter((l) => l.IsConverted === 'true')
            .map((l) => [l.ConvertedOpportunityId ?? '', l])
    );
    const contactKey = (id: string, what: string): string => `<${need(contacts, id, what).Email ?? ''}>`;
    const oppKey = (id: string, what: string): string => {
        const lead = convertedBy.get(id);
        return lead ? convertedOppKey(leadKey(lead)) : (need(opps, id, what).Name ?? '');
    };
    const out: Records = new Map();
    for (const a of rows('Account')) put(out, `Account ${a.Name}`, pick(a, ['Name']));
    for (const c of rows('Campaign')) put(out, `Campaign ${c.Name}`, pick(c, ['Name', 'Type']));
    for (const c of rows('Contact'))
        put(out, `Contact <${c.Email}>`, {
            ...pick(c, CONTACT_VALUES),
            Account: need(accounts, c.AccountId ?? '', `Contact ${c.Id}`).Name ?? ''
        });
    for (const l of rows('Lead')) {
        const converted = l.IsConverted === 'true';
        put(out, `Lead ${leadKey(l)}`, {
            ...pick(l, LEAD_VALUES),
            ...(converted ? { Status: CONVERTED } : {}),
            IsConverted: String(converted),
            ConvertedAccount: converted ? (need(accounts, l.ConvertedAccountId ?? '', `Lead ${l.Id}`).Name ?? '') : '',
            ConvertedContact: converted ? contactKey(l.ConvertedContactId ?? '', `Lead ${l.Id}`) : '',
            ConvertedOpportunity: converted ? convertedOppKey(leadKey(l)) : ''
        });
    }
    for (const o of rows('Opportunity'))
        put(out, `Opportunity ${oppKey(o.Id ?? '', `Opportunity ${o.Id}`)}`, {
            ...pick(o, OPP_VALUES),
            Account: need(accounts, o.AccountId ?? '', `Opportunity ${o.Id}`).Name ?? '',
            Campaign: o.CampaignId ? (need(campaigns, o.CampaignId, `Opportunity ${o.Id}`).Name ?? '') : ''
        });
    for (const r of rows('OpportunityContactRole'))
        put(
            out,
            `OpportunityContactRole ${oppKey(r.OpportunityId ?? '', `OpportunityContactRole ${r.Id}`)} / ${contactKey(r.ContactId ?? '', `OpportunityContactRole ${r.Id}`)}`,
            pick(r, ['Role', 'IsPrimary'])
        );
    for (const m of rows('CampaignMember')) {
        const campaign = need(campaigns, m.CampaignId ?? '', `CampaignMember ${m.Id}`).Name ?? '';
        // a converted Lead's membership is the Lead's (conversion adds the Contact to it)
        const who = m.LeadId
            ? `Lead ${leadKey(need(leads, m.LeadId, `CampaignMember ${m.Id}`))}`
            : `Contact ${contactKey(m.ContactId ?? '', `CampaignMember ${m.Id}`)}`;
        put(out, `CampaignMember ${campaign} / ${who}`, pick(m, ['Status']));
    }
    return out;
}

type Ref = { type: string; referenceId: string };
const isRef = (v: unknown): v is string => typeof v === 'string' && v.startsWith('@');

export interface ImportSide {
    plan: PlanEntry[];
    files: Record<string, { records: TreeRecord[] }>;
    /** What the Apex applies (decoded from the script's payload). */
    conversions: readonly AppliedConversion[];
}

/** The records the import (tree files, then the Apex conversions as the script applies them) creates, keyed. */
export function importRecords(p: ImportSide): Records {
    const all: TreeRecord[] = p.plan.flatMap((e) =>
        e.files.flatMap((f) => {
            const file = p.files[f];
            if (!file) throw new Error(`plan.json names ${f}, which is missing`);
            for (const r of file.records)
                if (r.attributes.type !== e.sobject)
                    throw new Error(
                        `${f}: ${r.attributes.referenceId} is a ${r.attributes.type}, the plan says ${e.sobject}`
                    );
            return file.records;
        })
    );
    const byRef = new Map<string, TreeRecord>();
    for (const r of all) {
        if (byRef.has(r.attributes.referenceId))
            throw new Error(`referenceId ${r.attributes.referenceId} is used twice`);
        byRef.set(r.attributes.referenceId, r);
    }
    const deref = (v: unknown, what: string): TreeRecord => {
        const r = isRef(v) ? byRef.get(v.slice(1)) : undefined;
        if (!r) throw new Error(`${what}: reference ${String(v)} resolves to no imported record`);
        return r;
    };
    const f = (r: TreeRecord, field: string): string => {
        const v = r[field];
        return v === undefined ? '' : typeof v === 'object' ? (v as Ref).referenceId : String(v);
    };
    const leadKeyOf = (r: TreeRecord): string => `${f(r, 'FirstName')} ${f(r, 'LastName')} <${f(r, 'Email')}>`;
    const conversions = new Map<string, AppliedConversion>(p.conversions.map((c) => [c.lead, c]));
    const out: Records = new Map();
    for (const r of all) {
        const what = `${r.attributes.type} ${r.attributes.referenceId}`;
        const t = r.attributes.type;
        if (t === 'Account') put(out, `Account ${f(r, 'Name')}`, pick(r, ['Name']));
        else if (t === 'Campaign') put(out, `Campaign ${f(r, 'Name')}`, pick(r, ['Name', 'Type']));
        else if (t === 'Contact')
            put(out, `Contact <${f(r, 'Email')}>`, {
                ...pick(r, CONTACT_VALUES),
                Account: f(deref(r.AccountId, what), 'Name')
            });
        else if (t === 'Lead') {
            const key = leadKeyOf(r);
            const c = conversions.get(key);
            put(out, `Lead ${key}`, {
                ...pick(r, LEAD_VALUES),
                ...(c ? { Status: CONVERTED } : {}),
                IsConverted: String(Boolean(c)),
                ConvertedAccount: c?.account ?? '',
                ConvertedContact: c ? `<${f(r, 'Email')}>` : '',
                ConvertedOpportunity: c ? convertedOppKey(key) : ''
            });
            if (c) {
                // conversion creates the Contact (from the Lead, then the Apex writes the snapshot values), the
                // Opportunity and its primary, role-less Contact Role
                // the Apex starts the Contact and the Opportunity from the Lead's values, then applies its overrides
                const fromLead = pick(r, ATTRIBUTION_FIELDS);
                put(out, `Contact <${f(r, 'Email')}>`, {
                    ...pick(r, ['FirstName', 'LastName', 'Email']),
                    ...fromLead,
                    ...pick(c.contact, Object.keys(c.contact)),
                    Account: c.account
                });
                put(out, `Opportunity ${convertedOppKey(key)}`, {
                    ...pick({ ...fromLead, ...c.opportunity }, OPP_VALUES),
                    Account: c.account,
                    Campaign: c.opportunity.Campaign === null ? '' : String(c.opportunity.Campaign)
                });
                put(out, `OpportunityContactRole ${convertedOppKey(key)} / <${f(r, 'Email')}>`, {
                    Role: '',
                    IsPrimary: 'true'
                });
            }
        } else if (t === 'Opportunity')
            put(out, `Opportunity ${f(r, 'Name')}`, {
                ...pick(r, OPP_VALUES),
                Account: f(deref(r.AccountId, what), 'Name'),
                Campaign: r.CampaignId === undefined ? '' : f(deref(r.CampaignId, what), 'Name')
            });
        else if (t === 'OpportunityContactRole')
            put(
                out,
                `OpportunityContactRole ${f(deref(r.OpportunityId, what), 'Name')} / <${f(deref(r.ContactId, what), 'Email')}>`,
                pick(r, ['Role', 'IsPrimary'])
            );
        else if (t === 'CampaignMember') {
            const who =
                r.LeadId !== undefined
                    ? `Lead ${leadKeyOf(deref(r.LeadId, what))}`
                    : `Contact <${f(deref(r.ContactId, what), 'Email')}>`;
            put(out, `CampaignMember ${f(deref(r.CampaignId, what), 'Name')} / ${who}`, pick(r, ['Status']));
        } else throw new Error(`${what}: no agreement rule for ${t}`);
    }
    for (const c of p.conversions)
        if (!out.has(`Lead ${c.lead}`)) throw new Error(`conversion of ${c.lead}: the Lead is not imported`);
    return out;
}

/** Every difference, as `<Object> <key>: …` lines (empty when the two agree record for record). */
export function sampleDiff(snapshot: Records, imported: Records): string[] {
    const out: string[] = [];
    for (const [key, want] of snapshot) {
        const got = imported.get(key);
        if (!got) {
            out.push(`${key}: in the snapshot, not created by the import`);
            continue;
        }
        for (const field of new Set([...Object.keys(want), ...Object.keys(got)]))
            if ((want[field] ?? '') !== (got[field] ?? ''))
                out.push(`${key}: ${field}: snapshot "${want[field] ?? ''}", import "${got[field] ?? ''}"`);
    }
    for (const key of imported.keys())
        if (!snapshot.has(key)) out.push(`${key}: created by the import, not in the snapshot`);
    return out;
}

/** Limits and order of the tree plan: files within the per-request limit, references only to earlier saved records. */
export function treeProblems(p: Pick<ImportSide, 'plan' | 'files'>): string[] {
    const out: string[] = [];
    const saved = new Set<string>();
    for (const entry of p.plan) {
        const mine: string[] = [];
        for (const name of entry.files) {
            const records = p.files[name]?.records ?? [];
            if (records.length > TREE_FILE_LIMIT)
                out.push(`${name}: ${records.length} records, over ${TREE_FILE_LIMIT} per file`);
            for (const r of records) {
                mine.push(r.attributes.referenceId);
                for (const [field, v] of Object.entries(r))
                    if (isRef(v)) {
                        if (!entry.resolveRefs)
                            out.push(
                                `${name}: ${r.attributes.referenceId}.${field} is a reference but the plan entry does not resolve references`
                            );
                        else if (!saved.has(v.slice(1)))
                            out.push(
                                `${name}: ${r.attributes.referenceId}.${field} refers to ${v}, which no earlier plan entry saves`
                            );
                    }
            }
        }
        if (entry.saveRefs) for (const id of mine) saved.add(id);
    }
    return out;
}
