/** The gate on the real project tree: every problem it finds is listed in the failure message. */
import { describe, expect, it } from 'vitest';
import { runGate } from '../../src/verify/gate.js';
import { formatProblem } from '../../src/verify/problems.js';
import { DTS, REPO, WSDL } from './helpers.js';

describe('metadata gate on the repository', () => {
    it('finds no problem in force-app and demo-org (schema, js-meta, packaging, references)', async () => {
        const result = await runGate({ root: REPO, schema: WSDL ?? DTS });
        const report = result.problems.map(formatProblem).join('\n');
        expect(result.metadataFiles, 'the project has metadata to check').toBeGreaterThan(0);
        expect(report, `schema source: ${result.schemaSource}`).toBe('');
        expect(result.durationMs, 'the gate should run in a few seconds').toBeLessThan(15_000);
    });
});
