import {
    EMPTY_TEXT,
    attributionWarnings,
    bantScore,
    displayText,
    isAtOrAfterStage,
    isCampaignExemptStage,
    isExemptLeadSource,
    parseList,
    qualificationLabel,
    reduceErrors,
    summarizeContactRoles,
    utmRows
} from 'c/attributionUtils';
import type { AttributionRules, ContactRoleRow } from 'c/attributionUtils';

const RULES: AttributionRules = {
    exemptLeadSources: ['Outbound'],
    campaignExemptStages: ['Closed Lost'],
    stageOrder: ['Qualification', 'Proposal/Quote', 'Negotiation', 'Closed Won'],
    contactRoleRequiredStage: 'Proposal/Quote'
};

const PRIMARY_WITH_ROLE: ContactRoleRow = {
    id: '00K000000000001AAA',
    contactName: 'Ada Lovelace',
    role: 'Decision Maker',
    isPrimary: true
};
const SECONDARY_NO_ROLE: ContactRoleRow = {
    id: '00K000000000002AAA',
    contactName: 'Grace Hopper',
    role: null,
    isPrimary: false
};

describe('parseList', () => {
    it('splits on semicolons, trims and drops blanks', () => {
        expect(parseList(' Qualification ;Proposal/Quote;; Closed Won ;')).toEqual([
            'Qualification',
            'Proposal/Quote',
            'Closed Won'
        ]);
    });

    it('returns an empty list for null, undefined and empty text', () => {
        expect(parseList(null)).toEqual([]);
        expect(parseList(undefined)).toEqual([]);
        expect(parseList('')).toEqual([]);
    });
});

describe('displayText', () => {
    it('shows a dash for missing or blank values and the text otherwise', () => {
        expect(displayText(null)).toBe(EMPTY_TEXT);
        expect(displayText(undefined)).toBe(EMPTY_TEXT);
        expect(displayText('   ')).toBe(EMPTY_TEXT);
        expect(displayText(' google ')).toBe('google');
        expect(displayText(0)).toBe('0');
    });
});

describe('isExemptLeadSource', () => {
    it('matches a listed source exactly after trimming', () => {
        expect(isExemptLeadSource(' Outbound ', ['Outbound'])).toBe(true);
        expect(isExemptLeadSource('outbound', ['Outbound'])).toBe(false);
        expect(isExemptLeadSource('Web', ['Outbound'])).toBe(false);
    });

    it('never exempts a missing Lead Source', () => {
        expect(isExemptLeadSource(null, ['Outbound'])).toBe(false);
        expect(isExemptLeadSource('', [''])).toBe(false);
    });
});

describe('isAtOrAfterStage', () => {
    it('is true from the required stage on and false before it', () => {
        expect(isAtOrAfterStage('Qualification', 'Proposal/Quote', RULES.stageOrder)).toBe(false);
        expect(isAtOrAfterStage('Proposal/Quote', 'Proposal/Quote', RULES.stageOrder)).toBe(true);
        expect(isAtOrAfterStage('Closed Won', 'Proposal/Quote', RULES.stageOrder)).toBe(true);
    });

    it('never gates stages outside the path or an unknown required stage', () => {
        expect(isAtOrAfterStage('Closed Lost', 'Proposal/Quote', RULES.stageOrder)).toBe(false);
        expect(isAtOrAfterStage('Negotiation', 'Nonexistent', RULES.stageOrder)).toBe(false);
        expect(isAtOrAfterStage(null, 'Proposal/Quote', RULES.stageOrder)).toBe(false);
    });
});

describe('summarizeContactRoles', () => {
    it('counts roles, finds the primary contact and the roles left blank', () => {
        const summary = summarizeContactRoles([
            PRIMARY_WITH_ROLE,
            SECONDARY_NO_ROLE,
            { ...SECONDARY_NO_ROLE, id: '00K000000000003AAA', role: 'Decision Maker' },
            { ...SECONDARY_NO_ROLE, id: '00K000000000004AAA', role: 'Influencer' }
        ]);
        expect(summary).toEqual({
            count: 4,
            primaryContactName: 'Ada Lovelace',
            roles: ['Decision Maker', 'Influencer'],
            missingRoleCount: 1
        });
    });

    it('names a primary contact whose name the rep cannot read', () => {
        expect(summarizeContactRoles([{ ...PRIMARY_WITH_ROLE, contactName: null }]).primaryContactName).toBe(
            'Primary contact (name not visible)'
        );
    });

    it('has no primary contact when no row is primary', () => {
        expect(summarizeContactRoles([SECONDARY_NO_ROLE]).primaryContactName).toBeNull();
    });
});

