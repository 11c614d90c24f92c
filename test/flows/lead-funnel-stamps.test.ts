import { describe, expect, it } from 'vitest';
import { convertLead } from '../../src/flow-sim/index.js';
import { BYPASS, CUSTOM_METADATA, newDb } from './helpers.js';

const LEAD = { LastName: 'Lovelace', Company: 'Analytical Engines', LeadSource: 'Webinar' };

describe('Lead_Funnel_Stamps', () => {
    it('stamps the MQL date when a lead is created in an MQL status, and nothing for Open', () => {
        const db = newDb({ today: '2026-03-02' });
        const [working, open] = db.insert('Lead', [
            { ...LEAD, Status: 'Working' },
            { ...LEAD, Status: 'Open' }
        ]);
        expect(db.get('Lead', working ?? '')).toMatchObject({ MQL_Date__c: '2026-03-02', SQL_Date__c: null });
        expect(db.get('Lead', open ?? '')).toMatchObject({ MQL_Date__c: null, SQL_Date__c: null });
    });

    it('stamps MQL the first time only: leaving and re-entering an MQL status keeps the first date', () => {
        const db = newDb({ today: '2026-05-20' });
        const [id = ''] = db.seed('Lead', [{ ...LEAD, Status: 'Nurturing', MQL_Date__c: '2026-01-05' }]);
        db.update('Lead', [{ Id: id, Status: 'Working' }]);
        db.update('Lead', [{ Id: id, Status: 'Open' }]);
        db.update('Lead', [{ Id: id, Status: 'Working' }]);
        expect(db.get('Lead', id).MQL_Date__c).toBe('2026-01-05');
    });

    it('matches whole status values only (a status containing an MQL status as text is not one)', () => {
        const db = newDb();
        const [id = ''] = db.insert('Lead', [{ ...LEAD, Status: 'Work' }]);
        db.update('Lead', [{ Id: id, Status: 'Not Working' }]);
        expect(db.get('Lead', id).MQL_Date__c).toBeNull();
    });

    it('stamps SQL (and MQL, Converted being an MQL status) once when the lead converts', () => {
        const db = newDb({ today: '2026-07-01' });
        const [id = ''] = db.seed('Lead', [{ ...LEAD, Status: 'Open' }]);
        convertLead(db, { leadId: id, convertedStatus: 'Converted' }, '2026-07-01');
        expect(db.get('Lead', id)).toMatchObject({
            IsConverted: true,
            MQL_Date__c: '2026-07-01',
            SQL_Date__c: '2026-07-01'
        });
    });

    it('does not restamp an SQL date that is already set when the lead converts', () => {
        const db = newDb({ today: '2026-07-01' });
        const [id = ''] = db.seed('Lead', [
            { ...LEAD, Status: 'Working', MQL_Date__c: '2026-02-01', SQL_Date__c: '2026-03-01' }
        ]);
        convertLead(db, { leadId: id, convertedStatus: 'Converted' });
        expect(db.get('Lead', id)).toMatchObject({ MQL_Date__c: '2026-02-01', SQL_Date__c: '2026-03-01' });
    });

    it('skips stamping for holders of the bypass permission (data loads bring their own dates)', () => {
        const db = newDb({ permissions: [BYPASS] });
        const [id = ''] = db.insert('Lead', [{ ...LEAD, Status: 'Working' }]);
        expect(db.get('Lead', id).MQL_Date__c).toBeNull();
    });

    it('stamps a 200-lead insert with no SOQL (custom metadata reads are free) and one DML', () => {
        const db = newDb({ today: '2026-04-04' });
        const ids = db.insert(
            'Lead',
            Array.from({ length: 200 }, (_v, i) => ({ ...LEAD, Status: i % 2 ? 'Working' : 'Open' }))
        );
        expect(db.limits.soql).toBe(0);
        expect(db.limits.dml).toBe(1);
        const stamped = ids.map((id) => db.get('Lead', id).MQL_Date__c);
        expect(stamped.filter((d) => d === '2026-04-04')).toHaveLength(100);
        expect(stamped.filter((d) => d === null)).toHaveLength(100);
    });

    it('tolerates a space after each ; in the configured status lists', () => {
        const spaced = CUSTOM_METADATA.map((r) =>
            r.values.DeveloperName === 'Default'
                ? { ...r, values: { ...r.values, MQL_Lead_Statuses__c: 'Nurturing; Working' } }
                : r
        );
        const db = newDb({ customMetadata: spaced });
        const [id = ''] = db.insert('Lead', [{ ...LEAD, Status: 'Working' }]);
        expect(db.get('Lead', id).MQL_Date__c).toBe('2026-11-22');
    });
});
