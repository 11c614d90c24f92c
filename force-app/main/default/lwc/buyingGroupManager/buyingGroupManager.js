import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { RefreshEvent } from 'lightning/refresh';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getDealContext from '@salesforce/apex/AttributionDealController.getDealContext';
import saveContactRole from '@salesforce/apex/AttributionDealController.saveContactRole';
import removeContactRole from '@salesforce/apex/AttributionDealController.removeContactRole';
import { LABELS, formatLabel } from 'c/attributionLabels';
import { DEAL_LABELS } from 'c/dealLabels';
import { displayText, reduceErrors } from 'c/attributionUtils';
/** Key of the add row in `rowErrors`. */
export const NEW_ROW = 'new';
export function withSelected(options, value) {
    return options.map((option) => ({ ...option, selected: option.value === value }));
}
/** The value of the select (or combobox) a change event came from. */
export function changedValue(event) {
    const detail = event.detail;
    return detail?.value ?? event.target?.value ?? '';
}
/** Contacts of the account that have no role yet, as combobox options (name, title). */
export function addableContacts(context) {
    const taken = new Set(context.contactRoles.map((row) => row.contactId));
    return context.accountContacts
        .filter((contact) => !taken.has(contact.contactId))
        .map((contact) => ({
        label: contact.title ? `${contact.name ?? contact.contactId}, ${contact.title}` : (contact.name ?? ''),
        value: contact.contactId
    }));
}
/** The Role options: none first, then the org's values; a current value the org retired stays selectable. */
export function roleOptions(context, current) {
    const values = [...context.roleOptions];
    if (current && !values.includes(current)) {
        values.push(current);
    }
    return [{ label: DEAL_LABELS.noRole, value: '' }, ...values.map((value) => ({ label: value, value }))];
}
/** The role the contact's Persona maps to (Persona_Role_Mapping__mdt), when the org offers it. */
export function suggestedRole(context, contactId) {
    const contact = context.accountContacts.find((c) => c.contactId === contactId);
    const role = contact?.suggestedRole ?? '';
    return context.roleOptions.includes(role) ? role : '';
}
/** The message of a failed save or removal, for the row it concerns. */
export function rowMessage(error) {
    return formatLabel(DEAL_LABELS.rowError, reduceErrors(error).join(' '));
}
export default class BuyingGroupManager extends LightningElement {
    @api
    recordId;
    /** Opens the add row on load (the attribution card's "Add contact role" fix). */
    @api
    openAdd = false;
    labels = DEAL_LABELS;
    contextResult;
    /** The row being edited, or NEW_ROW, or null. */
    editingKey = null;
    draft = null;
    busyKey = null;
    rowErrors = {};
    @wire(getDealContext, { opportunityId: '$recordId' })
    wiredContext(result) {
        this.contextResult = result;
        if (result.data && this.openAdd && this.editingKey === null && !this.opened) {
            this.opened = true;
            this.startAdd();
        }
    }
    opened = false;
    get context() {
        return this.contextResult?.data ?? null;
    }
    get isLoading() {
        return !this.contextResult?.data && !this.contextResult?.error;
    }
    get loadError() {
        return this.contextResult?.error ?? null;
    }
    get loadErrorSummary() {
        return DEAL_LABELS.groupLoadError;
    }
    get rows() {
        const context = this.context;
        if (!context) {
            return [];
        }
        return context.contactRoles.map((row) => {
            const name = row.contactName ?? row.contactId;
            return {
                key: row.id,
                id: row.id,
                contactName: name,
                role: displayText(row.role),
                persona: displayText(row.persona),
                isPrimary: row.isPrimary,
                editing: this.editingKey === row.id,
                busy: this.busyKey === row.id,
                error: this.rowErrors[row.id] ?? null,
                editLabel: formatLabel(DEAL_LABELS.edit, name),
                removeLabel: formatLabel(DEAL_LABELS.remove, name)
            };
        });
    }
    get hasRows() {
        return this.rows.length > 0;
    }
    get adding() {
        return this.editingKey === NEW_ROW;
    }
    get contactOptions() {
        return withSelected(this.context ? addableContacts(this.context) : [], this.draftContactId);
    }
    get canAdd() {
        return this.contactOptions.length > 0;
    }
    get addDisabled() {
        return this.editingKey !== null || this.busyKey !== null;
    }
    get draftRoleOptions() {
        return withSelected(this.context ? roleOptions(this.context, this.draft?.role) : [], this.draftRole);
    }
    get draftContactId() {
        return this.draft?.contactId ?? '';
    }
    get draftRole() {
        return this.draft?.role ?? '';
    }
    get draftPrimary() {
        return this.draft?.isPrimary ?? false;
    }
    get draftHint() {
        const context = this.context;
        const contact = context?.accountContacts.find((c) => c.contactId === this.draft?.contactId);
        if (!contact?.persona || !contact.suggestedRole) {
            return '';
        }
        return formatLabel(DEAL_LABELS.suggestedRole, contact.persona, contact.suggestedRole);
    }
    get addError() {
        return this.rowErrors[NEW_ROW] ?? null;
    }
    get saveDisabled() {
        return this.busyKey !== null || !this.draft || (this.draft.contactRoleId === null && !this.draft.contactId);
    }
    get none() {
        return LABELS.none;
    }
    startAdd() {
        this.editingKey = NEW_ROW;
        this.draft = { contactRoleId: null, contactId: null, role: '', isPrimary: !this.hasRows };
        this.clearError(NEW_ROW);
    }
    handleAdd() {
        this.startAdd();
    }
    handleEdit(event) {
        const id = event.currentTarget.dataset.id ?? '';
        const row = this.context?.contactRoles.find((r) => r.id === id);
        if (!row) {
            return;
        }
        this.editingKey = id;
        this.draft = { contactRoleId: id, contactId: row.contactId, role: row.role ?? '', isPrimary: row.isPrimary };
        this.clearError(id);
    }
    handleCancel() {
        this.editingKey = null;
        this.draft = null;
    }
    handleContactChange(event) {
        if (!this.draft || !this.context) {
            return;
        }
        const contactId = changedValue(event);
        this.draft = { ...this.draft, contactId, role: this.draft.role || suggestedRole(this.context, contactId) };
    }
    handleRoleChange(event) {
        if (this.draft) {
            this.draft = { ...this.draft, role: changedValue(event) };
        }
    }
    handlePrimaryChange(event) {
        if (this.draft) {
            this.draft = { ...this.draft, isPrimary: event.target.checked };
        }
    }
    async handleSave() {
        const draft = this.draft;
        if (!draft || !this.recordId) {
            return;
        }
        const key = draft.contactRoleId ?? NEW_ROW;
        this.busyKey = key;
        this.clearError(key);
        try {
            const saved = await saveContactRole({
                opportunityId: this.recordId,
                contactRoleId: draft.contactRoleId,
                contactId: draft.contactRoleId ? null : draft.contactId,
                role: draft.role || null,
                isPrimary: draft.isPrimary
            });
            this.editingKey = null;
            this.draft = null;
            this.toast(formatLabel(DEAL_LABELS.roleSaved, saved.contactName ?? ''));
            await this.changed();
        }
        catch (error) {
            this.rowErrors = { ...this.rowErrors, [key]: rowMessage(error) };
        }
        finally {
            this.busyKey = null;
        }
    }
    async handleRemove(event) {
        const id = event.currentTarget.dataset.id ?? '';
        const row = this.context?.contactRoles.find((r) => r.id === id);
        if (!row) {
            return;
        }
        this.busyKey = id;
        this.clearError(id);
        try {
            await removeContactRole({ contactRoleId: id });
            this.toast(formatLabel(DEAL_LABELS.roleRemoved, row.contactName ?? ''));
            await this.changed();
        }
        catch (error) {
            this.rowErrors = { ...this.rowErrors, [id]: rowMessage(error) };
        }
        finally {
            this.busyKey = null;
        }
    }
    /** Reads the group again and tells the page (the attribution card, related lists) that contact roles changed. */
    async changed() {
        if (this.contextResult) {
            await refreshApex(this.contextResult);
        }
        this.dispatchEvent(new CustomEvent('change'));
        this.dispatchEvent(new RefreshEvent());
    }
    clearError(key) {
        if (key in this.rowErrors) {
            const next = { ...this.rowErrors };
            delete next[key];
            this.rowErrors = next;
        }
    }
    toast(message) {
        this.dispatchEvent(new ShowToastEvent({ title: message, message: '', variant: 'success' }));
    }
}
