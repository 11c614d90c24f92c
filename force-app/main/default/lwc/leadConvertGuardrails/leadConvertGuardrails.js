import { LightningElement, api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { CloseActionScreenEvent } from 'lightning/actions';
import getPreflight from '@salesforce/apex/AttributionLeadConvertController.getPreflight';
import convertLead from '@salesforce/apex/AttributionLeadConvertController.convertLead';
import { CONVERT_LABELS, LABELS, formatLabel } from 'c/attributionLabels';
import { NEW_RECORD, STEPS, accountChoices, buildRequest, campaignChoices, checkRows, contactChoices, errorRows, initialChoices, stageChoices, verdictText } from './convertModel';
/**
 * Convert with guardrails: the Lead screen action (lightning__RecordAction, ScreenAction). Three steps: Preflight
 * (attribution and qualification checks with a verdict), Match (existing account and contact or new ones), Deal
 * (the opportunity, its Primary Campaign Source and the contact role's Role). One Apex call reads everything the
 * steps show; one converts, all or nothing. Errors come back on the step and field they belong to.
 */
export default class LeadConvertGuardrails extends NavigationMixin(LightningElement) {
    labels = CONVERT_LABELS;
    errorAlt = LABELS.errorAlt;
    leadId;
    requested = false;
    /** The load or conversion in flight (awaited by the tests). */
    pending = Promise.resolve();
    step = 'preflight';
    loading = true;
    loadError = null;
    preflight;
    choices;
    saving = false;
    errors = [];
    /** A screen action receives recordId after construction, never in connectedCallback: load once it arrives. */
    @api
    get recordId() {
        return this.leadId;
    }
    set recordId(value) {
        this.leadId = value;
        if (value && !this.requested) {
            this.requested = true;
            this.loading = true;
            this.pending = this.load(value);
        }
    }
    async load(leadId) {
        this.loading = true;
        try {
            this.preflight = await getPreflight({ leadId });
            this.choices = initialChoices(this.preflight);
            this.loadError = null;
        }
        catch (error) {
            this.loadError = error;
        }
        finally {
            this.loading = false;
        }
    }
    get isPreflight() {
        return this.step === 'preflight';
    }
    get isMatch() {
        return this.step === 'match';
    }
    get isDeal() {
        return this.step === 'deal';
    }
    get ready() {
        return !this.loading && !this.loadError && this.preflight !== undefined;
    }
    get blocked() {
        return this.preflight?.verdict === 'blocked';
    }
    get verdict() {
        return verdictText(this.preflight?.verdict ?? null);
    }
    get verdictClass() {
        return `verdict verdict-${this.preflight?.verdict ?? 'ready'} slds-text-heading_small slds-var-m-bottom_small`;
    }
    get checks() {
        return this.preflight ? checkRows(this.preflight) : [];
    }
    get stepTitle() {
        return { preflight: this.labels.stepPreflight, match: this.labels.stepMatch, deal: this.labels.stepDeal }[this.step];
    }
    get accountOptions() {
        return this.preflight ? accountChoices(this.preflight) : [];
    }
    get contactOptions() {
        return this.preflight && this.choices ? contactChoices(this.preflight, this.choices.accountId) : [];
    }
    get duplicateLeads() {
        return (this.preflight?.duplicateLeads ?? []).map((lead) => ({
            id: lead.id,
            text: `${lead.name ?? lead.id} (${lead.email ?? ''})`
        }));
    }
    get hasDuplicateLeads() {
        return this.duplicateLeads.length > 0;
    }
    get stageOptions() {
        return this.preflight ? stageChoices(this.preflight) : [];
    }
    get campaignOptions() {
        return this.preflight ? campaignChoices(this.preflight) : [];
    }
    get noOpportunity() {
        return !this.choices?.createOpportunity;
    }
    get stepErrors() {
        return errorRows(this.errors, this.step);
    }
    get hasStepErrors() {
        return this.stepErrors.length > 0;
    }
    get nothingSaved() {
        return this.labels.nothingSaved;
    }
    /** "Save anyway" only when the duplicate rule that fired lets a save through (an Alert rule). */
    get canSaveAnyway() {
        return this.isMatch && this.errors.some((error) => error.code === 'DUPLICATE' && error.allowSave === true);
    }
    get backDisabled() {
        return this.isPreflight || this.saving;
    }
    get nextDisabled() {
        return !this.ready || this.saving || (this.isPreflight && this.blocked);
    }
    get showNext() {
        return !this.isDeal;
    }
    get progressValue() {
        return this.step;
    }
    /** Base components send their new value in the change event's detail (`value`, or `checked` for a checkbox). */
    handleChoice(event) {
        const target = event.target;
        const field = target.dataset.field;
        if (!field || !this.choices)
            return;
        const detail = event.detail ?? {};
        const value = field === 'createOpportunity' ? detail.checked === true : String(detail.value ?? '');
        const next = { ...this.choices, [field]: value };
        if (field === 'accountId') {
            next.contactId = NEW_RECORD;
        }
        this.choices = next;
        this.errors = this.errors.filter((error) => error.field !== field);
    }
    handleBack() {
        const index = STEPS.indexOf(this.step);
        this.step = STEPS[Math.max(0, index - 1)] ?? 'preflight';
    }
    handleNext() {
        const index = STEPS.indexOf(this.step);
        this.step = STEPS[Math.min(STEPS.length - 1, index + 1)] ?? 'deal';
    }
    handleCancel() {
        this.dispatchEvent(new CloseActionScreenEvent());
    }
    handleConvert() {
        this.pending = this.convert(false);
        return this.pending;
    }
    handleSaveAnyway() {
        this.pending = this.convert(true);
        return this.pending;
    }
    async convert(allowDuplicates) {
        if (!this.leadId || !this.choices || !this.preflight)
            return;
        this.saving = true;
        try {
            const result = await convertLead({ request: buildRequest(this.leadId, this.choices, allowDuplicates) });
            if (result.success && result.navigateToId) {
                this.errors = [];
                this.dispatchEvent(new ShowToastEvent({
                    title: this.labels.successTitle,
                    message: formatLabel(this.labels.success, this.preflight.name ?? ''),
                    variant: 'success'
                }));
                this[NavigationMixin.Navigate]({
                    type: 'standard__recordPage',
                    attributes: { recordId: result.navigateToId, actionName: 'view' }
                });
                this.dispatchEvent(new CloseActionScreenEvent());
                return;
            }
            this.errors = result.errors;
            const first = result.errors[0]?.step;
            if (first === 'preflight' || first === 'match' || first === 'deal') {
                this.step = first;
            }
        }
        catch (error) {
            this.errors = [
                {
                    step: this.step,
                    field: null,
                    code: 'OTHER',
                    message: String(error.body?.message ?? error),
                    allowSave: false,
                    duplicateIds: []
                }
            ];
        }
        finally {
            this.saving = false;
        }
    }
    renderedCallback() {
        // Each error with a field is reported on that field's input, where the rep fixes it.
        const rows = this.stepErrors;
        this.template?.querySelectorAll('[data-api-field]').forEach((input) => {
            const error = rows.find((row) => row.field !== null && row.field === input.dataset.apiField);
            if (typeof input.setCustomValidity === 'function') {
                input.setCustomValidity(error ? error.detail || error.text : '');
                if (error)
                    input.reportValidity?.();
            }
        });
    }
}
