import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { RefreshEvent } from 'lightning/refresh';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getDealContext from '@salesforce/apex/AttributionDealController.getDealContext';
import type {
    ContactOption,
    ContactRoleRow,
    DealContext,
    GetDealContextResult
} from '@salesforce/apex/AttributionDealController.getDealContext';
import saveContactRole from '@salesforce/apex/AttributionDealController.saveContactRole';
import removeContactRole from '@salesforce/apex/AttributionDealController.removeContactRole';
import { LABELS, formatLabel } from 'c/attributionLabels';
import { DEAL_LABELS } from 'c/dealLabels';
import { displayText, reduceErrors } from 'c/attributionUtils';

/** Key of the add row in `rowErrors`. */
export const NEW_ROW = 'new';

export interface ComboboxOption {
    label: string;
    value: string;
}

/** An option of a native select, with whether it is the current value. */
export interface SelectOption extends ComboboxOption {
    selected: boolean;
}

export function withSelected(options: readonly ComboboxOption[], value: string): SelectOption[] {
    return options.map((option) => ({ ...option, selected: option.value === value }));
}

/** The value of the select (or combobox) a change event came from. */
export function changedValue(event: Event): string {
    const detail = (event as CustomEvent<{ value?: string } | null>).detail;
    return detail?.value ?? (event.target as HTMLSelectElement | null)?.value ?? '';
}

export interface Draft {
    contactRoleId: string | null;
    contactId: string | null;
    role: string;
    isPrimary: boolean;
}

interface RowView {
    key: string;
    id: string;
    contactName: string;
    role: string;
    persona: string;
    isPrimary: boolean;
    editing: boolean;
    busy: boolean;
    error: string | null;
    editLabel: string;
    removeLabel: string;
}

/** Contacts of the account that have no role yet, as combobox options (name, title). */
export function addableContacts(context: DealContext): ComboboxOption[] {
    const taken = new Set(context.contactRoles.map((row) => row.contactId));
    return context.accountContacts
        .filter((contact) => !taken.has(contact.contactId))
        .map((contact) => ({
            label: contact.title ? `${contact.name ?? contact.contactId}, ${contact.title}` : (contact.name ?? ''),
            value: contact.contactId
        }));
}

/** The Role options: none first, then the org's values; a current value the org retired stays selectable. */
export function roleOptions(context: DealContext, current?: string | null): ComboboxOption[] {
    const values = [...context.roleOptions];
    if (current && !values.includes(current)) {
        values.push(current);
    }
    return [{ label: DEAL_LABELS.noRole, value: '' }, ...values.map((value) => ({ label: value, value }))];
}

/** The role the contact's Persona maps to (Persona_Role_Mapping__mdt), when the org offers it. */
export function suggestedRole(context: DealContext, contactId: string | null): string {
    const contact: ContactOption | undefined = context.accountContacts.find((c) => c.contactId === contactId);
    const role = contact?.suggestedRole ?? '';
    return context.roleOptions.includes(role) ? role : '';
}

/** The message of a failed save or removal, for the row it concerns. */
export function rowMessage(error: unknown): string {
    return formatLabel(DEAL_LABELS.rowError, reduceErrors(error).join(' '));
}

export default class BuyingGroupManager extends LightningElement {
    @api recordId?: string;
    /** Opens the add row on load (the attribution card's "Add contact role" fix). */
    @api openAdd = false;

    readonly labels = DEAL_LABELS;

    contextResult?: GetDealContextResult;
    /** The row being edited, or NEW_ROW, or null. */
    editingKey: string | null = null;
    draft: Draft | null = null;
    busyKey: string | null = null;
    rowErrors: Record<string, string> = {};

    @wire(getDealContext, { opportunityId: '$recordId' })
    wiredContext(result: GetDealContextResult): void {
        this.contextResult = result;
        if (result.data && this.openAdd && this.editingKey === null && !this.opened) {
            this.opened = true;
            this.startAdd();
        }
    }

    private opened = false;

    get context(): DealContext | null {
        return this.contextResult?.data ?? null;
    }

    get isLoading(): boolean {
        return !this.contextResult?.data && !this.contextResult?.error;
    }

