/**
 * Issue 9, "Convert with guardrails": converting through AttributionLeadConvertController and converting through
 * Salesforce's own Convert button end in the same state, because Lead_After_Conversion runs during both and the
 * controller then only writes the rep's choices (which default to what the flow chose). `viaController` replays the
 * controller's DML in its order (AttributionLeadConvertController.convertLead: Database.LeadConvert, then the
 * contact role's Role when it differs, then one Opportunity update with amount, close date, stage and campaign),
 * inside one transaction as its savepoint does; the simulator runs the real flows and validation rules on each step.
 */
import { describe, expect, it } from 'vitest';
import {
    convertLead,
    DmlException,
    loadValidationRules,
    validatorFromRules,
    type ConvertLeadResult,
    type Database,
    type Fields
} from '../../src/flow-sim/index.js';
import { campaign, CUSTOM_METADATA, faults, newDb, thrown } from './helpers.js';

const RULES = loadValidationRules('force-app');
const withRules = (): Database => newDb({ validate: validatorFromRules(RULES, CUSTOM_METADATA) });
const OBJECTS = ['Lead', 'Account', 'Contact', 'Opportunity', 'OpportunityContactRole', 'CampaignMember'] as const;
const CONVERTED = 'Converted';
const FIRST_STAGE = 'Qualification';

/** What the rep sends from the Match and Deal steps (AttributionLeadConvertController.ConvertRequest). */
interface Choices {
    accountId?: string;
    contactId?: string;
    createOpportunity: boolean;
    opportunityName?: string;
    amount?: number;
    closeDate?: string;
    stageName?: string;
    campaignId?: string | null;
    contactRole?: string | null;
}

function viaController(db: Database, leadId: string, choices: Choices): ConvertLeadResult {
    return db.transaction(() => {
        const result = convertLead(db, {
            leadId,
            convertedStatus: CONVERTED,
            accountId: choices.accountId,
            contactId: choices.contactId,
            doNotCreateOpportunity: !choices.createOpportunity,
            opportunityName: choices.opportunityName,
            opportunityStage: FIRST_STAGE
        });
        const opportunityId = result.opportunityId;
        if (!opportunityId) return result;
        const role = db
            .all('OpportunityContactRole')
            .find((r) => r.OpportunityId === opportunityId && r.ContactId === result.contactId);
        if (choices.contactRole && role && role.Role !== choices.contactRole) {
            db.update('OpportunityContactRole', [{ Id: role.Id ?? null, Role: choices.contactRole }]);
        }
        const deal: Fields = { Id: opportunityId };
        if (choices.amount !== undefined) deal.Amount = choices.amount;
        if (choices.closeDate) deal.CloseDate = choices.closeDate;
        if (choices.stageName) deal.StageName = choices.stageName;
        if (choices.campaignId) deal.CampaignId = choices.campaignId;
        db.update('Opportunity', [deal]);
        return result;
    });
}

function viaButton(db: Database, leadId: string, opportunityName: string): ConvertLeadResult {
    return convertLead(db, { leadId, convertedStatus: CONVERTED, opportunityName, opportunityStage: FIRST_STAGE });
}

/** An inbound Champion who responded to a webinar, later to a summit, and was then sent a newsletter. */
function seed(db: Database, lead: Fields = {}): { lead: string; webinar: string; summit: string; newsletter: string } {
    const webinar = campaign(db, 'Fall Webinar');
    const summit = campaign(db, 'Spring Summit');
    const newsletter = campaign(db, 'November Newsletter');
    const [leadId = ''] = db.seed('Lead', [
        {
            FirstName: 'Grace',
            LastName: 'Hopper',
            Company: 'Compilers Inc',
            Email: 'grace@compilers.example',
            Status: 'Working',
            LeadSource: 'Webinar',
            Persona__c: 'Champion',
            UTM_Source__c: 'linkedin',
            UTM_Campaign__c: 'fall-webinar',
            ...lead
        }
    ]);
    db.seed('CampaignMember', [
        {
            CampaignId: summit,
            LeadId: leadId,
            HasResponded: true,
            FirstRespondedDate: '2026-04-02',
            CreatedDate: '2026-04-01T10:00:00.000Z'
        },
        {
            CampaignId: webinar,
            LeadId: leadId,
            HasResponded: true,
            FirstRespondedDate: '2026-09-10',
            CreatedDate: '2026-09-01T10:00:00.000Z'
        },
        { CampaignId: newsletter, LeadId: leadId, HasResponded: false, CreatedDate: '2026-11-15T10:00:00.000Z' }
    ]);
    return { lead: leadId, webinar, summit, newsletter };
}

/**
 * Every record of the objects conversion touches. The controller saves the opportunity once more than the button
 * (its Deal step update), so the audit timestamps of that save are left out; every other field is compared.
 */
const AUDIT_FIELDS = new Set(['LastModifiedDate', 'SystemModstamp']);
function state(db: Database): Record<string, Fields[]> {
    const strip = (row: Fields): Fields =>
        Object.fromEntries(Object.entries(row).filter(([k]) => !AUDIT_FIELDS.has(k)));
    return Object.fromEntries([...OBJECTS, 'Attribution_Guardrail_Fault__c'].map((o) => [o, db.all(o).map(strip)]));
}

