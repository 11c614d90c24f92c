/**
 * Lead-conversion simulator, in Salesforce's order (see research: lead conversion order of execution):
 * 1. Account: the chosen one, or a new one named after Company.
 * 2. Contact: a new one with the standard mappings, or merge into an existing Contact (only blank fields are filled).
 * 3. Opportunity (unless doNotCreateOpportunity / an existing one is chosen): LeadSource mapped, native CampaignId =
 *    the lead's most recently *associated* campaign (latest CampaignMember.CreatedDate), responded or not. An existing
 *    opportunity gets the same values only where its fields are blank ("only empty fields in the target object are
 *    overwritten", convertLead() in the SOAP API guide); its other fields are left alone.
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
    /**
     * "Require Validation for Converted Leads" (LeadConfigSettings.shouldLeadConvertRequireValidation): when false
     * (Salesforce's default), validation rules are skipped for the records conversion itself writes; DML done by flows
     * during the conversion is always validated. Taken from the first request of a bulk call.
     */
    readonly requireValidation?: boolean;
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

/** Converts one lead (see convertLeads). */
export function convertLead(db: Database, request: ConvertLeadRequest, today = '2026-11-22'): ConvertLeadResult {
    const [result] = convertLeads(db, [request], today);
    if (!result) {
        throw new Error('conversion returned no result');
    }
    return result;
}

/**
 * Converts leads in bulk like `Database.convertLead(List<LeadConvert>)`: each step is one DML over all leads, in one
 * transaction that is rolled back entirely when any row fails.
 */
