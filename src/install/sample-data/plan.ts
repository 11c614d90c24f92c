/**
 * The scratch-org import derived from the bundled snapshot (the one source): `sf data import tree` files with a plan,
 * and the conversions anonymous Apex performs afterwards (conversion cannot be imported). Pure: rows in, documents out.
 *
 * What goes where:
 * - tree files: Accounts, Campaigns, the Contacts that exist before any conversion, every Lead (the converted ones
 *   with an open status, as they were before conversion), Campaign Members (a converted Lead's membership on the
 *   Lead: conversion moves it to the new Contact), the Opportunities created directly and their Contact Roles;
 * - conversions: each converted Lead, the Account it converts into, and the values its Contact and Opportunity hold
 *   in the snapshot (the planted defects included), which the Apex writes after converting.
 * At most 200 records per tree file (the sObject Tree API's limit per request; the CLI batches plan files, the kit
 * keeps each file within it anyway).
 */
import { ATTRIBUTION_FIELDS, UTM_FIELDS, byId, leadKey, need, uniqueKeys } from './keys.js';
import type { Row, SnapshotRows } from './snapshot.js';

export const TREE_FILE_LIMIT = 200;

export type TreeValue = string | number | boolean;
export interface TreeRecord {
    attributes: { type: string; referenceId: string };
    [field: string]: TreeValue | { type: string; referenceId: string };
}
export interface PlanEntry {
    sobject: string;
    saveRefs: boolean;
    resolveRefs: boolean;
    files: string[];
}
export interface Conversion {
    lead: string;
    account: string;
    /** The Lead's Lead Source, Persona and UTM values (what conversion starts the Contact and Opportunity from). */
    leadValues: Record<string, string | null>;
    contact: Record<string, string | null>;
    opportunity: Record<string, string | number | null>;
}
export interface SamplePlan {
    plan: PlanEntry[];
    files: Record<string, { records: TreeRecord[] }>;
    conversions: Conversion[];
}

const LEAD_FIELDS = ['FirstName', 'LastName', 'Company', 'Email', 'LeadSource', 'Status', 'Persona__c', ...UTM_FIELDS];
const LEAD_DATES = ['MQL_Date__c', 'SQL_Date__c'];
const CONTACT_FIELDS = ['FirstName', 'LastName', 'Email', ...ATTRIBUTION_FIELDS];
const OPP_FIELDS = ['Name', 'LeadSource', 'StageName', 'CloseDate', 'Persona__c', ...UTM_FIELDS];

/** Copies the non-empty values of `fields` (an absent field is imported as null). */
const copy = (row: Row, fields: readonly string[]): Record<string, string> =>
    Object.fromEntries(fields.filter((f) => (row[f] ?? '') !== '').map((f) => [f, row[f] ?? '']));
const orNull = (row: Row, fields: readonly string[]): Record<string, string | null> =>
    Object.fromEntries(fields.map((f) => [f, (row[f] ?? '') === '' ? null : (row[f] ?? '')]));
const amount = (row: Row, what: string): number => {
    const n = Number(row.Amount);
    if (row.Amount === '' || !Number.isFinite(n))
        throw new Error(`${what}: Amount "${row.Amount ?? ''}" is not a number`);
    return n;
};

function chunks<T>(list: readonly T[], size: number): T[][] {
    const out: T[][] = [];
    for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
    return out.length ? out : [[]];
}

/**
 * @param preConversionStatus the open Lead Status a converted Lead is imported with (the Apex then converts it to
 *   the org's converted status).
 */
