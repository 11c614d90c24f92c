// Ambient types for the project's Apex methods the TypeScript LWCs import (`@salesforce/apex/<Class>.<method>`).
// Each import is both a wire adapter and an imperative function returning a Promise. Keep each DTO in step with its
// Apex class (a repository test compares the fields). Like salesforce-platform.d.ts this file must stay a script.

declare module '@salesforce/apex/AttributionRulesController.getRules' {
    import type { WireAdapterConstructor } from 'lwc';

    /** AttributionRulesController.Rules: the Attribution_Rules__mdt Default record, every list split on ';'. */
    export interface AttributionRulesDto {
        exemptLeadSources: string[];
        campaignExemptStages: string[];
        salesSourcedLeadSources: string[];
        stageOrder: string[];
        contactRoleRequiredStage: string | null;
        openLeadStatuses: string[];
        convertedLeadStatuses: string[];
        mqlLeadStatuses: string[];
        sqlLeadStatuses: string[];
        agedLeadDays: number | null;
    }
    export interface GetRulesResult {
        data?: AttributionRulesDto;
        error?: unknown;
    }
    const getRules: WireAdapterConstructor<Record<string, never>, GetRulesResult> &
        (() => Promise<AttributionRulesDto>);
    export default getRules;
}

// Convert with guardrails (AttributionLeadConvertController): DTOs in step with the Apex inner classes
// (test/rules/lead-convert-controller.test.ts compares the fields, and the Jest payloads with them).
declare module '@salesforce/apex/AttributionLeadConvertController.getPreflight' {
    /** AttributionLeadConvertController.Check */
    export interface ConvertCheckDto {
        code: string;
        state: string;
        field: string | null;
    }
    /** AttributionLeadConvertController.Match */
    export interface ConvertMatchDto {
        id: string;
        name: string | null;
        email: string | null;
        accountId: string | null;
        accountName: string | null;
    }
    /** AttributionLeadConvertController.CampaignOption */
    export interface ConvertCampaignDto {
        campaignId: string;
        name: string | null;
        respondedDate: string | null;
    }
    /** AttributionLeadConvertController.Option */
    export interface ConvertOptionDto {
        value: string;
        label: string | null;
    }
    /** AttributionLeadConvertController.Preflight */
    export interface ConvertPreflightDto {
        leadId: string;
        name: string | null;
        company: string | null;
        email: string | null;
        leadSource: string | null;
        persona: string | null;
        mqlDate: string | null;
        sqlDate: string | null;
        bantScore: number | null;
        isConverted: boolean | null;
        verdict: string | null;
        checks: ConvertCheckDto[];
        duplicateLeads: ConvertMatchDto[];
        duplicateContacts: ConvertMatchDto[];
        matchingAccounts: ConvertMatchDto[];
        suggestedAccountId: string | null;
        suggestedContactId: string | null;
        campaigns: ConvertCampaignDto[];
        suggestedCampaignId: string | null;
        contactRole: string | null;
        stages: ConvertOptionDto[];
        defaultStage: string | null;
        convertedStatus: string | null;
    }
    const getPreflight: (params: { leadId: string }) => Promise<ConvertPreflightDto>;
    export default getPreflight;
}

declare module '@salesforce/apex/AttributionLeadConvertController.convertLead' {
    /** AttributionLeadConvertController.ConvertRequest */
    export interface ConvertRequestDto {
        leadId: string;
        accountId: string | null;
        contactId: string | null;
        createOpportunity: boolean | null;
        opportunityName: string | null;
        amount: number | null;
        closeDate: string | null;
        stageName: string | null;
        campaignId: string | null;
        contactRole: string | null;
        allowDuplicates: boolean | null;
    }
    /** AttributionLeadConvertErrors.ConvertError */
    export interface ConvertErrorDto {
        step: string | null;
        field: string | null;
        code: string | null;
        message: string | null;
        allowSave: boolean | null;
        duplicateIds: string[];
    }
    /** AttributionLeadConvertController.ConvertResult */
    export interface ConvertResultDto {
        success: boolean | null;
        accountId: string | null;
        contactId: string | null;
        opportunityId: string | null;
        navigateToId: string | null;
        errors: ConvertErrorDto[];
    }
    const convertLead: (params: { request: ConvertRequestDto }) => Promise<ConvertResultDto>;
    export default convertLead;
}