export function convertLeads(
    db: Database,
    requests: readonly ConvertLeadRequest[],
    today = '2026-11-22'
): ConvertLeadResult[] {
    return db.transaction(() => {
        const key = `convert:${requests[0]?.leadId ?? ''}x${requests.length}`;
        const dmlOptions = { skipValidationRules: requests[0]?.requireValidation !== true };
        const leads = requests.map((request) => {
            const lead = db.get('Lead', request.leadId);
            if (lead.IsConverted === true) {
                throw new Error(`CONVERTED_LEAD: lead ${request.leadId} is already converted`);
            }
            return lead;
        });
        const mapped = (
            i: number,
            target: 'Contact' | 'Opportunity',
            base: ReadonlyArray<readonly [string, string]>
        ): Fields => {
            const lead = leads[i] ?? {};
            const out: Fields = {};
            for (const [from, to] of [...base, ...(requests[i]?.fieldMappings?.[target] ?? [])]) {
                out[to] = lead[from] ?? null;
            }
            return out;
        };
        const indexes = requests.map((_r, i) => i);

        // 1. accounts
        const accountIds: string[] = requests.map((r) => r.accountId ?? '');
        const newAccounts = indexes.filter((i) => !requests[i]?.accountId);
        db.dml(
            'insert',
            'Account',
            newAccounts.map((i) => ({ Name: leads[i]?.Company ?? leads[i]?.LastName ?? 'Unknown' })),
            `${key}:account`,
            dmlOptions
        ).forEach((id, n) => (accountIds[newAccounts[n] ?? -1] = id));

        // 2. contacts: new ones with the standard mapping, existing ones only get their blank fields filled
        const contactIds: string[] = requests.map((r) => r.contactId ?? '');
        const fills: Fields[] = [];
        for (const i of indexes.filter((n) => requests[n]?.contactId)) {
            const existing = db.get('Contact', contactIds[i] ?? '');
            const fill: Fields = { Id: contactIds[i] ?? null };
            for (const [field, value] of Object.entries(mapped(i, 'Contact', STANDARD_CONTACT_MAPPING))) {
                if (isBlank(existing[field]) && !isBlank(value)) {
                    fill[field] = value ?? null;
                }
            }
            if (Object.keys(fill).length > 1) {
                fills.push(fill);
            }
        }
        db.dml('update', 'Contact', fills, `${key}:contact-fill`, dmlOptions);
        const newContacts = indexes.filter((i) => !requests[i]?.contactId);
        db.dml(
            'insert',
            'Contact',
            newContacts.map((i) => ({
                ...mapped(i, 'Contact', STANDARD_CONTACT_MAPPING),
                AccountId: accountIds[i] ?? null
            })),
            `${key}:contact`,
            dmlOptions
        ).forEach((id, n) => (contactIds[newContacts[n] ?? -1] = id));

        // 3. opportunities with the native Primary Campaign Source: the most recently associated campaign
        const allMembers = db.all('CampaignMember');
        const members = requests.map((r) => allMembers.filter((m) => m.LeadId === r.leadId));
        const nativeCampaign = (i: number): string | null => {
            const newest = [...(members[i] ?? [])].sort((a, b) =>
                String(b.CreatedDate).localeCompare(String(a.CreatedDate))
            )[0];
            return typeof newest?.CampaignId === 'string' ? newest.CampaignId : null;
        };
        const opportunityIds: Array<string | null> = requests.map((r) => r.opportunityId ?? null);
        const opportunityFills: Fields[] = [];
        for (const i of indexes.filter((n) => requests[n]?.opportunityId)) {
            const existing = db.get('Opportunity', opportunityIds[i] ?? '');
            const fill: Fields = { Id: opportunityIds[i] ?? null };
            const values = {
                ...mapped(i, 'Opportunity', [['LeadSource', 'LeadSource']]),
                CampaignId: nativeCampaign(i)
            };
            for (const [field, value] of Object.entries(values)) {
                if (isBlank(existing[field]) && !isBlank(value)) {
                    fill[field] = value ?? null;
                }
            }
            if (Object.keys(fill).length > 1) {
                opportunityFills.push(fill);
            }
        }
        db.dml('update', 'Opportunity', opportunityFills, `${key}:opportunity-fill`, dmlOptions);
        const newOpportunities = indexes.filter(
            (i) => !requests[i]?.opportunityId && requests[i]?.doNotCreateOpportunity !== true
        );
        db.dml(
            'insert',
            'Opportunity',
            newOpportunities.map((i) => {
                const lead = leads[i] ?? {};
                return {
                    ...mapped(i, 'Opportunity', [['LeadSource', 'LeadSource']]),
                    Name: requests[i]?.opportunityName ?? `${String(lead.Company ?? lead.LastName ?? '')}-`,
                    AccountId: accountIds[i] ?? null,
                    StageName: requests[i]?.opportunityStage ?? 'Qualification',
                    CloseDate: lastDayOfQuarter(today),
                    CampaignId: nativeCampaign(i)
                };
            }),
            `${key}:opportunity`,
            dmlOptions
        ).forEach((id, n) => (opportunityIds[newOpportunities[n] ?? -1] = id));

        // 4. a primary contact role with a blank Role on each new opportunity
        db.dml(
            'insert',
            'OpportunityContactRole',
            newOpportunities.map((i) => ({
                OpportunityId: opportunityIds[i] ?? null,
                ContactId: contactIds[i] ?? null,
                IsPrimary: true,
                Role: null
            })),
            `${key}:role`,
            dmlOptions
        );

        // 5. campaign members follow the person to the contact
        db.dml(
            'update',
            'CampaignMember',
            indexes.flatMap((i) =>
                (members[i] ?? []).map((m) => ({ Id: m.Id ?? null, ContactId: contactIds[i] ?? null }))
            ),
            `${key}:members`,
            dmlOptions
        );

        // 6. the Lead update that fires the Lead flows
        db.dml(
            'update',
            'Lead',
            requests.map((request, i) => ({
                Id: request.leadId,
                IsConverted: true,
                ConvertedDate: today,
                ConvertedAccountId: accountIds[i] ?? null,
                ConvertedContactId: contactIds[i] ?? null,
                ConvertedOpportunityId: opportunityIds[i] ?? null,
                Status: request.convertedStatus
            })),
            `${key}:lead`,
            dmlOptions
        );
        return indexes.map((i) => ({
            accountId: accountIds[i] ?? '',
            contactId: contactIds[i] ?? '',
            opportunityId: opportunityIds[i] ?? null
        }));
    });
}
