/** The field-history part of the setup-script helper: the org's answers, the verdict, the kit's tracked fields, bad input. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyVerdict, parseEntityHistory, parseTrackedFields } from '../../src/install/field-history.js';
import { kitTrackedFields } from '../../src/install/kit-files.js';
import { REPO } from '../verify/helpers.js';

const query = (records: unknown[]): string =>
    JSON.stringify({ status: 0, result: { records, totalSize: records.length, done: true } });
const fields = (n: number, prefix = 'Org_'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}__c`);
const kit = { Lead: ['LeadSource', 'Persona__c'], Opportunity: ['CampaignId'] };

describe('kitTrackedFields', () => {
    it('reads the tracked fields from the field files of force-app and unpackaged/', () => {
        const tracked = kitTrackedFields(REPO);
        expect(Object.keys(tracked)).toEqual(['Contact', 'Lead', 'Opportunity']);
        expect(tracked.Lead).toEqual([
            'LeadSource',
            'Persona__c',
            'UTM_Campaign__c',
            'UTM_Content__c',
            'UTM_Medium__c',
            'UTM_Source__c',
            'UTM_Term__c'
        ]);
        expect(tracked.Contact).toHaveLength(7);
        expect(tracked.Opportunity).toHaveLength(8);
        expect(tracked.Opportunity).toContain('CampaignId');
    });
});

describe('parseEntityHistory / parseTrackedFields', () => {
    it('reads the Tooling API rows (attributes and extra keys ignored)', () => {
        const entity = query([
            { attributes: { type: 'EntityDefinition' }, QualifiedApiName: 'Lead', IsFieldHistoryTracked: false }
        ]);
        expect(parseEntityHistory(entity, 'Lead', 'e.json')).toBe(false);
        const rows = query([{ attributes: {}, QualifiedApiName: 'Rating' }, { QualifiedApiName: 'Industry' }]);
        expect(parseTrackedFields(rows, 'f.json')).toEqual(['Industry', 'Rating']);
    });

    it('rejects bad input, naming the file', () => {
        expect(() => parseEntityHistory('Error: no org', 'Lead', '/tmp/h/entity-Lead.json')).toThrow(
            /^\/tmp\/h\/entity-Lead\.json: not JSON/
        );
        expect(() =>
            parseEntityHistory(query([{ QualifiedApiName: 'Lead', IsFieldHistoryTracked: 'yes' }]), 'Lead', 'e.json')
        ).toThrow(/^e\.json: unexpected query result: result\.records\.0\.IsFieldHistoryTracked/);
        expect(() => parseEntityHistory(query([]), 'Lead', 'e.json')).toThrow(
            /^e\.json: no EntityDefinition row for Lead/
        );
        expect(() => parseTrackedFields('{"status":1,"message":"INVALID_FIELD"}', 'f.json')).toThrow(
            /^f\.json: unexpected query result: result/
        );
    });
});

describe('historyVerdict', () => {
    const on = (object: string, tracked: string[] = []) => ({ object, enabled: true, tracked });

    it('is done with room, counting the org fields apart from the kit ones already tracked', () => {
        const verdict = historyVerdict(
            kit,
            [on('Lead', [...fields(18), 'LeadSource', 'Persona__c']), on('Opportunity')],
            {
                existing: true,
                alias: 'prod'
            }
        );
        expect(verdict.state).toBe('done');
        expect(verdict.message.split('\n')).toEqual([
            expect.stringMatching(
                /^Lead: history on; the org tracks 18 field\(s\) of its own \(Org_1__c, .*\) \+ 2 of the kit \(2 already tracked\) = 20 of 20$/
            ),
            'Opportunity: history on; the org tracks 0 field(s) of its own + 1 of the kit (0 already tracked) = 1 of 20',
            'field history: room for the kit on every object'
        ]);
    });

    it('stops when history is off, with the Setup path; the scratch message names sf org open', () => {
        const org = [{ object: 'Lead', enabled: false, tracked: [] }, on('Opportunity')];
        const scratch = historyVerdict(kit, org, { existing: false, alias: 'kit' });
        expect(scratch.state).toBe('failed');
        expect(scratch.message).toContain('Lead: history OFF');
        expect(scratch.message).toContain(
            'STOP: Lead history is off, and deploying the kit\'s tracked Lead fields fails ("The entity: Lead does not have history tracking enabled"). In the scratch org (sf org open --target-org kit): Setup → Object Manager → Lead → Fields & Relationships → Set History Tracking → Enable Lead History, Save'
        );
        expect(historyVerdict(kit, org, { existing: true, alias: 'prod' }).message).toContain('In the org: Setup');
    });

    it('stops one field over the limit, naming the object, the counts and what to do; a higher limit passes', () => {
        const org = [on('Lead', fields(19)), on('Opportunity')];
        const verdict = historyVerdict(kit, org, { existing: true, alias: 'prod' });
        expect(verdict.state).toBe('failed');
        expect(verdict.message).toContain(
            'STOP: Lead: the org tracks 19 field(s) of its own and the kit adds 2: 21 is over the limit of 20 tracked fields per object'
        );
        expect(verdict.message).toContain(
            'Untrack at least 1 field(s) you no longer need (Setup → Object Manager → Lead → Fields & Relationships → Set History Tracking)'
        );
        expect(verdict.message).toContain('UTM_Term__c, UTM_Content__c');
        expect(verdict.message).not.toContain('STOP: Opportunity');
        expect(historyVerdict(kit, org, { existing: true, alias: 'prod', limit: 60 }).state).toBe('done');
    });

    it('fails loudly when the org gave no answer for a kit object', () => {
        expect(() => historyVerdict(kit, [on('Lead')], { existing: true, alias: 'prod' })).toThrow(
            'no field-history answer from the org for Opportunity'
        );
    });
});

describe('check-history command', () => {
    const cli = (dir: string): { status: number | null; err: string } => {
        const res = spawnSync(
            join(REPO, 'node_modules/.bin/tsx'),
            ['src/install/cli.ts', 'check-history', '--results', dir, '--alias', 'x'],
            {
                cwd: REPO,
                encoding: 'utf8'
            }
        );
        return { status: res.status, err: res.stderr };
    };

    it('exits 2 naming the missing or malformed result file', { timeout: 30_000 }, () => {
        const dir = mkdtempSync(join(tmpdir(), 'history-cli-'));
        try {
            expect(cli(dir)).toEqual({
                status: 2,
                err: `install: ${join(dir, 'entity-Contact.json')}: missing (the setup script writes one per object)\n`
            });
            writeFileSync(join(dir, 'entity-Contact.json'), 'ERROR running query');
            expect(cli(dir).err).toContain(`${join(dir, 'entity-Contact.json')}: not JSON`);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
