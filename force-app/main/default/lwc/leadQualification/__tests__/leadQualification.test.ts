import {
    getRecordAdapter,
    updateRecordMock,
    loadJson,
    loadRecord,
    LEAD_ID,
    flush,
    mount,
    mountWith,
    toggles,
    toggle,
    text,
    childText,
    label,
    flip,
    captureToasts,
    cleanUp
} from './leadQualificationKit';

describe('c-lead-qualification', () => {
    afterEach(cleanUp);

    it('asks getRecord for the BANT fields and reads the rest as optional fields', async () => {
        mount();
        await flush();
        const config = getRecordAdapter.getLastConfig();
        expect(config.recordId).toBe(LEAD_ID);
        expect(config.fields).toEqual(
            [
                'BANT_Budget__c',
                'BANT_Authority__c',
                'BANT_Need__c',
                'BANT_Timeline__c',
                'IsConverted',
                'LeadSource'
            ].map((fieldApiName) => ({ objectApiName: 'Lead', fieldApiName }))
        );
        expect(config.optionalFields).toEqual(
            expect.arrayContaining([
                { objectApiName: 'Lead', fieldApiName: 'Meeting_Booked__c' },
                { objectApiName: 'Lead', fieldApiName: 'MQL_Date__c' },
                { objectApiName: 'Lead', fieldApiName: 'SQL_Date__c' },
                { objectApiName: 'Lead', fieldApiName: 'UTM_Source__c' }
            ])
        );
    });

    it('shows an accessible spinner until the lead arrives', () => {
        const element = mount();
        const spinner = element
            .shadowRoot!.querySelector('c-loading-state')!
            .shadowRoot!.querySelector('lightning-spinner') as HTMLElement & {
            alternativeText?: string;
        };
        expect(spinner.alternativeText).toBe('Loading qualification');
        expect(toggles(element)).toHaveLength(0);
    });

    it('renders the checklist, score and funnel fields of a working lead', async () => {
        const element = await mountWith('leadWorking');

        expect(toggles(element).map((input) => [label(input), input.checked, input.disabled])).toEqual([
            ['BANT Budget', true, false],
            ['BANT Authority', false, false],
            ['BANT Need', true, false],
            ['BANT Timeline', false, false]
        ]);
        expect(text(element, 'p.score')).toBe('Qualification score: 2 of 4 — Partly qualified');
        expect(text(element, 'dd.meeting')).toBe('');
        const meeting = element.shadowRoot!.querySelector('dd.meeting lightning-badge') as HTMLElement & {
            label?: string;
        };
        expect(meeting.label).toBe('Meeting booked');
        expect(text(element, 'dd.mql-date')).toBe('11/3/2026');
        expect(text(element, 'dd.sql-date')).toBe('—');
        expect(text(element, 'dd.persona')).toBe('Technical Evaluator');
        expect(text(element, 'dd.lead-source')).toBe('Paid Search');
        expect(childText(element, 'c-utm-list', 'dd[data-field="UTM_Campaign__c"]')).toBe('attribution-guardrails-q4');
        expect(childText(element, 'c-utm-list', 'dd[data-field="UTM_Content__c"]')).toBe('—');
        expect(element.shadowRoot!.querySelector('c-error-panel')).toBeNull();
    });

    it('shows empty states for a new lead', async () => {
        const element = await mountWith('leadNew');

        expect(text(element, 'p.score')).toBe('Qualification score: 0 of 4 — Not qualified yet');
        const meeting = element.shadowRoot!.querySelector('dd.meeting lightning-badge') as HTMLElement & {
            label?: string;
        };
        expect(meeting.label).toBe('No meeting booked');
        expect(text(element, 'dd.persona')).toBe('—');
        expect(childText(element, 'c-utm-list', 'p.utm-empty')).toBe('No UTM values were captured for this lead.');
    });

    it('labels every toggle and links its help text so a screen reader announces it', async () => {
        const element = await mountWith('leadWorking');

        const inputs = toggles(element);
        expect(inputs).toHaveLength(4);
        const labels = inputs.map(label);
        expect(labels).toEqual(['BANT Budget', 'BANT Authority', 'BANT Need', 'BANT Timeline']);
        const help = inputs.map((input) => {
            const id = input.getAttribute('aria-describedby');
            expect(id).toBeTruthy();
            const description = element.shadowRoot!.querySelector(`[id="${id}"]`);
            return description?.textContent?.trim();
        });
        expect(help).toEqual([
            'The buyer has budget set aside, or can get it, for this purchase.',
            'You are talking to the person who signs, or they are involved.',
            'The buyer has a problem our product solves.',
            'The buyer plans to decide within a known time frame.'
        ]);
        expect(text(element, 'fieldset.bant legend')).toBe('BANT checklist');
        expect(element.shadowRoot!.querySelector('p.score')!.getAttribute('aria-live')).toBe('polite');
    });

    it('saves a toggled criterion with updateRecord and confirms with a toast', async () => {
        const element = await mountWith('leadWorking');
        const toasts = captureToasts(element);

        flip(toggle(element, 'BANT_Authority__c'), true);
        await flush();

        expect(updateRecordMock).toHaveBeenCalledTimes(1);
        expect(updateRecordMock).toHaveBeenCalledWith({ fields: { Id: LEAD_ID, BANT_Authority__c: true } });
        expect(toasts).toEqual([
            { title: 'Qualification saved', message: 'BANT Authority is now met.', variant: 'success' }
        ]);
        expect(text(element, 'p.score')).toBe('Qualification score: 3 of 4 — Nearly qualified');
        expect(toggles(element).every((input) => !input.disabled)).toBe(true);
    });

    it('saves an unchecked criterion as false', async () => {
        const element = await mountWith('leadWorking');
        const toasts = captureToasts(element);

        flip(toggle(element, 'BANT_Budget__c'), false);
        await flush();

        expect(updateRecordMock).toHaveBeenCalledWith({ fields: { Id: LEAD_ID, BANT_Budget__c: false } });
        expect(toasts[0]!.message).toBe('BANT Budget is now not met.');
        expect(text(element, 'p.score')).toBe('Qualification score: 1 of 4 — Partly qualified');
    });

    it('keeps the pressed toggle enabled, focused and aria-busy while its save is in flight', async () => {
        const element = await mountWith('leadWorking');
        let resolveSave: (value: unknown) => void = () => undefined;
        updateRecordMock.mockReturnValueOnce(new Promise((resolve) => (resolveSave = resolve)));

        const timeline = toggle(element, 'BANT_Timeline__c');
        timeline.focus();
        flip(timeline, true);
        await flush();
        expect(toggles(element).map((input) => input.disabled)).toEqual([false, false, false, false]);
        expect(timeline.getAttribute('aria-busy')).toBe('true');
        expect(element.shadowRoot!.activeElement).toBe(timeline);
        expect(timeline.checked).toBe(true);
        expect(text(element, 'p.score')).toBe('Qualification score: 3 of 4 — Nearly qualified');

        resolveSave({});
        await flush();
        expect(timeline.getAttribute('aria-busy')).toBe('false');
        expect(element.shadowRoot!.activeElement).toBe(timeline);
        expect(timeline.checked).toBe(true);
    });

    it('ignores a second press of a toggle that is still saving and keeps its state', async () => {
        const element = await mountWith('leadWorking');
        let resolveSave: (value: unknown) => void = () => undefined;
        updateRecordMock.mockReturnValueOnce(new Promise((resolve) => (resolveSave = resolve)));

        const timeline = toggle(element, 'BANT_Timeline__c');
        timeline.click();
        await flush();
        timeline.click();
        await flush();
        expect(timeline.checked).toBe(true);
        // A change event that slips through (e.g. a synthetic one) is reverted as well.
        timeline.checked = false;
        timeline.dispatchEvent(new CustomEvent('change'));
        await flush();
        expect(timeline.checked).toBe(true);
        expect(updateRecordMock).toHaveBeenCalledTimes(1);

        resolveSave({});
        await flush();
        expect(timeline.getAttribute('aria-busy')).toBe('false');
    });

    it('saves another criterion while one is in flight and keeps both values when the record arrives', async () => {
        const element = await mountWith('leadWorking');
        let resolveFirst: (value: unknown) => void = () => undefined;
        updateRecordMock.mockReturnValueOnce(new Promise((resolve) => (resolveFirst = resolve)));
        let resolveSecond: (value: unknown) => void = () => undefined;
        updateRecordMock.mockReturnValueOnce(new Promise((resolve) => (resolveSecond = resolve)));

        flip(toggle(element, 'BANT_Timeline__c'), true);
        flip(toggle(element, 'BANT_Authority__c'), true);
        await flush();
        expect(updateRecordMock).toHaveBeenCalledTimes(2);

        resolveFirst({});
        const saved = loadRecord('leadWorking');
        saved.fields.BANT_Timeline__c!.value = true;
        getRecordAdapter.emit(saved);
        await flush();
        expect(toggle(element, 'BANT_Authority__c').getAttribute('aria-busy')).toBe('true');
        expect(text(element, 'p.score')).toBe('Qualification score: 4 of 4 — Fully qualified');

        resolveSecond({});
        await flush();
        expect(toggles(element).map((input) => input.getAttribute('aria-busy'))).toEqual([
            'false',
            'false',
            'false',
            'false'
        ]);
    });

    it('shows the validation rule message when the save is rejected and reverts the toggle', async () => {
        const element = await mountWith('leadWorking');
        const toasts = captureToasts(element);
        updateRecordMock.mockRejectedValueOnce(loadJson('updateValidationError'));

        const authority = toggle(element, 'BANT_Authority__c');
        flip(authority, true);
        await flush();

        const alert = element.shadowRoot!.querySelector('c-error-panel.save-error')!.shadowRoot!.querySelector('div')!;
        expect(alert.getAttribute('role')).toBe('alert');
        expect(alert.textContent!.replace(/\s+/g, ' ').trim()).toBe(
            'BANT Authority was not saved: Confirm Authority only after you have spoken with the person who signs.'
        );
        expect(toasts).toEqual([
            {
                title: 'BANT Authority was not saved',
                message: 'Confirm Authority only after you have spoken with the person who signs.',
                variant: 'error'
            }
        ]);
        expect(authority.checked).toBe(false);
        expect(text(element, 'p.score')).toBe('Qualification score: 2 of 4 — Partly qualified');
    });

    it('clears the save error on the next successful save', async () => {
        const element = await mountWith('leadWorking');
        updateRecordMock.mockRejectedValueOnce(new Error('Network unreachable'));

        flip(toggle(element, 'BANT_Need__c'), false);
        await flush();
        expect(childText(element, 'c-error-panel.save-error', '[role="alert"]')).toBe(
            'BANT Need was not saved: Network unreachable'
        );

        flip(toggle(element, 'BANT_Need__c'), false);
        await flush();
        expect(element.shadowRoot!.querySelector('c-error-panel.save-error')).toBeNull();
        expect(updateRecordMock).toHaveBeenCalledTimes(2);
    });

    it('shows the saved record once Lightning Data Service delivers it', async () => {
        const element = await mountWith('leadWorking');
        flip(toggle(element, 'BANT_Timeline__c'), true);
        await flush();

        const saved = loadRecord('leadWorking');
        saved.fields.BANT_Timeline__c!.value = true;
        saved.fields.BANT_Authority__c!.value = true;
        getRecordAdapter.emit(saved);
        await flush();

        expect(text(element, 'p.score')).toBe('Qualification score: 4 of 4 — Fully qualified');
        expect(toggles(element).map((input) => input.checked)).toEqual([true, true, true, true]);
    });

    it('makes a converted lead read-only', async () => {
        const element = await mountWith('leadConverted');

        expect(toggles(element).every((input) => input.disabled)).toBe(true);
        expect(text(element, 'p.converted-note')).toBe('This lead is converted: its qualification is read-only.');
        expect(text(element, 'p.score')).toBe('Qualification score: 4 of 4 — Fully qualified');
        expect(text(element, 'dd.sql-date')).toBe('10/20/2026');

        flip(toggle(element, 'BANT_Need__c'), false);
        await flush();
        expect(updateRecordMock).not.toHaveBeenCalled();
    });

    it('shows the error when the lead cannot be read', async () => {
        const element = mount();
        getRecordAdapter.error({ message: 'You do not have access to the Lead object' }, 403, 'Forbidden');
        await flush();

        expect(childText(element, 'c-error-panel.load-error', '[role="alert"]')).toBe(
            'Qualification could not be loaded: You do not have access to the Lead object'
        );
        expect(toggles(element)).toHaveLength(0);
        expect(element.shadowRoot!.querySelector('c-loading-state')).toBeNull();
    });
});