describe('attributionWarnings', () => {
    const complete = {
        campaignId: '701000000000001AAA',
        leadSource: 'Web',
        stage: 'Negotiation',
        contactRoles: [PRIMARY_WITH_ROLE]
    };

    it('has no warning when attribution is complete', () => {
        expect(attributionWarnings(complete, RULES)).toEqual([]);
    });

    it('flags a missing Primary Campaign Source as an error naming the Lead Source', () => {
        const warnings = attributionWarnings({ ...complete, campaignId: null }, RULES);
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatchObject({ code: 'NO_PRIMARY_CAMPAIGN', severity: 'error' });
        expect(warnings[0]!.message).toContain('Lead Source "Web" is not exempt');
    });

    it('says so when the Lead Source is missing too', () => {
        const warnings = attributionWarnings({ ...complete, campaignId: null, leadSource: null }, RULES);
        expect(warnings[0]!.message).toContain('no Lead Source is set');
    });

    it('does not flag a missing campaign for an exempt Lead Source', () => {
        expect(attributionWarnings({ ...complete, campaignId: null, leadSource: 'Outbound' }, RULES)).toEqual([]);
    });

    it('does not flag a missing campaign at an exempt stage, as the validation rule', () => {
        const codes = (stage: string | null, campaignExemptStages: string[]) =>
            attributionWarnings({ ...complete, campaignId: null, stage }, { ...RULES, campaignExemptStages }).map(
                (w) => w.code
            );
        expect(codes('Closed Lost', ['Closed Lost'])).toEqual([]);
        expect(codes('Closed Lost', [])).toEqual(['NO_PRIMARY_CAMPAIGN']);
        expect(codes('Negotiation', ['Closed Lost', 'Negotiation'])).toEqual([]);
        expect(codes(null, ['Closed Lost'])).toEqual(['NO_PRIMARY_CAMPAIGN']);
        expect(isCampaignExemptStage(' Closed Lost ', ['Closed Lost'])).toBe(true);
        expect(isCampaignExemptStage('Closed', ['Closed Lost'])).toBe(false);
        expect(isCampaignExemptStage('', [''])).toBe(false);
    });

    it('uses the exempt list it is given', () => {
        const rules = { ...RULES, exemptLeadSources: ['Partner Referral'] };
        const codes = (leadSource: string) =>
            attributionWarnings({ ...complete, campaignId: null, leadSource }, rules).map((w) => w.code);
        expect(codes('Partner Referral')).toEqual([]);
        expect(codes('Outbound')).toEqual(['NO_PRIMARY_CAMPAIGN']);
    });

    it('makes a missing contact role an error from the required stage on, a warning before it', () => {
        const before = attributionWarnings({ ...complete, stage: 'Qualification', contactRoles: [] }, RULES);
        expect(before).toEqual([expect.objectContaining({ code: 'NO_CONTACT_ROLE', severity: 'warning' })]);
        const after = attributionWarnings({ ...complete, stage: 'Proposal/Quote', contactRoles: [] }, RULES);
        expect(after).toEqual([expect.objectContaining({ code: 'NO_CONTACT_ROLE', severity: 'error' })]);
        expect(after[0]!.message).toContain('Proposal/Quote');
        const closedLost = attributionWarnings({ ...complete, stage: 'Closed Lost', contactRoles: [] }, RULES);
        expect(closedLost[0]!.severity).toBe('warning');
    });

    it('flags no primary contact role and contact roles without a Role', () => {
        const warnings = attributionWarnings(
            { ...complete, contactRoles: [SECONDARY_NO_ROLE, { ...SECONDARY_NO_ROLE, id: '00K000000000009AAA' }] },
            RULES
        );
        expect(warnings.map((w) => w.code)).toEqual(['NO_PRIMARY_CONTACT_ROLE', 'CONTACT_ROLE_WITHOUT_ROLE']);
        expect(warnings[1]!.message).toMatch(/^2 contact roles have no Role/);
    });

    it('skips contact role checks while contact roles are unknown', () => {
        expect(attributionWarnings({ ...complete, contactRoles: null }, RULES)).toEqual([]);
    });

    it('lists errors before warnings', () => {
        const warnings = attributionWarnings(
            { ...complete, campaignId: null, contactRoles: [SECONDARY_NO_ROLE] },
            RULES
        );
        expect(warnings.map((w) => w.severity)).toEqual(['error', 'warning', 'warning']);
    });
});