export function buildSamplePlan(s: SnapshotRows, preConversionStatus: string): SamplePlan {
    const rows = (o: string): Row[] => s[o] ?? [];
    const accounts = byId(rows('Account'), 'Account');
    const campaigns = byId(rows('Campaign'), 'Campaign');
    byId(rows('Lead'), 'Lead');
    const contacts = byId(rows('Contact'), 'Contact');
    const opps = byId(rows('Opportunity'), 'Opportunity');
    uniqueKeys(rows('Lead'), leadKey, 'Lead.csv');
    uniqueKeys(rows('Account'), (r) => r.Name ?? '', 'Account.csv (Name)');
    uniqueKeys(rows('Campaign'), (r) => r.Name ?? '', 'Campaign.csv (Name)');

    const converted = rows('Lead').filter((l) => l.IsConverted === 'true');
    const fromConversion = new Set(converted.map((l) => l.ConvertedContactId ?? ''));
    const convertedOpps = new Set(converted.map((l) => l.ConvertedOpportunityId ?? ''));
    const existingContacts = rows('Contact').filter((c) => !fromConversion.has(c.Id ?? ''));
    const directOpps = rows('Opportunity').filter((o) => !convertedOpps.has(o.Id ?? ''));
    uniqueKeys(existingContacts, (r) => r.Email ?? '', 'Contact.csv (Email of Contacts not from a conversion)');
    uniqueKeys(directOpps, (r) => r.Name ?? '', 'Opportunity.csv (Name of Opportunities not from a conversion)');

    const ref = new Map<string, string>();
    const refs = (prefix: string, list: readonly Row[]): void =>
        list.forEach((r, i) => ref.set(r.Id ?? '', `${prefix}${i + 1}`));
    refs('Account', rows('Account'));
    refs('Campaign', rows('Campaign'));
    refs('Contact', existingContacts);
    refs('Lead', rows('Lead'));
    refs('Opportunity', directOpps);
    const at = (id: string, what: string): string => {
        const r = ref.get(id);
        if (!r) throw new Error(`${what}: refers to ${id}, which the import does not create`);
        return `@${r}`;
    };
    const rec = (type: string, referenceId: string, fields: Record<string, TreeValue>): TreeRecord => ({
        attributes: { type, referenceId },
        ...fields
    });

    const accountRecords = rows('Account').map((a) => rec('Account', ref.get(a.Id ?? '') ?? '', copy(a, ['Name'])));
    const campaignRecords = rows('Campaign').map((c) =>
        rec('Campaign', ref.get(c.Id ?? '') ?? '', { ...copy(c, ['Name', 'Type']), IsActive: true })
    );
    const contactRecords = existingContacts.map((c) =>
        rec('Contact', ref.get(c.Id ?? '') ?? '', {
            ...copy(c, CONTACT_FIELDS),
            AccountId: at(c.AccountId ?? '', `Contact ${c.Id}`)
        })
    );
    const leadRecords = rows('Lead').map((l) =>
        rec('Lead', ref.get(l.Id ?? '') ?? '', {
            ...copy(l, [...LEAD_FIELDS, ...LEAD_DATES]),
            ...(l.IsConverted === 'true' ? { Status: preConversionStatus } : {})
        })
    );
    const memberRecords = rows('CampaignMember').map((m, i) => {
        const who = m.LeadId ? { LeadId: at(m.LeadId, `CampaignMember ${m.Id}`) } : undefined;
        const contact = !who && m.ContactId ? { ContactId: at(m.ContactId, `CampaignMember ${m.Id}`) } : undefined;
        if (!who && !contact) throw new Error(`CampaignMember.csv: ${m.Id}: neither LeadId nor ContactId`);
        return rec('CampaignMember', `CampaignMember${i + 1}`, {
            CampaignId: at(m.CampaignId ?? '', `CampaignMember ${m.Id}`),
            ...(who ?? contact),
            ...copy(m, ['Status'])
        });
    });
    const oppRecords = directOpps.map((o) =>
        rec('Opportunity', ref.get(o.Id ?? '') ?? '', {
            ...copy(o, OPP_FIELDS),
            Amount: amount(o, `Opportunity ${o.Id}`),
            AccountId: at(o.AccountId ?? '', `Opportunity ${o.Id}`),
            ...(o.CampaignId ? { CampaignId: at(o.CampaignId, `Opportunity ${o.Id}`) } : {})
        })
    );
    const roleRecords: TreeRecord[] = [];
    for (const r of rows('OpportunityContactRole')) {
        const what = `OpportunityContactRole ${r.Id}`;
        if (convertedOpps.has(r.OpportunityId ?? '')) {
            // conversion itself adds the converted Contact as the primary Contact Role, without a Role
            if (!fromConversion.has(r.ContactId ?? '') || r.Role !== '' || r.IsPrimary !== 'true')
                throw new Error(
                    `${what}: on a converted Opportunity only the primary, role-less Contact Role of the converted Contact can be reproduced (conversion creates it)`
                );
            continue;
        }
        roleRecords.push(
            rec('OpportunityContactRole', `OpportunityContactRole${roleRecords.length + 1}`, {
                OpportunityId: at(r.OpportunityId ?? '', what),
                ContactId: at(r.ContactId ?? '', what),
                ...copy(r, ['Role']),
                IsPrimary: r.IsPrimary === 'true'
            })
        );
    }

    const conversions: Conversion[] = converted.map((l) => {
        const what = `Lead ${l.Id}`;
        const contact = need(contacts, l.ConvertedContactId ?? '', what);
        const opp = need(opps, l.ConvertedOpportunityId ?? '', what);
        const campaign = opp.CampaignId ? need(campaigns, opp.CampaignId, `Opportunity ${opp.Id}`) : undefined;
        return {
            lead: leadKey(l),
            leadValues: orNull(l, ATTRIBUTION_FIELDS),
            account: need(accounts, l.ConvertedAccountId ?? '', what).Name ?? '',
            contact: orNull(contact, ATTRIBUTION_FIELDS),
            opportunity: {
                ...orNull(opp, OPP_FIELDS),
                Amount: amount(opp, `Opportunity ${opp.Id}`),
                Campaign: campaign?.Name ?? null
            }
        };
    });

    const files: SamplePlan['files'] = {};
    const plan: PlanEntry[] = [];
    const add = (
        sobject: string,
        base: string,
        records: TreeRecord[],
        saveRefs: boolean,
        resolveRefs: boolean
    ): void => {
        const parts = chunks(records, TREE_FILE_LIMIT);
        const names = parts.map((_, i) => (parts.length > 1 ? `${base}-${i + 1}.json` : `${base}.json`));
        parts.forEach((p, i) => (files[names[i] ?? ''] = { records: p }));
        plan.push({ sobject, saveRefs, resolveRefs, files: names });
    };
    add('Account', 'Accounts', accountRecords, true, false);
    add('Campaign', 'Campaigns', campaignRecords, true, false);
    add('Contact', 'Contacts', contactRecords, true, true);
    add('Lead', 'Leads', leadRecords, true, false);
    add('CampaignMember', 'CampaignMembers', memberRecords, false, true);
    add('Opportunity', 'Opportunities', oppRecords, true, true);
    add('OpportunityContactRole', 'OpportunityContactRoles', roleRecords, false, true);
    return { plan, files, conversions };
}