describe('Convert with guardrails and the Convert button end in the same state', () => {
    it('with the choices the preflight suggests (responded campaign, mapped role, first stage)', () => {
        const button = withRules();
        const ids = seed(button);
        const native = viaButton(button, ids.lead, 'Compilers Inc');
        const guarded = withRules();
        seed(guarded);
        const result = viaController(guarded, ids.lead, {
            createOpportunity: true,
            opportunityName: 'Compilers Inc',
            stageName: FIRST_STAGE,
            campaignId: ids.webinar,
            contactRole: 'Executive Sponsor'
        });
        expect(result).toEqual(native);
        expect(state(guarded)).toEqual(state(button));
        // The flow ran in both: the responded campaign, not the newer newsletter, and the mapped role.
        expect(guarded.get('Opportunity', result.opportunityId ?? '')).toMatchObject({
            CampaignId: ids.webinar,
            Persona__c: 'Champion',
            UTM_Source__c: 'linkedin',
            LeadSource: 'Webinar'
        });
        expect(guarded.all('OpportunityContactRole')).toEqual([
            expect.objectContaining({ ContactId: result.contactId, IsPrimary: true, Role: 'Executive Sponsor' })
        ]);
        expect(faults(guarded)).toEqual([]);
    });

    it('differs when the controller would send the campaign conversion itself picks (seeded defect)', () => {
        const button = withRules();
        const ids = seed(button);
        viaButton(button, ids.lead, 'Compilers Inc');
        const guarded = withRules();
        seed(guarded);
        viaController(guarded, ids.lead, {
            createOpportunity: true,
            opportunityName: 'Compilers Inc',
            campaignId: ids.newsletter,
            contactRole: 'Executive Sponsor'
        });
        expect(state(guarded)).not.toEqual(state(button));
        expect(guarded.all('Opportunity')[0]?.CampaignId).toBe(ids.newsletter);
    });

    it('for a lead who never responded: no campaign suggested, the native one kept by both', () => {
        const respondedless = (db: Database): { lead: string; sent: string } => {
            const sent = campaign(db, 'Sent only');
            const [lead = ''] = db.seed('Lead', [
                { LastName: 'Lovelace', Company: 'Engines Ltd', Status: 'Working', LeadSource: 'Outbound' }
            ]);
            db.seed('CampaignMember', [{ CampaignId: sent, LeadId: lead, HasResponded: false }]);
            return { lead, sent };
        };
        const button = withRules();
        const { lead, sent } = respondedless(button);
        viaButton(button, lead, 'Engines Ltd');
        const guarded = withRules();
        respondedless(guarded);
        viaController(guarded, lead, { createOpportunity: true, opportunityName: 'Engines Ltd', campaignId: null });
        expect(state(guarded)).toEqual(state(button));
        expect(guarded.all('Opportunity')[0]?.CampaignId).toBe(sent);
    });

    it('without an opportunity, into an existing contact: the same contact, filled the same way', () => {
        const existing = (db: Database): { account: string; contact: string } => {
            const [account = ''] = db.seed('Account', [{ Name: 'Compilers Inc' }]);
            const [contact = ''] = db.seed('Contact', [
                { LastName: 'Hopper', AccountId: account, Email: 'grace@compilers.example' }
            ]);
            return { account, contact };
        };
        const button = withRules();
        const target = existing(button);
        const ids = seed(button);
        convertLead(button, {
            leadId: ids.lead,
            convertedStatus: CONVERTED,
            accountId: target.account,
            contactId: target.contact,
            doNotCreateOpportunity: true
        });
        const guarded = withRules();
        existing(guarded);
        seed(guarded);
        const result = viaController(guarded, ids.lead, {
            createOpportunity: false,
            accountId: target.account,
            contactId: target.contact
        });
        expect(result).toEqual({ accountId: target.account, contactId: target.contact, opportunityId: null });
        expect(state(guarded)).toEqual(state(button));
        expect(guarded.get('Contact', target.contact)).toMatchObject({ Persona__c: 'Champion', LeadSource: 'Webinar' });
    });
});

describe('Convert with guardrails: the rep choices win, all or none', () => {
    it('an older responded campaign the rep picks replaces the flow choice; nothing else differs', () => {
        const button = withRules();
        const ids = seed(button);
        viaButton(button, ids.lead, 'Compilers Inc');
        expect(button.all('Opportunity')[0]?.CampaignId).toBe(ids.webinar);
        const guarded = withRules();
        seed(guarded);
        viaController(guarded, ids.lead, {
            createOpportunity: true,
            opportunityName: 'Compilers Inc',
            amount: 12000,
            closeDate: '2026-12-31',
            campaignId: ids.summit,
            contactRole: 'Executive Sponsor'
        });
        const native = state(button);
        const chosen = { CampaignId: ids.summit, Amount: 12000, CloseDate: '2026-12-31' };
        expect(state(guarded)).toEqual({
            ...native,
            Opportunity: native.Opportunity?.map((row) => ({ ...row, ...chosen }))
        });
    });

    it('a validation rule on the deal rolls the conversion back: lead, account, contact and role untouched', () => {
        const db = withRules();
        // No campaign at all: neither conversion nor the flow can fill Primary Campaign Source.
        const [lead = ''] = db.seed('Lead', [
            {
                LastName: 'Hopper',
                Company: 'Compilers Inc',
                Status: 'Working',
                LeadSource: 'Web',
                Persona__c: 'Champion'
            }
        ]);
        const before = state(db);
        const error = thrown(() =>
            viaController(db, lead, {
                createOpportunity: true,
                opportunityName: 'Compilers Inc',
                stageName: 'Proposal/Quote',
                campaignId: null,
                contactRole: 'Executive Sponsor'
            })
        );
        expect(error).toBeInstanceOf(DmlException);
        expect((error as DmlException).rowErrors.map((e) => e.field)).toEqual(['CampaignId']);
        expect(state(db)).toEqual(before);
        expect(db.get('Lead', lead).IsConverted).not.toBe(true);
    });
});
