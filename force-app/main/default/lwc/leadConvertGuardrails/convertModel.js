/**
 * Pure logic of the Convert with Guardrails modal: the rep-language text of each preflight check and error, the
 * choices the Match and Deal steps offer, and the request sent to AttributionLeadConvertController.convertLead.
 * Every text comes from the Custom Labels (CONVERT_LABELS).
 */
import { CONVERT_LABELS, formatLabel } from 'c/attributionLabels';
export const STEPS = ['preflight', 'match', 'deal'];
/** Value of the "create a new record" choice of the account and contact groups. */
export const NEW_RECORD = 'new';
const ICONS = {
    pass: { name: 'utility:success', variant: 'success', alt: CONVERT_LABELS.verdictReady },
    warn: { name: 'utility:warning', variant: 'warning', alt: CONVERT_LABELS.verdictReview },
    block: { name: 'utility:error', variant: 'error', alt: CONVERT_LABELS.verdictBlocked }
};
/** The sentence a rep reads for one check of the preflight. */
export function checkText(check, preflight) {
    const score = preflight.bantScore ?? 0;
    const texts = {
        LEAD_SOURCE_pass: formatLabel(CONVERT_LABELS.checkLeadSourcePass, preflight.leadSource ?? ''),
        LEAD_SOURCE_block: CONVERT_LABELS.checkLeadSourceBlock,
        PERSONA_pass: formatLabel(CONVERT_LABELS.checkPersonaPass, preflight.persona ?? '', preflight.contactRole ?? CONVERT_LABELS.campaignNone),
        PERSONA_warn: CONVERT_LABELS.checkPersonaWarn,
        CAMPAIGN_pass: CONVERT_LABELS.checkCampaignPass,
        CAMPAIGN_warn: CONVERT_LABELS.checkCampaignWarn,
        DUPLICATES_pass: CONVERT_LABELS.checkDuplicatesPass,
        DUPLICATES_warn: formatLabel(CONVERT_LABELS.checkDuplicatesWarn, preflight.duplicateLeads.length, preflight.duplicateContacts.length),
        QUALIFICATION_pass: formatLabel(CONVERT_LABELS.checkQualificationPass, preflight.mqlDate ?? '', score),
        QUALIFICATION_warn: formatLabel(CONVERT_LABELS.checkQualificationWarn, score),
        ALREADY_CONVERTED_block: CONVERT_LABELS.checkAlreadyConvertedBlock,
        CONVERTED_STATUS_block: CONVERT_LABELS.checkConvertedStatusBlock
    };
    return texts[`${check.code}_${check.state}`] ?? `${check.code}`;
}
export function checkRows(preflight) {
    return preflight.checks.map((check) => {
        const icon = ICONS[check.state] ?? ICONS.warn;
        return {
            key: check.code,
            text: checkText(check, preflight),
            iconName: icon.name,
            iconVariant: icon.variant,
            alternativeText: icon.alt,
            cssClass: `check check-${check.code.toLowerCase()} check-${check.state}`
        };
    });
}
export function verdictText(verdict) {
    if (verdict === 'blocked')
        return CONVERT_LABELS.verdictBlocked;
    if (verdict === 'review')
        return CONVERT_LABELS.verdictReview;
    return CONVERT_LABELS.verdictReady;
}
/** New account, the suggested one first, then the other matching and duplicate contacts' accounts. */
export function accountChoices(preflight) {
    const choices = [
        { label: formatLabel(CONVERT_LABELS.accountNew, preflight.company ?? ''), value: NEW_RECORD }
    ];
    const seen = new Set();
    const add = (id, name) => {
        if (!id || seen.has(id))
            return;
        seen.add(id);
        const suggested = id === preflight.suggestedAccountId ? ` (${CONVERT_LABELS.suggested})` : '';
        choices.push({ label: `${name ?? id}${suggested}`, value: id });
    };
    add(preflight.suggestedAccountId, accountName(preflight, preflight.suggestedAccountId));
    preflight.matchingAccounts.forEach((account) => add(account.id, account.name));
    preflight.duplicateContacts.forEach((contact) => add(contact.accountId, contact.accountName));
    return choices;
}
function accountName(preflight, id) {
    const account = preflight.matchingAccounts.find((a) => a.id === id);
    if (account)
        return account.name;
    return preflight.duplicateContacts.find((c) => c.accountId === id)?.accountName ?? null;
}
/** New contact, or a duplicate contact of the chosen account (an existing contact must belong to it). */
export function contactChoices(preflight, accountId) {
    const choices = [{ label: CONVERT_LABELS.contactNew, value: NEW_RECORD }];
    for (const contact of preflight.duplicateContacts) {
        if (accountId !== NEW_RECORD && contact.accountId === accountId) {
            const suggested = contact.id === preflight.suggestedContactId ? ` (${CONVERT_LABELS.suggested})` : '';
            const label = formatLabel(CONVERT_LABELS.chooseContact, contact.name ?? '', contact.accountName ?? '');
            choices.push({ label: `${label}${suggested}`, value: contact.id });
        }
    }
    return choices;
}
export function campaignChoices(preflight) {
    return [
        { label: CONVERT_LABELS.campaignNone, value: '' },
        ...preflight.campaigns.map((campaign) => ({
            label: formatLabel(CONVERT_LABELS.campaignOption, campaign.name ?? '', campaign.respondedDate ?? ''),
            value: campaign.campaignId
        }))
    ];
}
export function stageChoices(preflight) {
    return preflight.stages.map((stage) => ({ label: stage.label ?? stage.value, value: stage.value }));
}
/** The choices the steps start from: the preflight's suggestions. */
export function initialChoices(preflight) {
    const accountId = preflight.suggestedAccountId ?? NEW_RECORD;
    return {
        accountId,
        contactId: accountId !== NEW_RECORD && preflight.suggestedContactId ? preflight.suggestedContactId : NEW_RECORD,
        createOpportunity: true,
        opportunityName: preflight.company ?? preflight.name ?? '',
        amount: '',
        closeDate: '',
        stageName: preflight.defaultStage ?? '',
        campaignId: preflight.suggestedCampaignId ?? '',
        contactRole: preflight.contactRole ?? ''
    };
}
const orNull = (value) => (value.trim() === '' ? null : value.trim());
export function buildRequest(leadId, choices, allowDuplicates) {
    const deal = choices.createOpportunity;
    return {
        leadId,
        accountId: choices.accountId === NEW_RECORD ? null : choices.accountId,
        contactId: choices.contactId === NEW_RECORD ? null : choices.contactId,
        createOpportunity: deal,
        opportunityName: deal ? orNull(choices.opportunityName) : null,
        amount: deal && orNull(choices.amount) !== null ? Number(choices.amount) : null,
        closeDate: deal ? orNull(choices.closeDate) : null,
        stageName: deal ? orNull(choices.stageName) : null,
        campaignId: deal ? orNull(choices.campaignId) : null,
        contactRole: deal ? orNull(choices.contactRole) : null,
        allowDuplicates
    };
}
/** The rep-language sentence of an error from the controller; the platform's message is the detail. */
export function errorText(error) {
    switch (error.code) {
        case 'DUPLICATE':
            return error.allowSave ? CONVERT_LABELS.errorDuplicate : CONVERT_LABELS.errorDuplicateBlocked;
        case 'VALIDATION':
            return CONVERT_LABELS.errorValidation;
        case 'ACCESS':
            return CONVERT_LABELS.errorAccess;
        case 'ALREADY_CONVERTED':
            return CONVERT_LABELS.checkAlreadyConvertedBlock;
        case 'NO_CONVERTED_STATUS':
            return CONVERT_LABELS.checkConvertedStatusBlock;
        case 'REQUIRED':
            return CONVERT_LABELS.errorRequired;
        default:
            return CONVERT_LABELS.errorOther;
    }
}
export function errorRows(errors, step) {
    return errors
        .filter((error) => (error.step ?? 'preflight') === step)
        .map((error, index) => ({
        key: `${step}-${index}`,
        text: errorText(error),
        detail: error.code === 'VALIDATION' || error.code === 'OTHER' ? (error.message ?? '') : '',
        field: error.field
    }));
}
