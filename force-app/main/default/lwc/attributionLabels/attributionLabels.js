/**
 * Every string a rep reads on the attribution cards, from the Custom Labels (CustomLabels.labels-meta.xml), so the kit
 * can be translated. `{0}`-style placeholders are filled by `formatLabel`.
 */
import UNKNOWN_ERROR from '@salesforce/label/c.Attribution_Unknown_Error';
import ERROR_ALT from '@salesforce/label/c.Attribution_Error_Alt';
import WARNING_ALT from '@salesforce/label/c.Attribution_Warning_Alt';
import SUCCESS_ALT from '@salesforce/label/c.Attribution_Success_Alt';
import UTM_HEADING from '@salesforce/label/c.Attribution_Utm_Heading';
import LEAD_CARD_TITLE from '@salesforce/label/c.Attribution_Lead_Card_Title';
import LEAD_LOADING from '@salesforce/label/c.Attribution_Lead_Loading';
import LEAD_LOAD_ERROR from '@salesforce/label/c.Attribution_Lead_Load_Error';
import SCORE from '@salesforce/label/c.Attribution_Score';
import SCORE_BADGE from '@salesforce/label/c.Attribution_Score_Badge';
import VERDICT_FULL from '@salesforce/label/c.Attribution_Verdict_Full';
import VERDICT_NEARLY from '@salesforce/label/c.Attribution_Verdict_Nearly';
import VERDICT_PARTLY from '@salesforce/label/c.Attribution_Verdict_Partly';
import VERDICT_NONE from '@salesforce/label/c.Attribution_Verdict_None';
import BANT_LEGEND from '@salesforce/label/c.Attribution_Bant_Legend';
import LEAD_CONVERTED_NOTE from '@salesforce/label/c.Attribution_Lead_Converted_Note';
import BANT_MET from '@salesforce/label/c.Attribution_Bant_Met';
import BANT_NOT_MET from '@salesforce/label/c.Attribution_Bant_Not_Met';
import BANT_HELP_BUDGET from '@salesforce/label/c.Attribution_Bant_Help_Budget';
import BANT_HELP_AUTHORITY from '@salesforce/label/c.Attribution_Bant_Help_Authority';
import BANT_HELP_NEED from '@salesforce/label/c.Attribution_Bant_Help_Need';
import BANT_HELP_TIMELINE from '@salesforce/label/c.Attribution_Bant_Help_Timeline';
import FUNNEL_HEADING from '@salesforce/label/c.Attribution_Funnel_Heading';
import MEETING_BOOKED from '@salesforce/label/c.Attribution_Meeting_Booked';
import NO_MEETING_BOOKED from '@salesforce/label/c.Attribution_No_Meeting_Booked';
import LEAD_UTM_EMPTY from '@salesforce/label/c.Attribution_Lead_Utm_Empty';
import SAVED_TITLE from '@salesforce/label/c.Attribution_Saved_Title';
import SAVED_MET from '@salesforce/label/c.Attribution_Saved_Met';
import SAVED_NOT_MET from '@salesforce/label/c.Attribution_Saved_Not_Met';
import SAVE_FAILED_TITLE from '@salesforce/label/c.Attribution_Save_Failed_Title';
import SAVE_FAILED from '@salesforce/label/c.Attribution_Save_Failed';
import OPP_CARD_TITLE from '@salesforce/label/c.Attribution_Opp_Card_Title';
import OPP_LOADING from '@salesforce/label/c.Attribution_Opp_Loading';
import OPP_LOAD_ERROR from '@salesforce/label/c.Attribution_Opp_Load_Error';
import STATUS_LABEL from '@salesforce/label/c.Attribution_Status_Label';
import RULES_ERROR from '@salesforce/label/c.Attribution_Rules_Error';
import COMPLETE from '@salesforce/label/c.Attribution_Complete';
import NONE from '@salesforce/label/c.Attribution_None';
import CAMPAIGN_NOT_VISIBLE from '@salesforce/label/c.Attribution_Campaign_Not_Visible';
import OPP_UTM_EMPTY from '@salesforce/label/c.Attribution_Opp_Utm_Empty';
import CONTACT_ROLES_HEADING from '@salesforce/label/c.Attribution_Contact_Roles_Heading';
import CONTACT_ROLES_ERROR from '@salesforce/label/c.Attribution_Contact_Roles_Error';
import CONTACT_ROLES_LOADING from '@salesforce/label/c.Attribution_Contact_Roles_Loading';
import CONTACT_ROLES_EMPTY from '@salesforce/label/c.Attribution_Contact_Roles_Empty';
import CONTACT_ROLE_COUNT_ONE from '@salesforce/label/c.Attribution_Contact_Role_Count_One';
import CONTACT_ROLE_COUNT_MANY from '@salesforce/label/c.Attribution_Contact_Role_Count_Many';
import PRIMARY_CONTACT from '@salesforce/label/c.Attribution_Primary_Contact';
import PRIMARY_CONTACT_HIDDEN from '@salesforce/label/c.Attribution_Primary_Contact_Hidden';
import ROLES from '@salesforce/label/c.Attribution_Roles';
import WARN_NO_CAMPAIGN from '@salesforce/label/c.Attribution_Warn_No_Campaign';
import WARN_SOURCE_NOT_EXEMPT from '@salesforce/label/c.Attribution_Warn_Source_Not_Exempt';
import WARN_NO_SOURCE from '@salesforce/label/c.Attribution_Warn_No_Source';
import WARN_CONTACT_ROLE_REQUIRED from '@salesforce/label/c.Attribution_Warn_Contact_Role_Required';
import WARN_NO_CONTACT_ROLE from '@salesforce/label/c.Attribution_Warn_No_Contact_Role';
import WARN_NO_PRIMARY from '@salesforce/label/c.Attribution_Warn_No_Primary';
import WARN_ROLE_MISSING_ONE from '@salesforce/label/c.Attribution_Warn_Role_Missing_One';
import WARN_ROLE_MISSING_MANY from '@salesforce/label/c.Attribution_Warn_Role_Missing_Many';
export const LABELS = {
    unknownError: UNKNOWN_ERROR,
    errorAlt: ERROR_ALT,
    warningAlt: WARNING_ALT,
    successAlt: SUCCESS_ALT,
    utmHeading: UTM_HEADING,
    leadCardTitle: LEAD_CARD_TITLE,
    leadLoading: LEAD_LOADING,
    leadLoadError: LEAD_LOAD_ERROR,
    score: SCORE,
    scoreBadge: SCORE_BADGE,
    verdictFull: VERDICT_FULL,
    verdictNearly: VERDICT_NEARLY,
    verdictPartly: VERDICT_PARTLY,
    verdictNone: VERDICT_NONE,
    bantLegend: BANT_LEGEND,
    leadConvertedNote: LEAD_CONVERTED_NOTE,
    bantMet: BANT_MET,
    bantNotMet: BANT_NOT_MET,
    bantHelpBudget: BANT_HELP_BUDGET,
    bantHelpAuthority: BANT_HELP_AUTHORITY,
    bantHelpNeed: BANT_HELP_NEED,
    bantHelpTimeline: BANT_HELP_TIMELINE,
    funnelHeading: FUNNEL_HEADING,
    meetingBooked: MEETING_BOOKED,
    noMeetingBooked: NO_MEETING_BOOKED,
    leadUtmEmpty: LEAD_UTM_EMPTY,
    savedTitle: SAVED_TITLE,
    savedMet: SAVED_MET,
    savedNotMet: SAVED_NOT_MET,
    saveFailedTitle: SAVE_FAILED_TITLE,
    saveFailed: SAVE_FAILED,
    oppCardTitle: OPP_CARD_TITLE,
    oppLoading: OPP_LOADING,
    oppLoadError: OPP_LOAD_ERROR,
    statusLabel: STATUS_LABEL,
    rulesError: RULES_ERROR,
    complete: COMPLETE,
    none: NONE,
    campaignNotVisible: CAMPAIGN_NOT_VISIBLE,
    oppUtmEmpty: OPP_UTM_EMPTY,
    contactRolesHeading: CONTACT_ROLES_HEADING,
    contactRolesError: CONTACT_ROLES_ERROR,
    contactRolesLoading: CONTACT_ROLES_LOADING,
    contactRolesEmpty: CONTACT_ROLES_EMPTY,
    contactRoleCountOne: CONTACT_ROLE_COUNT_ONE,
    contactRoleCountMany: CONTACT_ROLE_COUNT_MANY,
    primaryContact: PRIMARY_CONTACT,
    primaryContactHidden: PRIMARY_CONTACT_HIDDEN,
    roles: ROLES,
    warnNoCampaign: WARN_NO_CAMPAIGN,
    warnSourceNotExempt: WARN_SOURCE_NOT_EXEMPT,
    warnNoSource: WARN_NO_SOURCE,
    warnContactRoleRequired: WARN_CONTACT_ROLE_REQUIRED,
    warnNoContactRole: WARN_NO_CONTACT_ROLE,
    warnNoPrimary: WARN_NO_PRIMARY,
    warnRoleMissingOne: WARN_ROLE_MISSING_ONE,
    warnRoleMissingMany: WARN_ROLE_MISSING_MANY
};
/** Replaces `{0}`, `{1}`, … in a label with the given values (the convention of Salesforce's format utilities). */
export function formatLabel(label, ...values) {
    return label.replace(/\{(\d+)\}/g, (placeholder, index) => {
        const value = values[Number(index)];
        return value === undefined ? placeholder : String(value);
    });
}
