/**
 * The preview's stand-ins for AttributionDealController and AttributionInfluenceController over the sample snapshot
 * (pure: the store and the rules in, the DTOs of types/apex.d.ts out). They follow the Apex: the buying group is the
 * contact roles' contacts (the account's while there are none), candidates are responses on or before the
 * opportunity's creation day within the lookback, newest first; one primary at a time; removing the last contact role
 * at or after the contact-role stage answers the delete guard flow's message. No Customizable Campaign Influence in
 * the snapshot, so the influence view is always `touches`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type {
    CampaignCandidate,
    ContactRoleRow,
    DealContext
} from '@salesforce/apex/AttributionDealController.getDealContext';
import type { InfluenceView, Touch } from '@salesforce/apex/AttributionInfluenceController.getCampaignInfluence';
export type { DealContext, InfluenceView };
import type { RulesConfig } from '../src/audit/config.js';
import { DEFAULT_CONTACT_ROLES } from '../src/verify/refs/governed.js';
import { loadKitConfig } from './kit-config.js';
import type { Row } from './snapshot.js';
import type { ApiResponse, PreviewStore } from './ui-api.js';

export interface DealRules {
    rules: RulesConfig;
    lookbackDays: number | null;
    personas: string[];
    roleByPersona: Record<string, string>;
    deleteGuardMessage: string;
}

/** The project's configuration the stand-ins need: lookback, Personas, the mapping and the delete guard's message. */
export function loadDealRules(projectDir: string, rules: RulesConfig): DealRules {
    const dir = path.join(projectDir, 'force-app/main/default');
    const { lookbackDays, personas, roleByPersona } = loadKitConfig(projectDir);
    const flow = readFileSync(path.join(dir, 'flows/Opportunity_Contact_Role_Delete_Guard.flow-meta.xml'), 'utf8');
    const deleteGuardMessage = /<errorMessage>(You cannot remove[^<]*)<\/errorMessage>/.exec(flow)?.[1] ?? '';
    return {
        rules,
        lookbackDays,
        personas,
        roleByPersona: Object.fromEntries(roleByPersona),
        deleteGuardMessage
    };
}

const ok = (body: unknown): ApiResponse => ({ status: 200, body });
/** An AuraHandledException as the Apex runtime sends it to a component. */
const auraError = (message: string): ApiResponse => ({
    status: 500,
    body: { message, exceptionType: 'System.AuraHandledException', isUserDefinedException: false }
});

function opportunity(store: PreviewStore, id: unknown): Row | null {
    return typeof id === 'string' && store.objectOf(id) === 'Opportunity'
        ? (store.rows('Opportunity').find((r) => r.Id === id) ?? null)
        : null;
}

function contactName(store: PreviewStore, contactId: string | null): string | null {
    const contact = store.rows('Contact').find((r) => r.Id === contactId);
    return contact ? [contact.FirstName, contact.LastName].filter(Boolean).join(' ') : null;
}

function roleRows(store: PreviewStore, opportunityId: string): ContactRoleRow[] {
    return store
        .rows('OpportunityContactRole')
        .filter((r) => r.OpportunityId === opportunityId)
        .map((r) => ({
            id: String(r.Id),
            contactId: String(r.ContactId),
            contactName: contactName(store, r.ContactId ?? null),
            role: r.Role || null,
            isPrimary: r.IsPrimary === 'true',
            persona: store.rows('Contact').find((c) => c.Id === r.ContactId)?.Persona__c || null
        }))
        .sort((a, b) => Number(b.isPrimary) - Number(a.isPrimary));
}

function buyingGroup(store: PreviewStore, opp: Row): Set<string> {
    const roles = roleRows(store, String(opp.Id)).map((r) => r.contactId);
    if (roles.length > 0) return new Set(roles);
    return new Set(
        store
            .rows('Contact')
            .filter((c) => c.AccountId && c.AccountId === opp.AccountId)
            .map((c) => String(c.Id))
    );
}

/** Responded memberships of the contacts within [earliest, latest] (ISO dates), newest first. */
function responses(store: PreviewStore, contacts: Set<string>, earliest: string | null, latest: string): Row[] {
    return store
        .rows('CampaignMember')
        .filter((m) => m.ContactId && contacts.has(m.ContactId) && m.HasResponded === 'true' && m.FirstRespondedDate)
        .filter(
            (m) =>
                String(m.FirstRespondedDate) <= latest &&
                (earliest === null || String(m.FirstRespondedDate) >= earliest)
        )
        .sort(
            (a, b) =>
                String(b.FirstRespondedDate).localeCompare(String(a.FirstRespondedDate)) ||
                String(b.CreatedDate).localeCompare(String(a.CreatedDate))
        );
}

const campaignName = (store: PreviewStore, id: string | null): string | null =>
    store.rows('Campaign').find((c) => c.Id === id)?.Name ?? null;

const day = (iso: string | null | undefined): string => String(iso ?? '').slice(0, 10);

