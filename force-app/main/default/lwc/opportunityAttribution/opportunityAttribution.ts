import { LightningElement, api, wire } from 'lwc';
import { getRecord, getFieldValue, getFieldDisplayValue } from 'lightning/uiRecordApi';
import type { FieldId, GetRecordResult, RecordRepresentation } from 'lightning/uiRecordApi';
import { getRelatedListRecords } from 'lightning/uiRelatedListApi';
import type { GetRelatedListRecordsResult } from 'lightning/uiRelatedListApi';
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
import type { AttributionRulesDto, GetRulesResult } from '@salesforce/apex/AttributionRulesController.getRules';
import { attributionWarnings, displayText, reduceErrors, summarizeContactRoles, utmRows } from 'c/attributionUtils';
import type {
    AttributionRules,
    AttributionWarning,
    ContactRoleRow,
    ContactRoleSummary,
    UtmRow
} from 'c/attributionUtils';

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
const CONTACT_ROLE_PAGE_SIZE = 50;

interface WarningView extends AttributionWarning {
    cssClass: string;
    iconName: string;
    severityLabel: string;
}

interface RoleView {
    key: string;
    label: string;
}

/**
 * The rules the warnings follow, from AttributionRulesController.getRules (the Attribution_Rules__mdt Default record
 * the validation rules, flows and audit read). Missing lists count as empty, never as a built-in default.
 */
export function toAttributionRules(dto: AttributionRulesDto): AttributionRules {
    const list = (value: readonly string[] | null | undefined): string[] =>
        (value ?? []).map((item) => item.trim()).filter((item) => item.length > 0);
    return {
        exemptLeadSources: list(dto.exemptLeadSources),
        campaignExemptStages: list(dto.campaignExemptStages),
        stageOrder: list(dto.stageOrder),
        contactRoleRequiredStage: dto.contactRoleRequiredStage?.trim() || null
    };
}

/** Maps one related-list record to the row the pure logic works on. */
export function toContactRoleRow(record: RecordRepresentation): ContactRoleRow {
    const name = getFieldValue(record, 'OpportunityContactRole.Contact.Name');
    const role =
        getFieldDisplayValue(record, 'OpportunityContactRole.Role') ??
        getFieldValue(record, 'OpportunityContactRole.Role');
    return {
        id: record.id,
        contactName: typeof name === 'string' ? name : null,
        role: typeof role === 'string' ? role : null,
        isPrimary: getFieldValue(record, 'OpportunityContactRole.IsPrimary') === true
    };
}

export default class OpportunityAttribution extends LightningElement {
    @api recordId?: string;

    /** The attribution rules (one cacheable Apex call, shared with every card through the LDS cache). */
    @wire(getRules)
    rulesResult?: GetRulesResult;

    @wire(getRecord, { recordId: '$recordId', fields: REQUIRED_FIELDS, optionalFields: OPTIONAL_FIELDS })
    opportunity?: GetRecordResult;

    @wire(getRelatedListRecords, {
        parentRecordId: '$recordId',
        relatedListId: 'OpportunityContactRoles',
        fields: CONTACT_ROLE_FIELDS,
        optionalFields: CONTACT_ROLE_OPTIONAL_FIELDS,
        pageSize: CONTACT_ROLE_PAGE_SIZE
    })
    contactRoleResult?: GetRelatedListRecordsResult;

    get isLoading(): boolean {
        return !this.opportunity?.data && !this.opportunity?.error;
    }

    get rules(): AttributionRules | null {
        const data = this.rulesResult?.data;
        return data ? toAttributionRules(data) : null;
    }

    get rulesErrorMessage(): string | null {
        const error = this.rulesResult?.error;
        return error ? reduceErrors(error).join(' ') : null;
    }

    get errorMessage(): string | null {
        const error = this.opportunity?.error;
        return error ? reduceErrors(error).join(' ') : null;
    }

    get hasData(): boolean {
        return Boolean(this.opportunity?.data);
    }

    get campaignId(): string | null {
        const value = this.read(CAMPAIGN_ID_FIELD);
        return typeof value === 'string' && value.length > 0 ? value : null;
    }

