// types/apex.d.ts is an ambient script (declare module), so it is referenced, not imported.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../types/apex.d.ts" />
/**
 * The preview's stand-in for AttributionLeadConvertController (the Convert with Guardrails lead action), over the
 * sample snapshot: a preflight with the controller's shape (types/apex.d.ts, the Jest payloads) computed the way the
 * Apex class reads the org (same checks, same duplicate matching, responded campaigns newest response first within
 * Campaign_Lookback_Days__c), and a conversion that answers as the controller does, including the errors a URL fault
 * forces (`fault=duplicate`, `validation`, `access`). It is a stand-in: nothing here is the Apex, and the snapshot is
 * not changed by a conversion.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type {
    ConvertCheckDto,
    ConvertMatchDto,
    ConvertPreflightDto
} from '@salesforce/apex/AttributionLeadConvertController.getPreflight';
import type {
    ConvertErrorDto,
    ConvertRequestDto,
    ConvertResultDto
} from '@salesforce/apex/AttributionLeadConvertController.convertLead';
import { loadRulesConfig, parseValueSet } from '../src/audit/config.js';
import { loadKitConfig } from './kit-config.js';
import type { Fault } from './scenarios.js';
import type { Row } from './snapshot.js';
import type { ApiResponse, PreviewStore } from './ui-api.js';

const VALUE_SETS = 'demo-org/main/default/standardValueSets';
const CAMPAIGN_RULE =
    'force-app/main/default/objects/Opportunity/validationRules/Require_Primary_Campaign_Source.validationRule-meta.xml';

const lower = (v: string | null | undefined): string => (v ?? '').trim().toLowerCase();
const valueSet = (projectDir: string, name: string): string[] => {
    const file = path.join(projectDir, VALUE_SETS, `${name}.standardValueSet-meta.xml`);
    return parseValueSet(readFileSync(file, 'utf8'), file);
};

const match = (id: string, name: string | null, email: string | null, account?: Row): ConvertMatchDto => ({
    id,
    name,
    email,
    accountId: account ? String(account.Id) : null,
    accountName: account ? (account.Name ?? null) : null
});
const nameOf = (row: Row): string => [row.FirstName, row.LastName].filter(Boolean).join(' ');

/** The preflight of one sample lead, in AttributionLeadConvertController.Preflight's shape. */
export async function preflightOf(
    store: PreviewStore,
    leadId: string,
    projectDir: string,
    today = new Date().toISOString().slice(0, 10)
): Promise<ConvertPreflightDto> {
    const lead = store.rows('Lead').find((r) => r.Id === leadId);
    if (!lead) throw new Error(`no Lead ${leadId} in the sample snapshot`);
    const rules = await loadRulesConfig({ projectDir });
    const { lookbackDays, roleByPersona } = loadKitConfig(projectDir);
    const accounts = store.rows('Account');
    const email = lower(lead.Email);
    const duplicateLeads = email
        ? store
              .rows('Lead')
              .filter((r) => r.Id !== leadId && r.IsConverted !== 'true' && lower(r.Email) === email)
              .map((r) => match(String(r.Id), nameOf(r), r.Email ?? null))
        : [];
    const duplicateContacts = email
        ? store
              .rows('Contact')
              .filter((r) => lower(r.Email) === email)
              .map((r) =>
                  match(
                      String(r.Id),
                      nameOf(r),
                      r.Email ?? null,
                      accounts.find((a) => a.Id === r.AccountId)
                  )
              )
        : [];
    const matchingAccounts = accounts
        .filter((a) => lead.Company && lower(a.Name) === lower(lead.Company))
        .map((a) => match(String(a.Id), a.Name ?? null, null));
    const withAccount = duplicateContacts.find((c) => c.accountId);
    const earliest = lookbackDays === null ? null : new Date(Date.parse(today) - lookbackDays * 86_400_000);
    const campaignNames = new Map(store.rows('Campaign').map((c) => [c.Id, c.Name ?? null]));
    const responses = store
        .rows('CampaignMember')
        .filter((m) => m.LeadId === leadId && m.HasResponded === 'true' && m.FirstRespondedDate)
        .sort(
            (a, b) =>
                String(b.FirstRespondedDate).localeCompare(String(a.FirstRespondedDate)) ||
                String(b.CreatedDate).localeCompare(String(a.CreatedDate))
        );
    const inWindow = (d: string): boolean =>
        d <= today && (earliest === null || d >= earliest.toISOString().slice(0, 10));
    const suggestedCampaign = responses.find((m) => inWindow(String(m.FirstRespondedDate)));
    const converted = store.rows('LeadStatus').find((s) => s.IsConverted === 'true');
    const stages = valueSet(projectDir, 'OpportunityStage');
    const sourceGoverned =
        Boolean(lead.LeadSource) && valueSet(projectDir, 'LeadSource').includes(lead.LeadSource ?? '');
    const exempt = sourceGoverned && rules.exemptLeadSources.includes(lead.LeadSource ?? '');
    const check = (code: string, state: string, field: string | null): ConvertCheckDto => ({ code, state, field });
    const checks: ConvertCheckDto[] = [
        ...(lead.IsConverted === 'true' ? [check('ALREADY_CONVERTED', 'block', null)] : []),
        ...(converted ? [] : [check('CONVERTED_STATUS', 'block', 'Status')]),
        check('LEAD_SOURCE', sourceGoverned ? 'pass' : 'block', 'LeadSource'),
        check('PERSONA', lead.Persona__c ? 'pass' : 'warn', 'Persona__c'),
        check('CAMPAIGN', suggestedCampaign || exempt ? 'pass' : 'warn', 'CampaignId'),
        check('DUPLICATES', duplicateLeads.length + duplicateContacts.length > 0 ? 'warn' : 'pass', 'Email'),
        check('QUALIFICATION', lead.MQL_Date__c ? 'pass' : 'warn', 'MQL_Date__c')
    ];
    const verdict = checks.some((c) => c.state === 'block')
        ? 'blocked'
        : checks.some((c) => c.state === 'warn')
          ? 'review'
          : 'ready';
    return {
        leadId,
        name: nameOf(lead),
        company: lead.Company ?? null,
        email: lead.Email ?? null,
        leadSource: lead.LeadSource ?? null,
        persona: lead.Persona__c ?? null,
        mqlDate: lead.MQL_Date__c ?? null,
        sqlDate: lead.SQL_Date__c ?? null,
        bantScore: ['BANT_Budget__c', 'BANT_Authority__c', 'BANT_Need__c', 'BANT_Timeline__c'].filter(
            (f) => lead[f] === 'true'
        ).length,
        isConverted: lead.IsConverted === 'true',
        verdict,
        checks,
        duplicateLeads,
        duplicateContacts,
        matchingAccounts,
        suggestedAccountId: withAccount?.accountId ?? matchingAccounts[0]?.id ?? null,
        suggestedContactId: withAccount?.id ?? null,
        campaigns: responses.map((m) => ({
            campaignId: String(m.CampaignId),
            name: campaignNames.get(m.CampaignId) ?? null,
            respondedDate: m.FirstRespondedDate ?? null
        })),
        suggestedCampaignId: suggestedCampaign ? String(suggestedCampaign.CampaignId) : null,
        contactRole: lead.Persona__c ? (roleByPersona.get(lead.Persona__c) ?? null) : null,
        stages: stages.map((value) => ({ value, label: value })),
        defaultStage: stages[0] ?? null,
        convertedStatus: converted?.ApiName ?? null
    };
}

