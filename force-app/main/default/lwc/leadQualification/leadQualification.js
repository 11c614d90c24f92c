import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue, getFieldDisplayValue, updateRecord } from 'lightning/uiRecordApi';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import BUDGET_FIELD from '@salesforce/schema/Lead.BANT_Budget__c';
import AUTHORITY_FIELD from '@salesforce/schema/Lead.BANT_Authority__c';
import NEED_FIELD from '@salesforce/schema/Lead.BANT_Need__c';
import TIMELINE_FIELD from '@salesforce/schema/Lead.BANT_Timeline__c';
import IS_CONVERTED_FIELD from '@salesforce/schema/Lead.IsConverted';
import LEAD_SOURCE_FIELD from '@salesforce/schema/Lead.LeadSource';
import MEETING_BOOKED_FIELD from '@salesforce/schema/Lead.Meeting_Booked__c';
import MQL_DATE_FIELD from '@salesforce/schema/Lead.MQL_Date__c';
import SQL_DATE_FIELD from '@salesforce/schema/Lead.SQL_Date__c';
import PERSONA_FIELD from '@salesforce/schema/Lead.Persona__c';
import UTM_SOURCE_FIELD from '@salesforce/schema/Lead.UTM_Source__c';
import UTM_MEDIUM_FIELD from '@salesforce/schema/Lead.UTM_Medium__c';
import UTM_CAMPAIGN_FIELD from '@salesforce/schema/Lead.UTM_Campaign__c';
import UTM_TERM_FIELD from '@salesforce/schema/Lead.UTM_Term__c';
import UTM_CONTENT_FIELD from '@salesforce/schema/Lead.UTM_Content__c';
import { BANT_FIELDS, BANT_LABELS, bantScore, displayText, qualificationLabel, reduceErrors, utmRows } from 'c/attributionUtils';
const BANT_FIELD_IDS = {
    BANT_Budget__c: BUDGET_FIELD,
    BANT_Authority__c: AUTHORITY_FIELD,
    BANT_Need__c: NEED_FIELD,
    BANT_Timeline__c: TIMELINE_FIELD
};
const BANT_HELP = {
    BANT_Budget__c: 'The buyer has budget set aside, or can get it, for this purchase.',
    BANT_Authority__c: 'You are talking to the person who signs, or they are involved.',
    BANT_Need__c: 'The buyer has a problem our product solves.',
    BANT_Timeline__c: 'The buyer plans to decide within a known time frame.'
};
// The checklist is the point of the component: without access to these it shows an error.
const REQUIRED_FIELDS = [
    BUDGET_FIELD,
    AUTHORITY_FIELD,
    NEED_FIELD,
    TIMELINE_FIELD,
    IS_CONVERTED_FIELD,
    LEAD_SOURCE_FIELD
];
// Shown when readable.
const OPTIONAL_FIELDS = [
    MEETING_BOOKED_FIELD,
    MQL_DATE_FIELD,
    SQL_DATE_FIELD,
    PERSONA_FIELD,
    UTM_SOURCE_FIELD,
    UTM_MEDIUM_FIELD,
    UTM_CAMPAIGN_FIELD,
    UTM_TERM_FIELD,
    UTM_CONTENT_FIELD
];
export default class LeadQualification extends LightningElement {
    @api
    recordId;
    lead;
    /** Values the rep just toggled, shown until the wire delivers the saved record. */
    pendingValues = {};
    /** The criteria whose save is in flight; each toggle saves on its own, so the others stay usable. */
    savingFields = [];
    saveError = null;
    @wire(getRecord, { recordId: '$recordId', fields: REQUIRED_FIELDS, optionalFields: OPTIONAL_FIELDS })
    wiredLead(result) {
        this.lead = result;
        // A toggle still saving keeps the rep's value until its own save settles.
        const pending = {};
        for (const field of this.savingFields) {
            if (this.pendingValues[field] !== undefined) {
                pending[field] = this.pendingValues[field];
            }
        }
        this.pendingValues = pending;
    }
    get isLoading() {
        return !this.lead?.data && !this.lead?.error;
    }
    get errorMessage() {
        const error = this.lead?.error;
        return error ? reduceErrors(error).join(' ') : null;
    }
    get hasData() {
        return Boolean(this.lead?.data);
    }
    get isConverted() {
        return this.read(IS_CONVERTED_FIELD) === true;
    }
    get bantValues() {
        const values = {};
        for (const field of BANT_FIELDS) {
            values[field] = this.pendingValues[field] ?? this.read(BANT_FIELD_IDS[field]) === true;
        }
        return values;
    }
    get checklist() {
        const values = this.bantValues;
        return BANT_FIELDS.map((field) => ({
            field,
            label: BANT_LABELS[field],
            help: BANT_HELP[field],
            helpId: `help-${field}`,
            checked: values[field],
            disabled: this.isConverted,
            busy: String(this.savingFields.includes(field))
        }));
    }
    get score() {
        return bantScore(this.bantValues);
    }
    get scoreLabel() {
        return `${this.score} of ${BANT_FIELDS.length}`;
    }
    get scoreVerdict() {
        return qualificationLabel(this.score);
    }
    get scoreBadgeClass() {
        return this.score === BANT_FIELDS.length ? 'score-badge slds-theme_success' : 'score-badge';
    }
    get meetingBooked() {
        return this.read(MEETING_BOOKED_FIELD) === true;
    }
    get meetingBookedLabel() {
        return this.meetingBooked ? 'Meeting booked' : 'No meeting booked';
    }
    get mqlDate() {
        return displayText(this.readDisplay(MQL_DATE_FIELD));
    }
    get sqlDate() {
        return displayText(this.readDisplay(SQL_DATE_FIELD));
    }
    get persona() {
        return displayText(this.readDisplay(PERSONA_FIELD));
    }
    get leadSource() {
        return displayText(this.readDisplay(LEAD_SOURCE_FIELD));
    }
    get utmRows() {
        return utmRows({
            UTM_Source__c: this.read(UTM_SOURCE_FIELD),
            UTM_Medium__c: this.read(UTM_MEDIUM_FIELD),
            UTM_Campaign__c: this.read(UTM_CAMPAIGN_FIELD),
            UTM_Term__c: this.read(UTM_TERM_FIELD),
            UTM_Content__c: this.read(UTM_CONTENT_FIELD)
        });
    }
    get hasUtmValues() {
        return this.utmRows.some((row) => !row.isEmpty);
    }
    /** A click on a toggle whose save is still in flight is cancelled: the checkbox keeps its state and focus. */
    handleToggleClick(event) {
        const field = event.currentTarget.dataset.field;
        if (field && this.savingFields.includes(field)) {
            event.preventDefault();
        }
    }
    async handleToggle(event) {
        const input = event.currentTarget;
        const field = input.dataset.field;
        if (!field || !BANT_FIELDS.includes(field) || !this.recordId || this.isConverted) {
            return;
        }
        if (this.savingFields.includes(field)) {
            input.checked = !input.checked;
            return;
        }
        const checked = input.checked;
        const label = BANT_LABELS[field];
        this.saveError = null;
        this.savingFields = [...this.savingFields, field];
        this.pendingValues = { ...this.pendingValues, [field]: checked };
        try {
            await updateRecord({ fields: { Id: this.recordId, [field]: checked } });
            this.dispatchEvent(new ShowToastEvent({
                title: 'Qualification saved',
                message: `${label} is now ${checked ? 'met' : 'not met'}.`,
                variant: 'success'
            }));
        }
        catch (error) {
            const pending = { ...this.pendingValues };
            delete pending[field];
            this.pendingValues = pending;
            input.checked = !checked;
            const message = reduceErrors(error).join(' ');
            this.saveError = `${label} was not saved: ${message}`;
            this.dispatchEvent(new ShowToastEvent({ title: `${label} was not saved`, message, variant: 'error' }));
        }
        finally {
            this.savingFields = this.savingFields.filter((item) => item !== field);
        }
    }
    read(field) {
        const data = this.lead?.data;
        return data ? getFieldValue(data, field) : undefined;
    }
    readDisplay(field) {
        const data = this.lead?.data;
        return data ? (getFieldDisplayValue(data, field) ?? getFieldValue(data, field)) : undefined;
    }
}
