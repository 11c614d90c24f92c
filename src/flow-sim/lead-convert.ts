/**
 * Lead-conversion simulator, in Salesforce's order (see research: lead conversion order of execution):
 * 1. Account: the chosen one, or a new one named after Company.
 * 2. Contact: a new one with the standard mappings, or merge into an existing Contact (only blank fields are filled).
 * 3. Opportunity (unless doNotCreateOpportunity / an existing one is chosen): LeadSource mapped, native CampaignId =
 *    the lead's most recently *associated* campaign (latest CampaignMember.CreatedDate), responded or not.
 * 4. A primary OpportunityContactRole with a blank Role for a new Opportunity (not for an existing one).
 * 5. The lead's CampaignMember rows get ContactId.
 * 6. The Lead update (IsConverted, Converted*Id, ConvertedDate, Status) that fires Lead flows.
 * Every step runs through the save-order simulator, all in one transaction (rolled back on any failure).
 * Custom field mappings (LeadConvertSettings) are not applied unless passed in `fieldMappings`.
 */
import type { Value } from './catalog.js';
import type { Database } from './engine.js';
import type { Fields } from './store.js';

export interface ConvertLeadRequest {
    readonly leadId: string;
    readonly convertedStatus: string;
    readonly accountId?: string;
    readonly contactId?: string;
    readonly opportunityId?: string;
    readonly doNotCreateOpportunity?: boolean;
    readonly opportunityName?: string;
    /** Stage a new Opportunity starts in (the first stage of the sales process). */
    readonly opportunityStage?: string;
    /** LeadConvertSettings-style custom mappings: target object → [lead field, target field][]. */
    readonly fieldMappings?: Partial<
        Record<'Account' | 'Contact' | 'Opportunity', ReadonlyArray<readonly [string, string]>>
    >;
}

export interface ConvertLeadResult {
    readonly accountId: string;
    readonly contactId: string;
    readonly opportunityId: string | null;
}

const STANDARD_CONTACT_MAPPING: ReadonlyArray<readonly [string, string]> = [
    ['FirstName', 'FirstName'],
    ['LastName', 'LastName'],
    ['Email', 'Email'],
    ['Title', 'Title'],
    ['LeadSource', 'LeadSource']
];

function isBlank(value: Value | undefined): boolean {
    return value === null || value === undefined || value === '';
}

function lastDayOfQuarter(today: string): string {
    const [year = 2026, month = 1] = today.split('-').map(Number);
    const quarterEndMonth = Math.ceil(month / 3) * 3;
    const day = new Date(Date.UTC(year, quarterEndMonth, 0));
    return day.toISOString().slice(0, 10);
}

export function convertLead(db: Database, request: ConvertLeadRequest, today = '2026-11-22'): ConvertLeadResult {
    return db.transaction(() => {
        const key = `convert:${request.leadId}`;
        const lead = db.get('Lead', request.leadId);
        if (lead.IsConverted === true) {
            throw new Error(`CONVERTED_LEAD: lead ${request.leadId} is already converted`);
        }
        const mapped = (
            target: 'Contact' | 'Opportunity' | 'Account',
            base: ReadonlyArray<readonly [string, string]>
        ): Fields => {
            const out: Fields = {};
            for (const [from, to] of [...base, ...(request.fieldMappings?.[target] ?? [])]) {
                out[to] = lead[from] ?? null;
            }
            return out;
        };

        const accountId =
            request.accountId ??
            db.dml('insert', 'Account', [{ Name: lead.Company ?? lead.LastName ?? 'Unknown' }], `${key}:account`)[0];
        if (!accountId) {
            throw new Error('account insert returned no Id');
        }

        const contactValues = mapped('Contact', STANDARD_CONTACT_MAPPING);
        let contactId = request.contactId;
        if (contactId) {
            const existing = db.get('Contact', contactId);
            const fills: Fields = { Id: contactId };
            for (const [field, value] of Object.entries(contactValues)) {
                if (isBlank(existing[field]) && !isBlank(value)) {
                    fills[field] = value ?? null;
                }
            }
            if (Object.keys(fills).length > 1) {
                db.dml('update', 'Contact', [fills], `${key}:contact`);
            }
        } else {
            contactId = db.dml('insert', 'Contact', [{ ...contactValues, AccountId: accountId }], `${key}:contact`)[0];
        }
        if (!contactId) {
            throw new Error('contact insert returned no Id');
        }

        const members = db.all('CampaignMember').filter((m) => m.LeadId === request.leadId);
        let opportunityId: string | null = request.opportunityId ?? null;
        if (!opportunityId && request.doNotCreateOpportunity !== true) {
            const newest = [...members].sort((a, b) => String(b.CreatedDate).localeCompare(String(a.CreatedDate)))[0];
            const values: Fields = {
                ...mapped('Opportunity', [['LeadSource', 'LeadSource']]),
                Name: request.opportunityName ?? `${String(lead.Company ?? lead.LastName ?? '')}-`,
                AccountId: accountId,
                StageName: request.opportunityStage ?? 'Qualification',
                CloseDate: lastDayOfQuarter(today),
                CampaignId: newest?.CampaignId ?? null
            };
            opportunityId = db.dml('insert', 'Opportunity', [values], `${key}:opportunity`)[0] ?? null;
            db.dml(
                'insert',
                'OpportunityContactRole',
                [{ OpportunityId: opportunityId, ContactId: contactId, IsPrimary: true, Role: null }],
                `${key}:role`
            );
        }

        if (members.length > 0) {
            db.dml(
                'update',
                'CampaignMember',
                members.map((m) => ({ Id: m.Id ?? null, ContactId: contactId ?? null })),
                `${key}:members`
            );
        }

        db.dml(
            'update',
            'Lead',
            [
                {
                    Id: request.leadId,
                    IsConverted: true,
                    ConvertedDate: today,
                    ConvertedAccountId: accountId,
                    ConvertedContactId: contactId,
                    ConvertedOpportunityId: opportunityId,
                    Status: request.convertedStatus
                }
            ],
            `${key}:lead`
        );
        return { accountId, contactId, opportunityId };
    });
}
