import {
    getRecordAdapter,
    getObjectInfoAdapter,
    updateRecordMock,
    loadJson,
    loadRecord,
    flush,
    mount,
    mountWith,
    toggles,
    toggle,
    text,
    label,
    flip,
    captureToasts,
    cleanUp
} from './leadQualificationKit';

describe('c-lead-qualification accessibility', () => {
    afterEach(cleanUp);

    it.each(['leadWorking', 'leadNew', 'leadConverted'])('is accessible with the %s lead', async (lead) => {
        const element = await mountWith(lead);
        await expect(element).toBeAccessible();
    });

    it('is accessible while loading, on a load error and after a rejected save', async () => {
        const loading = mount();
        await expect(loading).toBeAccessible();
        getRecordAdapter.error({ message: 'You do not have access to the Lead object' }, 403, 'Forbidden');
        await flush();
        await expect(loading).toBeAccessible();
        document.body.removeChild(loading);

        const element = await mountWith('leadWorking');
        updateRecordMock.mockRejectedValueOnce(loadJson('updateValidationError'));
        flip(toggle(element, 'BANT_Authority__c'), true);
        await flush();
        expect(element.shadowRoot!.querySelector('c-error-panel.save-error')).not.toBeNull();
        await expect(element).toBeAccessible();
    });
});

describe('c-lead-qualification field labels and field-level security', () => {
    afterEach(cleanUp);

    it('uses the field labels the admin set (getObjectInfo), in the switches, rows and toast', async () => {
        const objectInfo = JSON.parse(JSON.stringify(loadJson('leadObjectInfo'))) as {
            fields: Record<string, { label: string }>;
        };
        objectInfo.fields.BANT_Authority__c!.label = 'Decision Maker';
        objectInfo.fields.MQL_Date__c!.label = 'Marketing Qualified On';
        objectInfo.fields.UTM_Campaign__c!.label = 'Campaign Tag';
        const element = await mountWith('leadWorking', objectInfo);
        const toasts = captureToasts(element);

        expect(label(toggle(element, 'BANT_Authority__c'))).toBe('Decision Maker');
        const dts = Array.from(element.shadowRoot!.querySelectorAll('dl.funnel dt')) as HTMLElement[];
        expect(dts.map((dt) => [dt.textContent!.trim(), dt.title])).toEqual([
            ['Meeting Booked', 'Meeting Booked'],
            ['Marketing Qualified On', 'Marketing Qualified On'],
            ['SQL Date', 'SQL Date'],
            ['Persona', 'Persona'],
            ['Lead Source', 'Lead Source']
        ]);
        const utm = element.shadowRoot!.querySelector('c-utm-list')!.shadowRoot!;
        const campaignLabel = utm.querySelector('dd[data-field="UTM_Campaign__c"]')!
            .previousElementSibling as HTMLElement;
        expect([campaignLabel.textContent, campaignLabel.title]).toEqual(['Campaign Tag', 'Campaign Tag']);

        flip(toggle(element, 'BANT_Authority__c'), true);
        await flush();
        expect(toasts[0]!.message).toBe('Decision Maker is now met.');
    });

    it('keeps the spinner until the field labels arrive, and falls back to API names if they fail', async () => {
        const element = mount();
        getRecordAdapter.emit(loadJson('leadWorking'));
        await flush();
        expect(element.shadowRoot!.querySelector('c-loading-state')).not.toBeNull();
        expect(toggles(element)).toHaveLength(0);

        getObjectInfoAdapter.error({ message: 'Object info unavailable' }, 500, 'Server Error');
        await flush();
        expect(element.shadowRoot!.querySelector('c-loading-state')).toBeNull();
        expect(label(toggle(element, 'BANT_Budget__c'))).toBe('BANT_Budget__c');
    });

    it('leaves out the rows of fields the rep cannot read and stays accessible', async () => {
        const lead = loadRecord('leadWorking');
        delete lead.fields.Persona__c;
        delete lead.fields.Meeting_Booked__c;
        delete lead.fields.UTM_Campaign__c;
        const element = await mountWith(lead);

        expect(element.shadowRoot!.querySelector('dd.persona')).toBeNull();
        expect(element.shadowRoot!.querySelector('dd.meeting')).toBeNull();
        expect(text(element, 'dd.mql-date')).toBe('11/3/2026');
        const utm = element.shadowRoot!.querySelector('c-utm-list')!.shadowRoot!;
        expect(Array.from(utm.querySelectorAll('dd')).map((dd) => dd.dataset.field)).toEqual([
            'UTM_Source__c',
            'UTM_Medium__c',
            'UTM_Term__c',
            'UTM_Content__c'
        ]);
        await expect(element).toBeAccessible();
    });
});
