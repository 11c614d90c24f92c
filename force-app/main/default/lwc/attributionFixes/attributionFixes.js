import { LightningElement, api, wire } from 'lwc';
import { updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import CAMPAIGN_ID_FIELD from '@salesforce/schema/Opportunity.CampaignId';
import PERSONA_FIELD from '@salesforce/schema/Opportunity.Persona__c';
import getDealContext from '@salesforce/apex/AttributionDealController.getDealContext';
import { formatLabel } from 'c/attributionLabels';
import { DEAL_LABELS } from 'c/dealLabels';
import { EMPTY_TEXT, reduceErrors } from 'c/attributionUtils';
/** Warning codes (c/attributionUtils) each fix answers. */
export const CAMPAIGN_WARNINGS = ['NO_PRIMARY_CAMPAIGN'];
export const CONTACT_ROLE_WARNINGS = ['NO_CONTACT_ROLE', 'NO_PRIMARY_CONTACT_ROLE', 'CONTACT_ROLE_WITHOUT_ROLE'];
/** The candidates as picker options, in the order Apex returns them (most recent response first). */
export function campaignOptions(candidates) {
    return candidates.map((candidate) => ({
        label: formatLabel(DEAL_LABELS.campaignOption, candidate.campaignName ?? candidate.campaignId, candidate.respondedDate ?? EMPTY_TEXT, candidate.contactName ?? EMPTY_TEXT),
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
    @api
    recordId;
    /** Codes of the card's current warnings. */
    @api
    warningCodes = [];
    /** Whether the rep can read the opportunity's Persona and it is blank. */
    @api
    personaMissing = false;
    @api
    campaignLabel = '';
    @api
    personaLabel = '';
    labels = DEAL_LABELS;
    open = null;
    selectedCampaignId = '';
    selectedPersona = '';
    saving = false;
    saveError = null;
    @wire(getDealContext, { opportunityId: '$recordId' })
    contextResult;
    get context() {
        return this.contextResult?.data ?? null;
    }
    get contextError() {
        return this.contextResult?.error ?? null;
    }
    get showCampaignFix() {
        return this.warningCodes.some((code) => CAMPAIGN_WARNINGS.includes(code));
    }
    get showContactRoleFix() {
        return this.warningCodes.some((code) => CONTACT_ROLE_WARNINGS.includes(code));
    }
    get hasFixes() {
        return this.showCampaignFix || this.showContactRoleFix || this.personaMissing;
    }
    get campaignOpen() {
        return this.open === 'campaign';
    }
    /** aria-expanded of each fix button ("true" / "false"). */
    get campaignExpanded() {
        return String(this.campaignOpen);
    }
    get contactRoleExpanded() {
        return String(this.contactRoleOpen);
    }
    get personaExpanded() {
        return String(this.personaOpen);
    }
    get contactRoleOpen() {
        return this.open === 'contactRole';
    }
    get personaOpen() {
        return this.open === 'persona';
    }
    get campaignOptions() {
        return campaignOptions(this.context?.campaignCandidates ?? []);
    }
    get hasCandidates() {
        return this.campaignOptions.length > 0;
    }
    get candidatesPending() {
        return !this.context && !this.contextError;
    }
    get personaOptions() {
        return (this.context?.personaOptions ?? []).map((value) => ({
            label: value,
            value,
            selected: value === this.selectedPersona
        }));
    }
    get campaignSaveDisabled() {
        return this.saving || !this.selectedCampaignId;
    }
    get personaSaveDisabled() {
        return this.saving || !this.selectedPersona;
    }
    get saveErrorMessage() {
        return this.saveError ? formatLabel(DEAL_LABELS.fixFailed, reduceErrors(this.saveError).join(' ')) : '';
    }
    handleOpenCampaign() {
        this.toggle('campaign');
        this.selectedCampaignId = this.context?.campaignCandidates[0]?.campaignId ?? '';
    }
    handleOpenContactRole() {
        this.toggle('contactRole');
    }
    handleOpenPersona() {
        this.toggle('persona');
    }
    handleCampaignChange(event) {
        this.selectedCampaignId = event.detail.value;
    }
    handlePersonaChange(event) {
        this.selectedPersona = event.target.value;
    }
    handleCancel() {
        this.open = null;
        this.saveError = null;
    }
    async handleSaveCampaign() {
        await this.save(CAMPAIGN_ID_FIELD.fieldApiName, this.selectedCampaignId, this.campaignLabel);
    }
    async handleSavePersona() {
        await this.save(PERSONA_FIELD.fieldApiName, this.selectedPersona, this.personaLabel);
    }
    /** The buying group manager changed the contact roles: the card reads them again. */
    handleGroupChange() {
        this.dispatchEvent(new CustomEvent('change'));
    }
    toggle(panel) {
        this.open = this.open === panel ? null : panel;
        this.saveError = null;
    }
    async save(field, value, label) {
        if (!this.recordId || !value) {
            return;
        }
        this.saving = true;
        this.saveError = null;
        try {
            // Lightning Data Service: the card's getRecord wire receives the saved record and its warnings update.
            await updateRecord({ fields: { Id: this.recordId, [field]: value } });
            this.open = null;
            this.dispatchEvent(new ShowToastEvent({ title: formatLabel(DEAL_LABELS.fixSaved, label), message: '', variant: 'success' }));
        }
        catch (error) {
            this.saveError = error;
        }
        finally {
            this.saving = false;
        }
    }
}
