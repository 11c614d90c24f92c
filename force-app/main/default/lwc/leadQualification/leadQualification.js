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
import LEAD_OBJECT from '@salesforce/schema/Lead';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import { LABELS, formatLabel } from 'c/attributionLabels';
import { BANT_FIELDS, BANT_HELP, bantScore, displayText, qualificationLabel, reduceErrors, utmRows } from 'c/attributionUtils';
const BANT_FIELD_IDS = {
    BANT_Budget__c: BUDGET_FIELD,
    BANT_Authority__c: AUTHORITY_FIELD,
    BANT_Need__c: NEED_FIELD,
    BANT_Timeline__c: TIMELINE_FIELD
};
/** The funnel rows, in order, each shown only when the rep can read its field. */
const FUNNEL_FIELDS = [
    { field: MQL_DATE_FIELD, cssClass: 'mql-date' },
    { field: SQL_DATE_FIELD, cssClass: 'sql-date' },
    { field: PERSONA_FIELD, cssClass: 'persona' },
    { field: LEAD_SOURCE_FIELD, cssClass: 'lead-source' }
];
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
    labels = LABELS;
    lead;
    /** Field labels as the org names them (admins rename fields); API names until they arrive. */
    @wire(getObjectInfo, { objectApiName: LEAD_OBJECT })
    objectInfo;
    /** Values the rep just toggled, shown until the wire delivers the saved record. */
    pendingValues = {};
    /** The criteria whose save is in flight; each toggle saves on its own, so the others stay usable. */
    savingFields = [];
    /** The error of the last failed save, shown by c-error-panel with `saveErrorSummary`. */
    saveError = null;
    saveErrorSummary = '';
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
    /** Loading until the lead and its field labels arrive (a failed getObjectInfo falls back to API names). */
    get isLoading() {
        const labelsPending = !this.objectInfo?.data && !this.objectInfo?.error;
        return (!this.lead?.data && !this.lead?.error) || (labelsPending && !this.lead?.error);
    }
    get loadError() {
        return this.lead?.error ?? null;
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
            label: this.fieldLabel(BANT_FIELD_IDS[field]),
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
        return formatLabel(LABELS.scoreBadge, this.score, BANT_FIELDS.length);
    }
    get scoreText() {
        return formatLabel(LABELS.score, this.score, BANT_FIELDS.length, qualificationLabel(this.score));
    }
    get scoreBadgeClass() {
        return this.score === BANT_FIELDS.length ? 'score-badge slds-theme_success' : 'score-badge';
    }
    get canReadMeeting() {
        return this.canRead(MEETING_BOOKED_FIELD);
    }
    get meetingLabel() {
        return this.fieldLabel(MEETING_BOOKED_FIELD);
    }
    get meetingBookedLabel() {
        return this.read(MEETING_BOOKED_FIELD) === true ? LABELS.meetingBooked : LABELS.noMeetingBooked;
    }
    get funnelRows() {
        return FUNNEL_FIELDS.filter(({ field }) => this.canRead(field)).map(({ field, cssClass }) => ({
            key: field.fieldApiName,
            valueKey: `${field.fieldApiName}-value`,
            label: this.fieldLabel(field),
            value: displayText(this.readDisplay(field)),
            cssClass: `${cssClass} slds-item_detail`
        }));
    }
    get utmRows() {
        const values = {};
        const labels = {};
        for (const field of [
            UTM_SOURCE_FIELD,
            UTM_MEDIUM_FIELD,
            UTM_CAMPAIGN_FIELD,
            UTM_TERM_FIELD,
            UTM_CONTENT_FIELD
        ]) {
            if (this.canRead(field)) {
                values[field.fieldApiName] = this.read(field);
            }
            labels[field.fieldApiName] = this.fieldLabel(field);
        }
        return utmRows(values, labels);
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
        const label = this.fieldLabel(BANT_FIELD_IDS[field]);
        this.saveError = null;
        this.saveErrorSummary = '';
        this.savingFields = [...this.savingFields, field];
        this.pendingValues = { ...this.pendingValues, [field]: checked };
        try {
            await updateRecord({ fields: { Id: this.recordId, [field]: checked } });
            this.dispatchEvent(new ShowToastEvent({
                title: LABELS.savedTitle,
                message: formatLabel(checked ? LABELS.savedMet : LABELS.savedNotMet, label),
                variant: 'success'
            }));
        }
        catch (error) {
            const pending = { ...this.pendingValues };
            delete pending[field];
            this.pendingValues = pending;
            input.checked = !checked;
            this.saveError = error ?? LABELS.unknownError;
            this.saveErrorSummary = formatLabel(LABELS.saveFailed, label, '{0}');
            this.dispatchEvent(new ShowToastEvent({
                title: formatLabel(LABELS.saveFailedTitle, label),
                message: reduceErrors(error).join(' '),
                variant: 'error'
            }));
        }
        finally {
            this.savingFields = this.savingFields.filter((item) => item !== field);
        }
    }
    fieldLabel(field) {
        return this.objectInfo?.data?.fields?.[field.fieldApiName]?.label ?? field.fieldApiName;
    }
    /** A field the rep cannot read is left out of the record the UI API returns. */
    canRead(field) {
        return this.lead?.data?.fields?.[field.fieldApiName] !== undefined;
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
