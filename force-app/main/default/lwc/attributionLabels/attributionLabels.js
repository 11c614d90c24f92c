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
// Convert with guardrails (leadConvertGuardrails).
import CONVERT_TITLE from '@salesforce/label/c.Attribution_Convert_Title';
import CONVERT_STEP_PREFLIGHT from '@salesforce/label/c.Attribution_Convert_Step_Preflight';
import CONVERT_STEP_MATCH from '@salesforce/label/c.Attribution_Convert_Step_Match';
import CONVERT_STEP_DEAL from '@salesforce/label/c.Attribution_Convert_Step_Deal';
import CONVERT_LOADING from '@salesforce/label/c.Attribution_Convert_Loading';
import CONVERT_VERDICT_READY from '@salesforce/label/c.Attribution_Convert_Verdict_Ready';
import CONVERT_VERDICT_REVIEW from '@salesforce/label/c.Attribution_Convert_Verdict_Review';
import CONVERT_VERDICT_BLOCKED from '@salesforce/label/c.Attribution_Convert_Verdict_Blocked';
import CONVERT_CHECK_LEAD_SOURCE_PASS from '@salesforce/label/c.Attribution_Convert_Check_Lead_Source_Pass';
import CONVERT_CHECK_LEAD_SOURCE_BLOCK from '@salesforce/label/c.Attribution_Convert_Check_Lead_Source_Block';
import CONVERT_CHECK_PERSONA_PASS from '@salesforce/label/c.Attribution_Convert_Check_Persona_Pass';
import CONVERT_CHECK_PERSONA_WARN from '@salesforce/label/c.Attribution_Convert_Check_Persona_Warn';
import CONVERT_CHECK_CAMPAIGN_PASS from '@salesforce/label/c.Attribution_Convert_Check_Campaign_Pass';
import CONVERT_CHECK_CAMPAIGN_WARN from '@salesforce/label/c.Attribution_Convert_Check_Campaign_Warn';
import CONVERT_CHECK_DUPLICATES_PASS from '@salesforce/label/c.Attribution_Convert_Check_Duplicates_Pass';
import CONVERT_CHECK_DUPLICATES_WARN from '@salesforce/label/c.Attribution_Convert_Check_Duplicates_Warn';
import CONVERT_CHECK_QUALIFICATION_PASS from '@salesforce/label/c.Attribution_Convert_Check_Qualification_Pass';
import CONVERT_CHECK_QUALIFICATION_WARN from '@salesforce/label/c.Attribution_Convert_Check_Qualification_Warn';
import CONVERT_CHECK_ALREADY_CONVERTED_BLOCK from '@salesforce/label/c.Attribution_Convert_Check_Already_Converted_Block';
import CONVERT_CHECK_CONVERTED_STATUS_BLOCK from '@salesforce/label/c.Attribution_Convert_Check_Converted_Status_Block';
import CONVERT_ACCOUNT_LEGEND from '@salesforce/label/c.Attribution_Convert_Account_Legend';
import CONVERT_ACCOUNT_NEW from '@salesforce/label/c.Attribution_Convert_Account_New';
import CONVERT_CONTACT_LEGEND from '@salesforce/label/c.Attribution_Convert_Contact_Legend';
import CONVERT_CONTACT_NEW from '@salesforce/label/c.Attribution_Convert_Contact_New';
import CONVERT_SUGGESTED from '@salesforce/label/c.Attribution_Convert_Suggested';
import CONVERT_DUPLICATE_LEADS from '@salesforce/label/c.Attribution_Convert_Duplicate_Leads';
import CONVERT_CREATE_OPPORTUNITY from '@salesforce/label/c.Attribution_Convert_Create_Opportunity';
import CONVERT_OPPORTUNITY_NAME from '@salesforce/label/c.Attribution_Convert_Opportunity_Name';
import CONVERT_AMOUNT from '@salesforce/label/c.Attribution_Convert_Amount';
import CONVERT_CLOSE_DATE from '@salesforce/label/c.Attribution_Convert_Close_Date';
import CONVERT_STAGE from '@salesforce/label/c.Attribution_Convert_Stage';
import CONVERT_CAMPAIGN from '@salesforce/label/c.Attribution_Convert_Campaign';
import CONVERT_CAMPAIGN_NONE from '@salesforce/label/c.Attribution_Convert_Campaign_None';
import CONVERT_CAMPAIGN_OPTION from '@salesforce/label/c.Attribution_Convert_Campaign_Option';
import CONVERT_CONTACT_ROLE from '@salesforce/label/c.Attribution_Convert_Contact_Role';
import CONVERT_NEXT from '@salesforce/label/c.Attribution_Convert_Next';
import CONVERT_BACK from '@salesforce/label/c.Attribution_Convert_Back';
import CONVERT_CANCEL from '@salesforce/label/c.Attribution_Convert_Cancel';
import CONVERT_SUBMIT from '@salesforce/label/c.Attribution_Convert_Submit';
import CONVERT_SAVE_ANYWAY from '@salesforce/label/c.Attribution_Convert_Save_Anyway';
import CONVERT_ERROR_DUPLICATE from '@salesforce/label/c.Attribution_Convert_Error_Duplicate';
import CONVERT_ERROR_DUPLICATE_BLOCKED from '@salesforce/label/c.Attribution_Convert_Error_Duplicate_Blocked';
import CONVERT_ERROR_VALIDATION from '@salesforce/label/c.Attribution_Convert_Error_Validation';
import CONVERT_ERROR_ACCESS from '@salesforce/label/c.Attribution_Convert_Error_Access';
import CONVERT_ERROR_REQUIRED from '@salesforce/label/c.Attribution_Convert_Error_Required';
import CONVERT_ERROR_OTHER from '@salesforce/label/c.Attribution_Convert_Error_Other';
import CONVERT_NOTHING_SAVED from '@salesforce/label/c.Attribution_Convert_Nothing_Saved';
import CONVERT_SUCCESS_TITLE from '@salesforce/label/c.Attribution_Convert_Success_Title';
import CONVERT_SUCCESS from '@salesforce/label/c.Attribution_Convert_Success';
import CONVERT_CHOOSE_CONTACT from '@salesforce/label/c.Attribution_Convert_Choose_Contact';
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
/** The strings of the Convert with Guardrails lead action (leadConvertGuardrails). */
export const CONVERT_LABELS = {
    title: CONVERT_TITLE,
    stepPreflight: CONVERT_STEP_PREFLIGHT,
    stepMatch: CONVERT_STEP_MATCH,
    stepDeal: CONVERT_STEP_DEAL,
    loading: CONVERT_LOADING,
    verdictReady: CONVERT_VERDICT_READY,
    verdictReview: CONVERT_VERDICT_REVIEW,
    verdictBlocked: CONVERT_VERDICT_BLOCKED,
    checkLeadSourcePass: CONVERT_CHECK_LEAD_SOURCE_PASS,
    checkLeadSourceBlock: CONVERT_CHECK_LEAD_SOURCE_BLOCK,
    checkPersonaPass: CONVERT_CHECK_PERSONA_PASS,
    checkPersonaWarn: CONVERT_CHECK_PERSONA_WARN,
    checkCampaignPass: CONVERT_CHECK_CAMPAIGN_PASS,
    checkCampaignWarn: CONVERT_CHECK_CAMPAIGN_WARN,
    checkDuplicatesPass: CONVERT_CHECK_DUPLICATES_PASS,
    checkDuplicatesWarn: CONVERT_CHECK_DUPLICATES_WARN,
    checkQualificationPass: CONVERT_CHECK_QUALIFICATION_PASS,
    checkQualificationWarn: CONVERT_CHECK_QUALIFICATION_WARN,
    checkAlreadyConvertedBlock: CONVERT_CHECK_ALREADY_CONVERTED_BLOCK,
    checkConvertedStatusBlock: CONVERT_CHECK_CONVERTED_STATUS_BLOCK,
    accountLegend: CONVERT_ACCOUNT_LEGEND,
    accountNew: CONVERT_ACCOUNT_NEW,
    contactLegend: CONVERT_CONTACT_LEGEND,
    contactNew: CONVERT_CONTACT_NEW,
    suggested: CONVERT_SUGGESTED,
    duplicateLeads: CONVERT_DUPLICATE_LEADS,
    createOpportunity: CONVERT_CREATE_OPPORTUNITY,
    opportunityName: CONVERT_OPPORTUNITY_NAME,
    amount: CONVERT_AMOUNT,
    closeDate: CONVERT_CLOSE_DATE,
    stage: CONVERT_STAGE,
    campaign: CONVERT_CAMPAIGN,
    campaignNone: CONVERT_CAMPAIGN_NONE,
    campaignOption: CONVERT_CAMPAIGN_OPTION,
    contactRole: CONVERT_CONTACT_ROLE,
    next: CONVERT_NEXT,
    back: CONVERT_BACK,
    cancel: CONVERT_CANCEL,
    submit: CONVERT_SUBMIT,
    saveAnyway: CONVERT_SAVE_ANYWAY,
    errorDuplicate: CONVERT_ERROR_DUPLICATE,
    errorDuplicateBlocked: CONVERT_ERROR_DUPLICATE_BLOCKED,
    errorValidation: CONVERT_ERROR_VALIDATION,
    errorAccess: CONVERT_ERROR_ACCESS,
    errorRequired: CONVERT_ERROR_REQUIRED,
    errorOther: CONVERT_ERROR_OTHER,
    nothingSaved: CONVERT_NOTHING_SAVED,
    successTitle: CONVERT_SUCCESS_TITLE,
    success: CONVERT_SUCCESS,
    chooseContact: CONVERT_CHOOSE_CONTACT
};