describe('bantScore and qualificationLabel', () => {
    it('counts only criteria that are exactly true', () => {
        expect(bantScore({})).toBe(0);
        expect(bantScore({ BANT_Budget__c: true, BANT_Need__c: 'true', BANT_Timeline__c: true })).toBe(2);
        expect(
            bantScore({ BANT_Budget__c: true, BANT_Authority__c: true, BANT_Need__c: true, BANT_Timeline__c: true })
        ).toBe(4);
    });

    it('labels each score band', () => {
        expect([0, 1, 2, 3, 4].map(qualificationLabel)).toEqual([
            'Not qualified yet',
            'Partly qualified',
            'Partly qualified',
            'Nearly qualified',
            'Fully qualified'
        ]);
    });
});

describe('utmRows', () => {
    it('returns the five UTM fields in order and marks empty ones', () => {
        const rows = utmRows(
            {
                UTM_Source__c: 'google',
                UTM_Medium__c: null,
                UTM_Campaign__c: 'spring-launch',
                UTM_Term__c: '  ',
                UTM_Content__c: undefined
            },
            { UTM_Source__c: 'Traffic Source', UTM_Campaign__c: 'UTM Campaign' }
        );
        expect(rows.map((row) => [row.label, row.value, row.isEmpty])).toEqual([
            ['Traffic Source', 'google', false],
            ['UTM_Medium__c', EMPTY_TEXT, true],
            ['UTM Campaign', 'spring-launch', false],
            ['UTM_Term__c', EMPTY_TEXT, true],
            ['UTM_Content__c', EMPTY_TEXT, true]
        ]);
    });

    it('gives no row to a field the rep cannot read (absent from the record)', () => {
        const rows = utmRows({ UTM_Source__c: 'google', UTM_Campaign__c: 'spring-launch' });
        expect(rows.map((row) => row.field)).toEqual(['UTM_Source__c', 'UTM_Campaign__c']);
    });
});

describe('reduceErrors', () => {
    it('reads validation rule messages from a UI API field error', () => {
        const error = {
            body: {
                message: 'An error occurred while trying to update the record. Please try again.',
                output: {
                    errors: [],
                    fieldErrors: {
                        BANT_Budget__c: [
                            {
                                errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                                field: 'BANT_Budget__c',
                                message: 'Confirm Budget only after a meeting is booked.'
                            }
                        ]
                    }
                },
                statusCode: 400
            },
            ok: false,
            status: 400,
            statusText: 'Bad Request'
        };
        expect(reduceErrors(error)).toEqual(['Confirm Budget only after a meeting is booked.']);
    });

    it('reads record-level errors, Apex page errors and body messages', () => {
        expect(reduceErrors({ body: { output: { errors: [{ message: 'Record is locked.' }] } } })).toEqual([
            'Record is locked.'
        ]);
        expect(reduceErrors({ body: { pageErrors: [{ message: 'Page error' }] } })).toEqual(['Page error']);
        expect(reduceErrors({ body: { message: 'You do not have access to this record.' } })).toEqual([
            'You do not have access to this record.'
        ]);
    });

    it('reads arrays, bodies that are arrays, Error objects and strings, without duplicates', () => {
        expect(
            reduceErrors([
                { body: [{ message: 'First' }, { message: 'First' }] },
                new Error('Second'),
                'Third',
                { statusText: 'Service Unavailable' }
            ])
        ).toEqual(['First', 'Second', 'Third', 'Service Unavailable']);
    });

    it('never returns an empty list', () => {
        expect(reduceErrors(undefined)).toEqual(['Unknown error']);
        expect(reduceErrors({})).toEqual(['Unknown error']);
        expect(reduceErrors(42)).toEqual(['Unknown error']);
    });
});
