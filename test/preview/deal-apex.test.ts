/**
 * The preview's stand-ins for the deal controllers (preview/deal-apex.ts) follow the Apex: candidates are responses of
 * the buying group on or before the creation day, newest first; one primary at a time; the delete guard refuses the
 * last contact role at the contact-role stage with the flow's own message; touches oldest first, first/last marked.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../src/audit/config.js';
import {
    getCampaignInfluence,
    getDealContext,
    loadDealRules,
    removeContactRole,
    saveContactRole,
    type DealContext,
    type InfluenceView
} from '../../preview/deal-apex.js';
import { loadObjectFields } from '../../preview/metadata.js';
import { PROJECT_DIR } from '../../preview/build.js';
import type { Snapshot } from '../../preview/snapshot.js';
import { PreviewStore } from '../../preview/ui-api.js';

const OPP = '006000000000001AAA';
const ACCOUNT = '001000000000001AAA';
const [ANA, BEN] = ['003000000000001AAA', '003000000000002AAA'];
const [OLD, NEW, LATE] = ['701000000000001AAA', '701000000000002AAA', '701000000000003AAA'];
const config = loadDealRules(PROJECT_DIR, { ...DEFAULT_RULES });

function store(stage = 'Proposal/Quote'): PreviewStore {
    const member = (id: string, campaign: string, contact: string, day: string) => ({
        Id: id,
        CampaignId: campaign,
        ContactId: contact,
        HasResponded: 'true',
        FirstRespondedDate: day,
        CreatedDate: `${day}T10:00:00.000Z`
    });
    const snapshot: Snapshot = {
        Opportunity: [
            {
                Id: OPP,
                AccountId: ACCOUNT,
                StageName: stage,
                IsClosed: 'false',
                CreatedDate: '2026-06-15T10:00:00.000Z',
                CampaignId: NEW
            }
        ],
        Contact: [
            { Id: ANA, AccountId: ACCOUNT, FirstName: 'Ana', LastName: 'Lima', Persona__c: 'Technical Evaluator' },
            { Id: BEN, AccountId: ACCOUNT, FirstName: 'Ben', LastName: 'Ode', Persona__c: null }
        ],
        Campaign: [
            { Id: OLD, Name: 'Old' },
            { Id: NEW, Name: 'New' },
            { Id: LATE, Name: 'Late' }
        ],
        CampaignMember: [
            member('00v000000000001AAA', OLD, ANA, '2026-05-01'),
            member('00v000000000002AAA', NEW, ANA, '2026-06-10'),
            member('00v000000000003AAA', LATE, ANA, '2026-07-01')
        ],
        OpportunityContactRole: [
            { Id: '00K000000000001AAA', OpportunityId: OPP, ContactId: ANA, Role: null, IsPrimary: 'true' }
        ]
    };
    return new PreviewStore(snapshot, loadObjectFields(PROJECT_DIR));
}

describe('deal Apex stand-ins', () => {
    it('reads the project configuration (mapping, Personas, the delete guard message)', () => {
        expect(config.roleByPersona['Technical Evaluator']).toBe('Technical Buyer');
        expect(config.personas).toContain('Champion');
        expect(config.deleteGuardMessage).toMatch(/^You cannot remove the last Contact Role/);
    });

    it('offers responses on or before the creation day, newest first, with the mapped role', () => {
        const context = getDealContext(store(), { opportunityId: OPP }, config).body as DealContext;
        expect(context.campaignCandidates.map((c) => c.campaignId)).toEqual([NEW, OLD]);
        expect(context.campaignCandidates[0]?.isPrimaryCampaignSource).toBe(true);
        expect(context.accountContacts.find((c) => c.contactId === ANA)?.suggestedRole).toBe('Technical Buyer');
        expect(getDealContext(store(), { opportunityId: 'nope' }, config).status).toBe(500);
    });

    it('keeps one primary at a time', () => {
        const s = store();
        const saved = saveContactRole(
            s,
            { opportunityId: OPP, contactRoleId: null, contactId: BEN, role: 'Evaluator', isPrimary: true },
            config
        );
        expect(saved.status).toBe(200);
        const roles = (getDealContext(s, { opportunityId: OPP }, config).body as DealContext).contactRoles;
        expect(roles.filter((r) => r.isPrimary).map((r) => r.contactId)).toEqual([BEN]);
    });

    it('refuses the last contact role at the contact-role stage with the flow message, not before it', () => {
        const gated = removeContactRole(store(), { contactRoleId: '00K000000000001AAA' }, config);
        expect(gated.status).toBe(500);
        expect((gated.body as { message: string }).message).toBe(
            config.deleteGuardMessage.replace('{!Get_Opportunity.StageName}', 'Proposal/Quote')
        );
        expect(removeContactRole(store('Qualification'), { contactRoleId: '00K000000000001AAA' }, config).status).toBe(
            200
        );
    });

    it('lists touches before the creation day oldest first, first and last marked', () => {
        const view = getCampaignInfluence(store(), { opportunityId: OPP }, config).body as InfluenceView;
        expect(
            view.touches.map((t) => [t.campaignId, t.isFirstTouch, t.isLastTouch, t.isPrimaryCampaignSource])
        ).toEqual([
            [OLD, true, false, false],
            [NEW, false, true, true]
        ]);
        expect([view.view, view.cutoffDate]).toEqual(['touches', '2026-06-15']);
    });
});