    get loadError(): unknown {
        return this.contextResult?.error ?? null;
    }

    get loadErrorSummary(): string {
        return DEAL_LABELS.groupLoadError;
    }

    get rows(): RowView[] {
        const context = this.context;
        if (!context) {
            return [];
        }
        return context.contactRoles.map((row: ContactRoleRow) => {
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

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get adding(): boolean {
        return this.editingKey === NEW_ROW;
    }

    get contactOptions(): SelectOption[] {
        return withSelected(this.context ? addableContacts(this.context) : [], this.draftContactId);
    }

    get canAdd(): boolean {
        return this.contactOptions.length > 0;
    }

    get addDisabled(): boolean {
        return this.editingKey !== null || this.busyKey !== null;
    }

    get draftRoleOptions(): SelectOption[] {
        return withSelected(this.context ? roleOptions(this.context, this.draft?.role) : [], this.draftRole);
    }

    get draftContactId(): string {
        return this.draft?.contactId ?? '';
    }

    get draftRole(): string {
        return this.draft?.role ?? '';
    }

    get draftPrimary(): boolean {
        return this.draft?.isPrimary ?? false;
    }

    get draftHint(): string {
        const context = this.context;
        const contact = context?.accountContacts.find((c) => c.contactId === this.draft?.contactId);
        if (!contact?.persona || !contact.suggestedRole) {
            return '';
        }
        return formatLabel(DEAL_LABELS.suggestedRole, contact.persona, contact.suggestedRole);
    }

    get addError(): string | null {
        return this.rowErrors[NEW_ROW] ?? null;
    }

    get saveDisabled(): boolean {
        return this.busyKey !== null || !this.draft || (this.draft.contactRoleId === null && !this.draft.contactId);
    }

    get none(): string {
        return LABELS.none;
    }

    startAdd(): void {
        this.editingKey = NEW_ROW;
        this.draft = { contactRoleId: null, contactId: null, role: '', isPrimary: !this.hasRows };
        this.clearError(NEW_ROW);
    }

    handleAdd(): void {
        this.startAdd();
    }

    handleEdit(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
        const row = this.context?.contactRoles.find((r) => r.id === id);
        if (!row) {
            return;
        }
        this.editingKey = id;
        this.draft = { contactRoleId: id, contactId: row.contactId, role: row.role ?? '', isPrimary: row.isPrimary };
        this.clearError(id);
    }

    handleCancel(): void {
        this.editingKey = null;
        this.draft = null;
    }

    handleContactChange(event: Event): void {
        if (!this.draft || !this.context) {
            return;
        }
        const contactId = changedValue(event);
        this.draft = { ...this.draft, contactId, role: this.draft.role || suggestedRole(this.context, contactId) };
    }

    handleRoleChange(event: Event): void {
        if (this.draft) {
            this.draft = { ...this.draft, role: changedValue(event) };
        }
    }

    handlePrimaryChange(event: Event): void {
        if (this.draft) {
            this.draft = { ...this.draft, isPrimary: (event.target as HTMLInputElement).checked };
        }
    }

    async handleSave(): Promise<void> {
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
        } catch (error) {
            this.rowErrors = { ...this.rowErrors, [key]: rowMessage(error) };
        } finally {
            this.busyKey = null;
        }
    }

    async handleRemove(event: Event): Promise<void> {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
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
        } catch (error) {
            this.rowErrors = { ...this.rowErrors, [id]: rowMessage(error) };
        } finally {
            this.busyKey = null;
        }
    }

    /** Reads the group again and tells the page (the attribution card, related lists) that contact roles changed. */
    private async changed(): Promise<void> {
        if (this.contextResult) {
            await refreshApex(this.contextResult);
        }
        this.dispatchEvent(new CustomEvent('change'));
        this.dispatchEvent(new RefreshEvent());
    }

    private clearError(key: string): void {
        if (key in this.rowErrors) {
            const next = { ...this.rowErrors };
            delete next[key];
            this.rowErrors = next;
        }
    }

    private toast(message: string): void {
        this.dispatchEvent(new ShowToastEvent({ title: message, message: '', variant: 'success' }));
    }
}
