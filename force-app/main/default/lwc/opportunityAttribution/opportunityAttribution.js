import { LightningElement, api, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { registerRefreshHandler, unregisterRefreshHandler } from 'lightning/refresh';
import { refreshApex } from '@salesforce/apex';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import OPPORTUNITY_OBJECT from '@salesforce/schema/Opportunity';
import { getRecord, getFieldValue, getFieldDisplayValue } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import CAMPAIGN_ID_FIELD from '@salesforce/schema/Opportunity.CampaignId';
import CAMPAIGN_NAME_FIELD from '@salesforce/schema/Opportunity.Campaign.Name';
import LEAD_SOURCE_FIELD from '@salesforce/schema/Opportunity.LeadSource';
import STAGE_FIELD from '@salesforce/schema/Opportunity.StageName';
import PERSONA_FIELD from '@salesforce/schema/Opportunity.Persona__c';
import UTM_SOURCE_FIELD from '@salesforce/schema/Opportunity.UTM_Source__c';
import UTM_MEDIUM_FIELD from '@salesforce/schema/Opportunity.UTM_Medium__c';
import UTM_CAMPAIGN_FIELD from '@salesforce/schema/Opportunity.UTM_Campaign__c';
import UTM_TERM_FIELD from '@salesforce/schema/Opportunity.UTM_Term__c';
import UTM_CONTENT_FIELD from '@salesforce/schema/Opportunity.UTM_Content__c';
import getRules from '@salesforce/apex/AttributionRulesController.getRules';
import { LABELS, formatLabel } from 'c/attributionLabels';
import { attributionWarnings, displayText, summarizeContactRoles, utmRows } from 'c/attributionUtils';
// Without these the component cannot judge attribution, so a missing permission is an error.
const REQUIRED_FIELDS = [CAMPAIGN_ID_FIELD, LEAD_SOURCE_FIELD, STAGE_FIELD];
// Shown when readable; a rep without access to Campaign or the custom fields still gets the warnings.
const OPTIONAL_FIELDS = [
    CAMPAIGN_NAME_FIELD,
    PERSONA_FIELD,
    UTM_SOURCE_FIELD,
    UTM_MEDIUM_FIELD,
    UTM_CAMPAIGN_FIELD,
    UTM_TERM_FIELD,
    UTM_CONTENT_FIELD
];
const CONTACT_ROLE_FIELDS = [
    'OpportunityContactRole.Id',
    'OpportunityContactRole.Role',
    'OpportunityContactRole.IsPrimary'
];
const CONTACT_ROLE_OPTIONAL_FIELDS = ['OpportunityContactRole.Contact.Name'];
/** Contact roles per request; further pages are followed with `pageToken` so the warnings see every role. */
const CONTACT_ROLE_PAGE_SIZE = 200;
/** A safety stop: 25 pages of 200 contact roles. */
const CONTACT_ROLE_MAX_PAGES = 25;
const UTM_FIELD_IDS = [UTM_SOURCE_FIELD, UTM_MEDIUM_FIELD, UTM_CAMPAIGN_FIELD, UTM_TERM_FIELD, UTM_CONTENT_FIELD];
/**
 * The rules the warnings follow, from AttributionRulesController.getRules (the Attribution_Rules__mdt Default record
 * the validation rules, flows and audit read). Missing lists count as empty, never as a built-in default.
 */
export function toAttributionRules(dto) {
    const list = (value) => (value ?? []).map((item) => item.trim()).filter((item) => item.length > 0);
    return {
        exemptLeadSources: list(dto.exemptLeadSources),
        campaignExemptStages: list(dto.campaignExemptStages),
        stageOrder: list(dto.stageOrder),
        contactRoleRequiredStage: dto.contactRoleRequiredStage?.trim() || null
    };
}
/** Maps one related-list record to the row the pure logic works on. */
export function toContactRoleRow(record) {
    const name = getFieldValue(record, 'OpportunityContactRole.Contact.Name');
    const role = getFieldDisplayValue(record, 'OpportunityContactRole.Role') ??
        getFieldValue(record, 'OpportunityContactRole.Role');
    return {
        id: record.id,
        contactName: typeof name === 'string' ? name : null,
        role: typeof role === 'string' ? role : null,
        isPrimary: getFieldValue(record, 'OpportunityContactRole.IsPrimary') === true
    };
}
export default class OpportunityAttribution extends NavigationMixin(LightningElement) {
    @api
    recordId;
    labels = LABELS;
    /** The attribution rules (one cacheable Apex call, shared with every card through the LDS cache). */
    @wire(getRules)
    rulesResult;
    opportunity;
    @wire(getRecord, { recordId: '$recordId', fields: REQUIRED_FIELDS, optionalFields: OPTIONAL_FIELDS })
    wiredOpportunity(result) {
        const previous = this.opportunity?.data;
        this.opportunity = result;
        const current = result.data;
        // The record changed (an edit, a save elsewhere): its contact roles may have changed with it.
        if (previous && current && previous.id === current.id && previous.weakEtag !== current.weakEtag) {
            // A failed refresh reaches the rep through the wire's error state.
            this.refreshContactRoles().catch(() => false);
        }
    }
    /** Field labels as the org names them (admins rename fields); API names until they arrive. */
    @wire(getObjectInfo, { objectApiName: OPPORTUNITY_OBJECT })
    objectInfo;
    /** The page of contact roles the wire asks for next (undefined: the first page). */
    contactRolePageToken;
    /** The contact roles of every page read so far, in page order. */
    contactRolePages = [];
    contactRolesComplete = false;
    contactRoleResult;
    /** The href of the campaign link, from NavigationMixin.GenerateUrl (never built by hand). */
    campaignUrl = null;
    campaignUrlFor = null;
    refreshHandlerId;
    @wire(getRelatedListRecords, {
        parentRecordId: '$recordId',
        relatedListId: 'OpportunityContactRoles',
        fields: CONTACT_ROLE_FIELDS,
        optionalFields: CONTACT_ROLE_OPTIONAL_FIELDS,
        pageSize: CONTACT_ROLE_PAGE_SIZE,
        pageToken: '$contactRolePageToken'
    })
    wiredContactRoles(result) {
        this.contactRoleResult = result;
        const data = result.data;
        if (!data) {
            return;
        }
        const pages = this.contactRolePageToken === undefined ? [] : [...this.contactRolePages];
        pages.push(data.records);
        this.contactRolePages = pages;
        const next = data.nextPageToken;
        if (next && pages.length < CONTACT_ROLE_MAX_PAGES) {
            this.contactRolesComplete = false;
            this.contactRolePageToken = next;
        }
        else {
            this.contactRolesComplete = true;
        }
    }
    connectedCallback() {
        // RefreshEvent (lightning/refresh): record page actions that add or edit contact roles ask the view to refresh.
        this.refreshHandlerId = registerRefreshHandler(this, this.refreshContactRoles);
    }
    disconnectedCallback() {
        if (this.refreshHandlerId !== undefined) {
            unregisterRefreshHandler(this.refreshHandlerId);
        }
    }
    renderedCallback() {
        const campaignId = this.campaignId;
        if (campaignId && campaignId !== this.campaignUrlFor) {
            this.campaignUrlFor = campaignId;
            const generated = this[NavigationMixin.GenerateUrl](this.campaignPageReference(campaignId));
            generated.then((url) => {
                if (this.campaignUrlFor === campaignId) {
                    this.campaignUrl = url;
                }
            });
        }
    }
    /** Reads the contact roles again from the first page (refreshApex on the wired result). */
    refreshContactRoles = async () => {
        if (this.contactRolePageToken !== undefined) {
            // Changing the config back to the first page makes the wire read again.
            this.contactRolePageToken = undefined;
            this.contactRolesComplete = false;
            return true;
        }
        if (this.contactRoleResult) {
            await refreshApex(this.contactRoleResult);
        }
        return true;
    };
    handleCampaignClick(event) {
        event.preventDefault();
        const campaignId = this.campaignId;
        if (campaignId) {
            this[NavigationMixin.Navigate](this.campaignPageReference(campaignId));
        }
    }
    get isLoading() {
        const opportunityPending = !this.opportunity?.data && !this.opportunity?.error;
        const labelsPending = !this.objectInfo?.data && !this.objectInfo?.error;
        return opportunityPending || (labelsPending && !this.opportunity?.error);
    }
    get rules() {
        const data = this.rulesResult?.data;
        return data ? toAttributionRules(data) : null;
    }
    get rulesError() {
        return this.rulesResult?.error ?? null;
    }
    get loadError() {
        return this.opportunity?.error ?? null;
    }
    get hasData() {
        return Boolean(this.opportunity?.data);
    }
    get campaignLabel() {
        return this.fieldLabel(CAMPAIGN_ID_FIELD);
    }
    get leadSourceLabel() {
        return this.fieldLabel(LEAD_SOURCE_FIELD);
    }
    get personaLabel() {
        return this.fieldLabel(PERSONA_FIELD);
    }
    get canReadPersona() {
        return this.opportunity?.data?.fields?.[PERSONA_FIELD.fieldApiName] !== undefined;
    }
    get campaignId() {
        const value = this.read(CAMPAIGN_ID_FIELD);
        return typeof value === 'string' && value.length > 0 ? value : null;
    }
    get campaignName() {
        if (!this.campaignId) {
            return LABELS.none;
        }
        const name = this.read(CAMPAIGN_NAME_FIELD);
        return typeof name === 'string' && name.length > 0 ? name : LABELS.campaignNotVisible;
    }
    get leadSource() {
        return displayText(this.readDisplay(LEAD_SOURCE_FIELD));
    }
    get persona() {
        return displayText(this.readDisplay(PERSONA_FIELD));
    }
    get utmRows() {
        const values = {};
        const labels = {};
        const fields = this.opportunity?.data?.fields ?? {};
        for (const field of UTM_FIELD_IDS) {
            if (fields[field.fieldApiName] !== undefined) {
                values[field.fieldApiName] = this.read(field);
            }
            labels[field.fieldApiName] = this.fieldLabel(field);
        }
        return utmRows(values, labels);
    }
    get contactRoleError() {
        return this.contactRoleResult?.error ?? null;
    }
    get contactRolesLoading() {
        return !this.contactRoleError && !this.contactRolesComplete;
    }
    /** Every contact role of every page, or null until the last page has arrived. */
    get contactRoleRows() {
        if (this.contactRoleError || !this.contactRolesComplete) {
            return null;
        }
        return this.contactRolePages.flat().map(toContactRoleRow);
    }
    get contactRoleSummary() {
        const rows = this.contactRoleRows;
        return rows ? summarizeContactRoles(rows) : null;
    }
    get contactRoleCountLabel() {
        const summary = this.contactRoleSummary;
        if (!summary) {
            return '';
        }
        return formatLabel(summary.count === 1 ? LABELS.contactRoleCountOne : LABELS.contactRoleCountMany, summary.count);
    }
    get hasContactRoles() {
        return (this.contactRoleSummary?.count ?? 0) > 0;
    }
    get primaryContactName() {
        return this.contactRoleSummary?.primaryContactName ?? LABELS.none;
    }
    get roleViews() {
        return (this.contactRoleSummary?.roles ?? []).map((role) => ({ key: role, label: role }));
    }
    get hasRoles() {
        return this.roleViews.length > 0;
    }
    /** Empty until both the opportunity and the rules are known, so a rule-exempt deal never flashes an error. */
    get warnings() {
        const data = this.opportunity?.data;
        const rules = this.rules;
        if (!data || !rules) {
            return [];
        }
        const stage = this.read(STAGE_FIELD);
        const leadSource = this.read(LEAD_SOURCE_FIELD);
        return attributionWarnings({
            campaignId: this.campaignId,
            leadSource: typeof leadSource === 'string' ? leadSource : null,
            stage: typeof stage === 'string' ? stage : null,
            contactRoles: this.contactRoleRows
        }, rules).map((warning) => ({
            ...warning,
            cssClass: `warning slds-var-m-bottom_x-small slds-text-color_${warning.severity === 'error' ? 'error' : 'default'}`,
            iconName: warning.severity === 'error' ? 'utility:error' : 'utility:warning',
            severityLabel: warning.severity === 'error' ? LABELS.errorAlt : LABELS.warningAlt
        }));
    }
    /** The codes c-attribution-fixes offers a fix for. */
    get warningCodeList() {
        return this.warnings.map((warning) => warning.code);
    }
    /** Persona readable and blank: the card offers "Set Persona". */
    get personaMissing() {
        return this.canReadPersona && !this.read(PERSONA_FIELD);
    }
    /** A fix changed the contact roles (campaign and Persona fixes reach the card through LDS). */
    handleFixChange() {
        this.refreshContactRoles().catch(() => false);
    }
    get hasWarnings() {
        return this.warnings.length > 0;
    }
    get attributionComplete() {
        return !this.hasWarnings && this.contactRoleRows !== null && this.rules !== null;
    }
    campaignPageReference(campaignId) {
        return {
            type: 'standard__recordPage',
            attributes: { recordId: campaignId, objectApiName: 'Campaign', actionName: 'view' }
        };
    }
    fieldLabel(field) {
        return this.objectInfo?.data?.fields?.[field.fieldApiName]?.label ?? field.fieldApiName;
    }
    read(field) {
        const data = this.opportunity?.data;
        return data ? getFieldValue(data, field) : undefined;
    }
    readDisplay(field) {
        const data = this.opportunity?.data;
        return data ? (getFieldDisplayValue(data, field) ?? getFieldValue(data, field)) : undefined;
    }
}
