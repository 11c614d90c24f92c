/** The scratch-org workflow's coverage gate (`check-coverage`): passing runs, and each way a run must fail. */
import { describe, expect, it } from 'vitest';
import { coverageVerdict } from '../../src/install/coverage.js';

const run = (summary: Record<string, unknown>): string =>
    JSON.stringify({
        status: 0,
        result: {
            summary: { outcome: 'Passed', testsRan: 42, failing: 0, testRunCoverage: '93%', ...summary },
            tests: [],
            coverage: { coverage: [] }
        }
    });

describe('coverageVerdict', () => {
    it('passes a green run at or above the minimum', () => {
        expect(coverageVerdict(run({}), 90, 'r.json')).toEqual({
            state: 'done',
            message: 'Apex tests: 42 passed, coverage 93% (at least 90%)'
        });
        expect(coverageVerdict(run({ testRunCoverage: '90%' }), 90, 'r.json').state).toBe('done');
    });

    it('fails below the minimum, on failing tests and when nothing ran', () => {
        expect(coverageVerdict(run({ testRunCoverage: '89%' }), 90, 'r.json').message).toContain(
            'coverage 89% is below 90%'
        );
        expect(coverageVerdict(run({ failing: 2, outcome: 'Failed' }), 90, 'r.json').message).toContain(
            '2 of 42 Apex test(s) failed (outcome Failed)'
        );
        expect(coverageVerdict(run({ testsRan: 0 }), 90, 'r.json').message).toContain('no Apex test ran');
    });

    it('names the file and what the CLI said when the run has no coverage summary', () => {
        expect(() =>
            coverageVerdict(JSON.stringify({ status: 1, name: 'NoOrgFound', message: 'No org found' }), 90, 'r.json')
        ).toThrow(/^r\.json: not an Apex test run with coverage .*\(sf: No org found\)$/);
        expect(() => coverageVerdict(run({ testRunCoverage: 'n/a' }), 90, 'r.json')).toThrow(
            'result.summary.testRunCoverage'
        );
        expect(() => coverageVerdict('{', 90, 'r.json')).toThrow(/^r\.json: not JSON/);
    });
});
