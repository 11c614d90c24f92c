import { LightningElement, api, wire } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import CAMPAIGN_ID_FIELD from '@salesforce/schema/Opportunity.CampaignId';
import PERSONA_FIELD from '@salesforce/schema/Opportunity.Persona__c';
import getDealContext from '@salesforce/apex/AttributionDealController.getDealContext';
import type {
    CampaignCandidate,
    DealContext,
    GetDealContextResult
} from '@salesforce/apex/AttributionDealController.getDealContext';
import { formatLabel } from 'c/attributionLabels';
import { DEAL_LABELS } from 'c/dealLabels';
import { EMPTY_TEXT, reduceErrors } from 'c/attributionUtils';

/** Warning codes (c/attributionUtils) each fix answers. */
export const CAMPAIGN_WARNINGS = ['NO_PRIMARY_CAMPAIGN'];
export const CONTACT_ROLE_WARNINGS = ['NO_CONTACT_ROLE', 'NO_PRIMARY_CONTACT_ROLE', 'CONTACT_ROLE_WITHOUT_ROLE'];

export interface Option {
    label: string;
    value: string;
}

type Panel = 'campaign' | 'contactRole' | 'persona' | null;

/** The candidates as picker options, in the order Apex returns them (most recent response first). */
export function campaignOptions(candidates: readonly CampaignCandidate[]): Option[] {
    return candidates.map((candidate) => ({
        label: formatLabel(
            DEAL_LABELS.campaignOption,
            candidate.campaignName ?? candidate.campaignId,
            candidate.respondedDate ?? EMPTY_TEXT,
            candidate.contactName ?? EMPTY_TEXT
        ),
        value: candidate.campaignId
    }));
}

/**
 * The one-click fixes under the Opportunity Attribution card's warnings: "Set campaign" (a responded campaign of the
 * buying group, saved with updateRecord), "Add contact role" (opens the buying group manager) and "Set Persona"
 * (inline). The candidates come from AttributionDealController.getDealContext: one cacheable call, shared through the
 * Lightning Data Service cache with the buying group manager. Every save refreshes the card (LDS updates getRecord;
 * contact role changes raise `change`).
 */
export default class AttributionFixes extends LightningElement {
    @api recordId?: string;
    /** Codes of the card's current warnings. */
    @api warningCodes: string[] = [];
    /** Whether the rep can read the opportunity's Persona and it is blank. */
    @api personaMissing = false;
    @api campaignLabel = '';
    @api personaLabel = '';

    readonly labels = DEAL_LABELS;

    open: Panel = null;
    selectedCampaignId = '';
    selectedPersona = '';
    saving = false;
    saveError: unknown = null;

    @wire(getDealContext, { opportunityId: '$recordId' })
    contextResult?: GetDealContextResult;

    get context(): DealContext | null {
        return this.contextResult?.data ?? null;
    }

    get contextError(): unknown {
        return this.contextResult?.error ?? null;
    }

    get showCampaignFix(): boolean {
        return this.warningCodes.some((code) => CAMPAIGN_WARNINGS.includes(code));
    }

    get showContactRoleFix(): boolean {
        return this.warningCodes.some((code) => CONTACT_ROLE_WARNINGS.includes(code));
    }

    get hasFixes(): boolean {
        return this.showCampaignFix || this.showContactRoleFix || this.personaMissing;
    }

    get campaignOpen(): boolean {
        return this.open === 'campaign';
    }

    /** aria-expanded of each fix button ("true" / "false"). */
    get campaignExpanded(): string {
        return String(this.campaignOpen);
    }

    get contactRoleExpanded(): string {
        return String(this.contactRoleOpen);
    }

    get personaExpanded(): string {
        return String(this.personaOpen);
    }

    get contactRoleOpen(): boolean {
        return this.open === 'contactRole';
    }

    get personaOpen(): boolean {
        return this.open === 'persona';
    }

    get campaignOptions(): Option[] {
        return campaignOptions(this.context?.campaignCandidates ?? []);
    }

    get hasCandidates(): boolean {
        return this.campaignOptions.length > 0;
    }

    get candidatesPending(): boolean {
        return !this.context && !this.contextError;
    }

    get personaOptions(): (Option & { selected: boolean })[] {
        return (this.context?.personaOptions ?? []).map((value) => ({
            label: value,
            value,
            selected: value === this.selectedPersona
        }));
    }

    get campaignSaveDisabled(): boolean {
        return this.saving || !this.selectedCampaignId;
    }

    get personaSaveDisabled(): boolean {
        return this.saving || !this.selectedPersona;
    }

    get saveErrorMessage(): string {
        return this.saveError ? formatLabel(DEAL_LABELS.fixFailed, reduceErrors(this.saveError).join(' ')) : '';
    }

    handleOpenCampaign(): void {
        this.toggle('campaign');
        this.selectedCampaignId = this.context?.campaignCandidates[0]?.campaignId ?? '';
    }

    handleOpenContactRole(): void {
        this.toggle('contactRole');
    }

    handleOpenPersona(): void {
        this.toggle('persona');
    }

    handleCampaignChange(event: CustomEvent<{ value: string }>): void {
        this.selectedCampaignId = event.detail.value;
    }

    handlePersonaChange(event: Event): void {
        this.selectedPersona = (event.target as HTMLSelectElement).value;
    }

    handleCancel(): void {
        this.open = null;
        this.saveError = null;
    }

    async handleSaveCampaign(): Promise<void> {
        await this.save(CAMPAIGN_ID_FIELD.fieldApiName, this.selectedCampaignId, this.campaignLabel);
    }

    async handleSavePersona(): Promise<void> {
        await this.save(PERSONA_FIELD.fieldApiName, this.selectedPersona, this.personaLabel);
    }

    /** The buying group manager changed the contact roles: the card reads them again. */
    handleGroupChange(): void {
        this.dispatchEvent(new CustomEvent('change'));
    }

    private toggle(panel: Panel): void {
        this.open = this.open === panel ? null : panel;
        this.saveError = null;
    }

    private async save(field: string, value: string, label: string): Promise<void> {
        if (!this.recordId || !value) {
            return;
        }
        this.saving = true;
        this.saveError = null;
        try {
            // Lightning Data Service: the card's getRecord wire receives the saved record and its warnings update.
            await updateRecord({ fields: { Id: this.recordId, [field]: value } });
            this.open = null;
            this.dispatchEvent(
                new ShowToastEvent({ title: formatLabel(DEAL_LABELS.fixSaved, label), message: '', variant: 'success' })
            );
        } catch (error) {
            this.saveError = error;
        } finally {
            this.saving = false;
        }
    }
}