    get campaignName(): string {
        if (!this.campaignId) {
            return 'None';
        }
        const name = this.read(CAMPAIGN_NAME_FIELD);
        return typeof name === 'string' && name.length > 0 ? name : 'Campaign (name not visible to you)';
    }

    get campaignUrl(): string | null {
        return this.campaignId ? `/lightning/r/Campaign/${this.campaignId}/view` : null;
    }

    get leadSource(): string {
        return displayText(this.readDisplay(LEAD_SOURCE_FIELD));
    }

    get persona(): string {
        return displayText(this.readDisplay(PERSONA_FIELD));
    }

    get utmRows(): UtmRow[] {
        return utmRows({
            UTM_Source__c: this.read(UTM_SOURCE_FIELD),
            UTM_Medium__c: this.read(UTM_MEDIUM_FIELD),
            UTM_Campaign__c: this.read(UTM_CAMPAIGN_FIELD),
            UTM_Term__c: this.read(UTM_TERM_FIELD),
            UTM_Content__c: this.read(UTM_CONTENT_FIELD)
        });
    }

    get hasUtmValues(): boolean {
        return this.utmRows.some((row) => !row.isEmpty);
    }

    get contactRolesLoading(): boolean {
        return !this.contactRoleResult?.data && !this.contactRoleResult?.error;
    }

    get contactRoleErrorMessage(): string | null {
        const error = this.contactRoleResult?.error;
        return error ? reduceErrors(error).join(' ') : null;
    }

    get contactRoleRows(): ContactRoleRow[] | null {
        const records = this.contactRoleResult?.data?.records;
        return records ? records.map(toContactRoleRow) : null;
    }

    get contactRoleSummary(): ContactRoleSummary | null {
        const rows = this.contactRoleRows;
        return rows ? summarizeContactRoles(rows) : null;
    }

    get contactRoleCountLabel(): string {
        const summary = this.contactRoleSummary;
        if (!summary) {
            return '';
        }
        const more = this.contactRoleResult?.data?.nextPageToken ? '+' : '';
        return `${summary.count}${more} ${summary.count === 1 && !more ? 'contact role' : 'contact roles'}`;
    }

    get hasContactRoles(): boolean {
        return (this.contactRoleSummary?.count ?? 0) > 0;
    }

    get primaryContactName(): string {
        return this.contactRoleSummary?.primaryContactName ?? 'None';
    }

    get roleViews(): RoleView[] {
        return (this.contactRoleSummary?.roles ?? []).map((role) => ({ key: role, label: role }));
    }

    get hasRoles(): boolean {
        return this.roleViews.length > 0;
    }

    /** Empty until both the opportunity and the rules are known, so a rule-exempt deal never flashes an error. */
    get warnings(): WarningView[] {
        const data = this.opportunity?.data;
        const rules = this.rules;
        if (!data || !rules) {
            return [];
        }
        const stage = this.read(STAGE_FIELD);
        const leadSource = this.read(LEAD_SOURCE_FIELD);
        return attributionWarnings(
            {
                campaignId: this.campaignId,
                leadSource: typeof leadSource === 'string' ? leadSource : null,
                stage: typeof stage === 'string' ? stage : null,
                contactRoles: this.contactRoleRows
            },
            rules
        ).map((warning) => ({
            ...warning,
            cssClass: `warning slds-m-bottom_x-small slds-text-color_${warning.severity === 'error' ? 'error' : 'default'}`,
            iconName: warning.severity === 'error' ? 'utility:error' : 'utility:warning',
            severityLabel: warning.severity === 'error' ? 'Error' : 'Warning'
        }));
    }

    get hasWarnings(): boolean {
        return this.warnings.length > 0;
    }

    get attributionComplete(): boolean {
        return !this.hasWarnings && !this.contactRolesLoading && !this.contactRoleErrorMessage && this.rules !== null;
    }

    private read(field: FieldId): unknown {
        const data = this.opportunity?.data;
        return data ? getFieldValue(data, field) : undefined;
    }

    private readDisplay(field: FieldId): unknown {
        const data = this.opportunity?.data;
        return data ? (getFieldDisplayValue(data, field) ?? getFieldValue(data, field)) : undefined;
    }
}