declare module '@salesforce/apex/AttributionDealController.getDealContext' {
    import type { WireAdapterConstructor } from 'lwc';

    /** AttributionDealController.ContactRoleRow: one contact role with the contact's Persona. */
    export interface ContactRoleRow {
        id: string;
        contactId: string;
        contactName: string | null;
        role: string | null;
        isPrimary: boolean;
        persona: string | null;
    }
    /** AttributionDealController.ContactOption: a contact of the account, with the role its Persona maps to. */
    export interface ContactOption {
        contactId: string;
        name: string | null;
        title: string | null;
        persona: string | null;
        suggestedRole: string | null;
    }
    /** AttributionDealController.CampaignCandidate: a responded campaign of the buying group (date as YYYY-MM-DD). */
    export interface CampaignCandidate {
        campaignId: string;
        campaignName: string | null;
        respondedDate: string | null;
        contactName: string | null;
        isPrimaryCampaignSource: boolean;
    }
    /** AttributionDealController.DealContext. */
    export interface DealContext {
        opportunityId: string;
        accountId: string | null;
        contactRoles: ContactRoleRow[];
        accountContacts: ContactOption[];
        campaignCandidates: CampaignCandidate[];
        roleOptions: string[];
        personaOptions: string[];
    }
    export interface GetDealContextResult {
        data?: DealContext;
        error?: unknown;
    }
    const getDealContext: WireAdapterConstructor<{ opportunityId: string | undefined }, GetDealContextResult> &
        ((params: { opportunityId: string }) => Promise<DealContext>);
    export default getDealContext;
}

declare module '@salesforce/apex/AttributionDealController.saveContactRole' {
    import type { ContactRoleRow } from '@salesforce/apex/AttributionDealController.getDealContext';

    export interface SaveContactRoleParams {
        opportunityId: string;
        contactRoleId: string | null;
        contactId: string | null;
        role: string | null;
        isPrimary: boolean;
    }
    const saveContactRole: (params: SaveContactRoleParams) => Promise<ContactRoleRow>;
    export default saveContactRole;
}

declare module '@salesforce/apex/AttributionDealController.removeContactRole' {
    const removeContactRole: (params: { contactRoleId: string }) => Promise<void>;
    export default removeContactRole;
}

declare module '@salesforce/apex/AttributionInfluenceController.getCampaignInfluence' {
    import type { WireAdapterConstructor } from 'lwc';

    /** AttributionInfluenceController.Touch: one response of a buying-group contact (date as YYYY-MM-DD). */
    export interface Touch {
        campaignId: string;
        campaignName: string | null;
        contactId: string;
        contactName: string | null;
        respondedDate: string | null;
        isFirstTouch: boolean;
        isLastTouch: boolean;
        isPrimaryCampaignSource: boolean;
    }
    /** AttributionInfluenceController.InfluenceRow: a CampaignInfluence record of the default model. */
    export interface InfluenceRow {
        campaignId: string;
        campaignName: string | null;
        contactName: string | null;
        influence: number | null;
        revenueShare: number | null;
        isPrimaryCampaignSource: boolean;
    }
    /** AttributionInfluenceController.InfluenceView ('touches' or 'customizable'). */
    export interface InfluenceView {
        view: string | null;
        cutoffDate: string | null;
        isClosed: boolean;
        primaryCampaignId: string | null;
        touches: Touch[];
        influence: InfluenceRow[] | null;
    }
    export interface GetCampaignInfluenceResult {
        data?: InfluenceView;
        error?: unknown;
    }
    const getCampaignInfluence: WireAdapterConstructor<
        { opportunityId: string | undefined },
        GetCampaignInfluenceResult
    > &
        ((params: { opportunityId: string }) => Promise<InfluenceView>);
    export default getCampaignInfluence;
}