const error = (
    step: string,
    field: string | null,
    code: string,
    message: string | null,
    allowSave = false,
    duplicateIds: string[] = []
): ConvertErrorDto => ({ step, field, code, message, allowSave, duplicateIds });

const failed = (errors: ConvertErrorDto[]): ConvertResultDto => ({
    success: false,
    accountId: null,
    contactId: null,
    opportunityId: null,
    navigateToId: null,
    errors
});

function campaignRuleMessage(projectDir: string): string {
    const xml = readFileSync(path.join(projectDir, CAMPAIGN_RULE), 'utf8');
    return /<errorMessage>([^<]*)<\/errorMessage>/.exec(xml)?.[1] ?? '';
}

/** Answers convertLead as the controller does; faults force its error paths, nothing is saved. */
export function convertIn(
    store: PreviewStore,
    request: ConvertRequestDto,
    faults: readonly Fault[],
    projectDir: string
): ConvertResultDto {
    const lead = store.rows('Lead').find((r) => r.Id === request.leadId);
    if (!lead) return failed([error('preflight', null, 'ACCESS', `no Lead ${request.leadId}`)]);
    if (lead.IsConverted === 'true') return failed([error('preflight', null, 'ALREADY_CONVERTED', null)]);
    if (request.createOpportunity && !request.opportunityName?.trim()) {
        return failed([error('deal', 'Name', 'REQUIRED', 'The opportunity needs a name.')]);
    }
    if (faults.includes('access')) {
        return failed([error('match', null, 'ACCESS', 'insufficient access rights on cross-reference id')]);
    }
    if (faults.includes('duplicate') && !request.allowDuplicates && !request.contactId) {
        const twin = store.rows('Contact')[0];
        return failed([
            error(
                'match',
                null,
                'DUPLICATE',
                "You're creating a duplicate contact. We recommend you use an existing record instead.",
                true,
                twin ? [String(twin.Id)] : []
            )
        ]);
    }
    if (faults.includes('validation') && request.createOpportunity && !request.campaignId) {
        return failed([error('deal', 'CampaignId', 'VALIDATION', campaignRuleMessage(projectDir))]);
    }
    const suffix = String(request.leadId).slice(3, 15);
    const accountId = request.accountId ?? `001${suffix}PVW`;
    const contactId = request.contactId ?? `003${suffix}PVW`;
    const opportunityId = request.createOpportunity ? `006${suffix}PVW` : null;
    return {
        success: true,
        accountId,
        contactId,
        opportunityId,
        navigateToId: opportunityId ?? contactId,
        errors: []
    };
}

/** The two Apex handlers of preview/server.ts. */
export async function answerPreflight(params: unknown, store: PreviewStore, projectDir: string): Promise<ApiResponse> {
    const leadId = (params as { leadId?: unknown } | null)?.leadId;
    if (typeof leadId !== 'string') return { status: 400, body: { message: 'getPreflight: leadId is required' } };
    try {
        return { status: 200, body: await preflightOf(store, leadId, projectDir) };
    } catch (err) {
        return { status: 404, body: { message: (err as Error).message } };
    }
}

export function answerConvert(
    params: unknown,
    store: PreviewStore,
    faults: readonly Fault[],
    projectDir: string
): ApiResponse {
    const request = (params as { request?: ConvertRequestDto } | null)?.request;
    if (!request?.leadId) return { status: 400, body: { message: 'convertLead: request.leadId is required' } };
    return { status: 200, body: convertIn(store, request, faults, projectDir) };
}