function addDays(isoDay: string, days: number): string {
    const d = new Date(`${isoDay}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + days);
    return d.toISOString().slice(0, 10);
}

export function getDealContext(store: PreviewStore, params: unknown, config: DealRules): ApiResponse {
    const opportunityId = (params as { opportunityId?: unknown } | null)?.opportunityId;
    const opp = opportunity(store, opportunityId);
    if (!opp)
        return auraError('You cannot see this opportunity, or it was deleted. Ask its owner or your admin for access.');
    const createdDay = day(opp.CreatedDate);
    const earliest = config.lookbackDays === null ? null : addDays(createdDay, -config.lookbackDays);
    const seen = new Set<string>();
    const candidates: CampaignCandidate[] = [];
    for (const m of responses(store, buyingGroup(store, opp), earliest, createdDay)) {
        if (!m.CampaignId || seen.has(m.CampaignId)) continue;
        seen.add(m.CampaignId);
        candidates.push({
            campaignId: m.CampaignId,
            campaignName: campaignName(store, m.CampaignId),
            respondedDate: day(m.FirstRespondedDate),
            contactName: contactName(store, m.ContactId ?? null),
            isPrimaryCampaignSource: m.CampaignId === opp.CampaignId
        });
    }
    const context: DealContext = {
        opportunityId: String(opp.Id),
        accountId: opp.AccountId || null,
        contactRoles: roleRows(store, String(opp.Id)),
        accountContacts: store
            .rows('Contact')
            .filter((c) => c.AccountId && c.AccountId === opp.AccountId)
            .map((c) => ({
                contactId: String(c.Id),
                name: contactName(store, String(c.Id)),
                title: c.Title || null,
                persona: c.Persona__c || null,
                suggestedRole: c.Persona__c ? (config.roleByPersona[c.Persona__c] ?? null) : null
            }))
            .sort((a, b) => String(a.name).localeCompare(String(b.name))),
        campaignCandidates: candidates,
        roleOptions: [...DEFAULT_CONTACT_ROLES],
        personaOptions: config.personas
    };
    return ok(context);
}

let sequence = 0;
/** A fresh 18-character contact role Id of the preview (key prefix 00K). */
function newContactRoleId(): string {
    sequence += 1;
    return `00Kpv${String(sequence).padStart(10, '0')}AAA`;
}

export function saveContactRole(store: PreviewStore, params: unknown, _config: DealRules): ApiResponse {
    const p = (params ?? {}) as {
        opportunityId?: string;
        contactRoleId?: string | null;
        contactId?: string | null;
        role?: string | null;
        isPrimary?: boolean;
    };
    const opp = opportunity(store, p.opportunityId);
    if (!opp || (!p.contactRoleId && !p.contactId)) return auraError('Choose a contact for the new contact role.');
    if (p.isPrimary) {
        for (const other of store.rows('OpportunityContactRole')) {
            if (other.OpportunityId === opp.Id && other.Id !== p.contactRoleId)
                store.patchRow(String(other.Id), { IsPrimary: 'false' });
        }
    }
    const values = { Role: p.role || null, IsPrimary: p.isPrimary ? 'true' : 'false' };
    let id = p.contactRoleId ?? null;
    if (id) {
        if (!store.patchRow(id, values)) return auraError('This contact role was deleted. Reload the page.');
    } else {
        id = store.insertRow('OpportunityContactRole', {
            Id: newContactRoleId(),
            OpportunityId: String(opp.Id),
            ContactId: String(p.contactId),
            ...values
        });
    }
    return ok(roleRows(store, String(opp.Id)).find((r) => r.id === id));
}

export function removeContactRole(store: PreviewStore, params: unknown, config: DealRules): ApiResponse {
    const id = (params as { contactRoleId?: string } | null)?.contactRoleId ?? '';
    const row = store.rows('OpportunityContactRole').find((r) => r.Id === id);
    if (!row) return auraError('Choose the contact role to remove.');
    const opp = opportunity(store, row.OpportunityId);
    const others = store
        .rows('OpportunityContactRole')
        .filter((r) => r.OpportunityId === row.OpportunityId && r.Id !== id);
    const order = config.rules.stageOrder;
    const gated = order.indexOf(config.rules.contactRoleRequiredStage);
    const at = order.indexOf(String(opp?.StageName ?? ''));
    if (others.length === 0 && gated >= 0 && at >= gated) {
        return auraError(config.deleteGuardMessage.replace('{!Get_Opportunity.StageName}', String(opp?.StageName)));
    }
    store.deleteRow(id);
    return ok(null);
}

export function getCampaignInfluence(store: PreviewStore, params: unknown, _config: DealRules): ApiResponse {
    const opp = opportunity(store, (params as { opportunityId?: unknown } | null)?.opportunityId);
    if (!opp)
        return auraError('You cannot see this opportunity, or it was deleted. Ask its owner or your admin for access.');
    const isClosed = opp.IsClosed === 'true';
    const cutoff = isClosed ? day(opp.CloseDate) : day(opp.CreatedDate);
    const newestFirst = responses(store, buyingGroup(store, opp), null, cutoff);
    const touches: Touch[] = [...newestFirst].reverse().map((m, index, all) => ({
        campaignId: String(m.CampaignId),
        campaignName: campaignName(store, m.CampaignId ?? null),
        contactId: String(m.ContactId),
        contactName: contactName(store, m.ContactId ?? null),
        respondedDate: day(m.FirstRespondedDate),
        isFirstTouch: index === 0,
        isLastTouch: index === all.length - 1,
        isPrimaryCampaignSource: m.CampaignId === opp.CampaignId
    }));
    const view: InfluenceView = {
        view: 'touches',
        cutoffDate: cutoff,
        isClosed,
        primaryCampaignId: opp.CampaignId || null,
        touches,
        influence: null
    };
    return ok(view);
}
