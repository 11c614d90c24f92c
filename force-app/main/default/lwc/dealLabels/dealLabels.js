/**
 * The strings of the deal components (buying group manager, one-click fixes, campaign influence), from the Custom
 * Labels (category Attribution_Deal). Kept apart from c/attributionLabels so each module stays small; fill `{0}`
 * placeholders with formatLabel from c/attributionLabels.
 */
import DEAL_GROUP_TITLE from '@salesforce/label/c.Attribution_Deal_Group_Title';
import DEAL_GROUP_LOADING from '@salesforce/label/c.Attribution_Deal_Group_Loading';
import DEAL_GROUP_LOAD_ERROR from '@salesforce/label/c.Attribution_Deal_Group_Load_Error';
import DEAL_GROUP_EMPTY from '@salesforce/label/c.Attribution_Deal_Group_Empty';
import DEAL_CONTACT_COLUMN from '@salesforce/label/c.Attribution_Deal_Contact_Column';
import DEAL_ROLE_COLUMN from '@salesforce/label/c.Attribution_Deal_Role_Column';
import DEAL_PRIMARY_COLUMN from '@salesforce/label/c.Attribution_Deal_Primary_Column';
import DEAL_PERSONA_COLUMN from '@salesforce/label/c.Attribution_Deal_Persona_Column';
import DEAL_ACTIONS_COLUMN from '@salesforce/label/c.Attribution_Deal_Actions_Column';
import DEAL_ADD_ROLE from '@salesforce/label/c.Attribution_Deal_Add_Role';
import DEAL_CHOOSE_CONTACT from '@salesforce/label/c.Attribution_Deal_Choose_Contact';
import DEAL_CHOOSE_CONTACT_PLACEHOLDER from '@salesforce/label/c.Attribution_Deal_Choose_Contact_Placeholder';
import DEAL_NO_ACCOUNT_CONTACTS from '@salesforce/label/c.Attribution_Deal_No_Account_Contacts';
import DEAL_NO_ROLE from '@salesforce/label/c.Attribution_Deal_No_Role';
import DEAL_SUGGESTED_ROLE from '@salesforce/label/c.Attribution_Deal_Suggested_Role';
import DEAL_SAVE from '@salesforce/label/c.Attribution_Deal_Save';
import DEAL_CANCEL from '@salesforce/label/c.Attribution_Deal_Cancel';
import DEAL_EDIT from '@salesforce/label/c.Attribution_Deal_Edit';
import DEAL_REMOVE from '@salesforce/label/c.Attribution_Deal_Remove';
import DEAL_MAKE_PRIMARY from '@salesforce/label/c.Attribution_Deal_Make_Primary';
import DEAL_PRIMARY_BADGE from '@salesforce/label/c.Attribution_Deal_Primary_Badge';
import DEAL_ROLE_SAVED from '@salesforce/label/c.Attribution_Deal_Role_Saved';
import DEAL_ROLE_REMOVED from '@salesforce/label/c.Attribution_Deal_Role_Removed';
import DEAL_ROW_ERROR from '@salesforce/label/c.Attribution_Deal_Row_Error';
import DEAL_FIXES_HEADING from '@salesforce/label/c.Attribution_Deal_Fixes_Heading';
import DEAL_SET_CAMPAIGN from '@salesforce/label/c.Attribution_Deal_Set_Campaign';
import DEAL_CAMPAIGN_PICKER from '@salesforce/label/c.Attribution_Deal_Campaign_Picker';
import DEAL_CAMPAIGN_OPTION from '@salesforce/label/c.Attribution_Deal_Campaign_Option';
import DEAL_NO_CANDIDATES from '@salesforce/label/c.Attribution_Deal_No_Candidates';
import DEAL_CANDIDATES_ERROR from '@salesforce/label/c.Attribution_Deal_Candidates_Error';
import DEAL_SET_PERSONA from '@salesforce/label/c.Attribution_Deal_Set_Persona';
import DEAL_PERSONA_PICKER from '@salesforce/label/c.Attribution_Deal_Persona_Picker';
import DEAL_FIX_SAVED from '@salesforce/label/c.Attribution_Deal_Fix_Saved';
import DEAL_FIX_FAILED from '@salesforce/label/c.Attribution_Deal_Fix_Failed';
import DEAL_INFLUENCE_TITLE from '@salesforce/label/c.Attribution_Deal_Influence_Title';
import DEAL_INFLUENCE_LOADING from '@salesforce/label/c.Attribution_Deal_Influence_Loading';
import DEAL_INFLUENCE_LOAD_ERROR from '@salesforce/label/c.Attribution_Deal_Influence_Load_Error';
import DEAL_INFLUENCE_VIEW_TOUCHES from '@salesforce/label/c.Attribution_Deal_Influence_View_Touches';
import DEAL_INFLUENCE_VIEW_TOUCHES_CLOSED from '@salesforce/label/c.Attribution_Deal_Influence_View_Touches_Closed';
import DEAL_INFLUENCE_VIEW_CUSTOMIZABLE from '@salesforce/label/c.Attribution_Deal_Influence_View_Customizable';
import DEAL_INFLUENCE_EMPTY from '@salesforce/label/c.Attribution_Deal_Influence_Empty';
import DEAL_INFLUENCE_MODEL_EMPTY from '@salesforce/label/c.Attribution_Deal_Influence_Model_Empty';
import DEAL_FIRST_TOUCH from '@salesforce/label/c.Attribution_Deal_First_Touch';
import DEAL_LAST_TOUCH from '@salesforce/label/c.Attribution_Deal_Last_Touch';
import DEAL_PRIMARY_SOURCE from '@salesforce/label/c.Attribution_Deal_Primary_Source';
import DEAL_CAMPAIGN_COLUMN from '@salesforce/label/c.Attribution_Deal_Campaign_Column';
import DEAL_RESPONDED_COLUMN from '@salesforce/label/c.Attribution_Deal_Responded_Column';
import DEAL_INFLUENCE_COLUMN from '@salesforce/label/c.Attribution_Deal_Influence_Column';
import DEAL_REVENUE_COLUMN from '@salesforce/label/c.Attribution_Deal_Revenue_Column';
import DEAL_TOUCHES_HEADING from '@salesforce/label/c.Attribution_Deal_Touches_Heading';
import DEAL_CHOOSE_VALUE from '@salesforce/label/c.Attribution_Deal_Choose_Value';
import DEAL_MODEL_HEADING from '@salesforce/label/c.Attribution_Deal_Model_Heading';
export const DEAL_LABELS = {
    groupTitle: DEAL_GROUP_TITLE,
    groupLoading: DEAL_GROUP_LOADING,
    groupLoadError: DEAL_GROUP_LOAD_ERROR,
    groupEmpty: DEAL_GROUP_EMPTY,
    contactColumn: DEAL_CONTACT_COLUMN,
    roleColumn: DEAL_ROLE_COLUMN,
    primaryColumn: DEAL_PRIMARY_COLUMN,
    personaColumn: DEAL_PERSONA_COLUMN,
    actionsColumn: DEAL_ACTIONS_COLUMN,
    addRole: DEAL_ADD_ROLE,
    chooseContact: DEAL_CHOOSE_CONTACT,
    chooseContactPlaceholder: DEAL_CHOOSE_CONTACT_PLACEHOLDER,
    noAccountContacts: DEAL_NO_ACCOUNT_CONTACTS,
    noRole: DEAL_NO_ROLE,
    suggestedRole: DEAL_SUGGESTED_ROLE,
    save: DEAL_SAVE,
    cancel: DEAL_CANCEL,
    edit: DEAL_EDIT,
    remove: DEAL_REMOVE,
    makePrimary: DEAL_MAKE_PRIMARY,
    primaryBadge: DEAL_PRIMARY_BADGE,
    roleSaved: DEAL_ROLE_SAVED,
    roleRemoved: DEAL_ROLE_REMOVED,
    rowError: DEAL_ROW_ERROR,
    fixesHeading: DEAL_FIXES_HEADING,
    setCampaign: DEAL_SET_CAMPAIGN,
    campaignPicker: DEAL_CAMPAIGN_PICKER,
    campaignOption: DEAL_CAMPAIGN_OPTION,
    noCandidates: DEAL_NO_CANDIDATES,
    candidatesError: DEAL_CANDIDATES_ERROR,
    setPersona: DEAL_SET_PERSONA,
    personaPicker: DEAL_PERSONA_PICKER,
    fixSaved: DEAL_FIX_SAVED,
    fixFailed: DEAL_FIX_FAILED,
    influenceTitle: DEAL_INFLUENCE_TITLE,
    influenceLoading: DEAL_INFLUENCE_LOADING,
    influenceLoadError: DEAL_INFLUENCE_LOAD_ERROR,
    influenceViewTouches: DEAL_INFLUENCE_VIEW_TOUCHES,
    influenceViewTouchesClosed: DEAL_INFLUENCE_VIEW_TOUCHES_CLOSED,
    influenceViewCustomizable: DEAL_INFLUENCE_VIEW_CUSTOMIZABLE,
    influenceEmpty: DEAL_INFLUENCE_EMPTY,
    influenceModelEmpty: DEAL_INFLUENCE_MODEL_EMPTY,
    firstTouch: DEAL_FIRST_TOUCH,
    lastTouch: DEAL_LAST_TOUCH,
    primarySource: DEAL_PRIMARY_SOURCE,
    campaignColumn: DEAL_CAMPAIGN_COLUMN,
    respondedColumn: DEAL_RESPONDED_COLUMN,
    influenceColumn: DEAL_INFLUENCE_COLUMN,
    revenueColumn: DEAL_REVENUE_COLUMN,
    touchesHeading: DEAL_TOUCHES_HEADING,
    chooseValue: DEAL_CHOOSE_VALUE,
    modelHeading: DEAL_MODEL_HEADING
};
