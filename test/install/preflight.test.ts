/** The pure parts of org:setup / org:delete and the conversion check: each `sf --json` shape and each failure. */
import { describe, expect, it } from 'vitest';
import { apexRunVerdict } from '../../src/install/apex-run.js';
import {
    cliError,
    configuredDevHub,
    deleteVerdict,
    displayedUsername,
    readyLines
} from '../../src/install/preflight.js';

const ok = (result: unknown): string => JSON.stringify({ status: 0, result });
const err = (name: string, message: string): string => JSON.stringify({ status: 1, name, message, exitCode: 1 });

describe('preflight', () => {
    it('reads org display, config get and their failures', () => {
        expect(displayedUsername(ok({ username: 'a@b.example.com' }), 'd')).toBe('a@b.example.com');
        expect(
            displayedUsername(err('NamedOrgNotFoundError', 'No authorization information found'), 'd')
        ).toBeUndefined();
        expect(() => displayedUsername(ok({}), 'sf org display')).toThrow('sf org display: no result.username');
        expect(() => displayedUsername('Warning: update available', 'sf org display')).toThrow(
            'sf org display: the CLI did not answer JSON: Warning: update available'
        );
        expect(
            configuredDevHub(ok([{ name: 'target-dev-hub', value: 'hub', location: 'Global', success: true }]), 'c')
        ).toBe('hub');
        expect(configuredDevHub(ok([{ name: 'target-dev-hub', success: true }]), 'c')).toBeUndefined();
        expect(cliError(err('X', 'y'), 'w')).toBe('X: y');
    });

    it('tells deleted, already gone and failed apart', () => {
        expect(deleteVerdict(ok({ orgId: '00D', username: 'u@x.example.com' }), 'a')).toEqual({
            code: 0,
            message: 'org:delete: deleted scratch org u@x.example.com'
        });
        expect(deleteVerdict(err('NamedOrgNotFoundError', 'No authorization information found for a.'), 'a').code).toBe(
            0
        );
        expect(deleteVerdict(err('HubOrgError', 'down'), 'a')).toEqual({
            code: 1,
            message: 'org:delete: could not delete "a" (sf: HubOrgError: down)'
        });
    });

    it('prints what to open', () => {
        expect(readyLines('demo', true)).toContain(
            'Audit the sample data in the org:     npm run audit -- --target-org demo'
        );
    });
});

describe('apexRunVerdict', () => {
    const run = (r: Record<string, unknown>): string =>
        ok({
            compiled: true,
            success: true,
            compileProblem: '',
            exceptionMessage: '',
            exceptionStackTrace: '',
            line: -1,
            column: -1,
            logs: '',
            ...r
        });
    it('passes a run and quotes its debug line', () => {
        expect(
            apexRunVerdict(
                run({ logs: '1|USER_DEBUG|[97]|INFO|Sample Leads converted now: 60, converted before: 0\n' }),
                's.apex',
                'r'
            )
        ).toEqual({
            state: 'done',
            message: 's.apex: ran: Sample Leads converted now: 60, converted before: 0'
        });
    });
    it('names the compile problem, the exception and the line', () => {
        expect(
            apexRunVerdict(
                run({ compiled: false, success: false, compileProblem: 'Unexpected token', line: 12, column: 3 }),
                's.apex',
                'r'
            ).message
        ).toBe('s.apex:12:3: does not compile: Unexpected token');
        expect(
            apexRunVerdict(
                run({
                    success: false,
                    exceptionMessage: 'System.IllegalArgumentException: Sample Lead not in the org',
                    exceptionStackTrace: 'AnonymousBlock: line 40, column 1',
                    line: 40,
                    column: 1
                }),
                's.apex',
                'r'
            ).message
        ).toBe(
            's.apex:40:1: System.IllegalArgumentException: Sample Lead not in the org (AnonymousBlock: line 40, column 1)'
        );
        expect(apexRunVerdict(err('NoOrgFound', 'No default org'), 's.apex', 'r')).toEqual({
            state: 'failed',
            message: 's.apex: sf: NoOrgFound: No default org'
        });
        expect(() => apexRunVerdict('{}', 's.apex', 'r.json')).toThrow('r.json: unexpected sf apex run result');
    });
});
