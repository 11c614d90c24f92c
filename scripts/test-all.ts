/**
 * Runs every offline check of the project in order and prints one closing line `N passed, N failed`.
 *
 * Test runners (Vitest, LWC Jest) contribute their own test counts (read from their JSON reports);
 * each gate that is not a test runner (type-check, lint, Prettier, metadata gate, apex-ls) counts as one check; the
 * apex-ls step counts as skipped when it finds no Java and none is required (exit 77, it prints why).
 * Exit code is non-zero when anything failed, or when no test executed at all.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { EXIT_SKIPPED } from '../src/verify/apex/apex-ls.js';

interface StepResult {
    name: string;
    passed: number;
    failed: number;
    skipped: number;
}

const results: StepResult[] = [];

function run(cmd: string, args: string[]): number {
    const started = Date.now();
    process.stdout.write(`\n▶ ${cmd} ${args.join(' ')}\n`);
    const res = spawnSync(cmd, args, { stdio: 'inherit', shell: false, env: process.env });
    process.stdout.write(
        `  (${((Date.now() - started) / 1000).toFixed(1)} s, exit ${res.status ?? 'signal ' + res.signal})\n`
    );
    return res.status ?? 1;
}

function gate(name: string, cmd: string, args: string[]): void {
    const code = run(cmd, args);
    results.push({ name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 });
}

/** A gate that may skip itself (exit EXIT_SKIPPED, after printing why): counted as skipped, not as passed. */
function skippableGate(name: string, cmd: string, args: string[]): void {
    const code = run(cmd, args);
    const skipped = code === EXIT_SKIPPED;
    results.push({
        name: skipped ? `${name} (skipped)` : name,
        passed: code === 0 ? 1 : 0,
        failed: code === 0 || skipped ? 0 : 1,
        skipped: skipped ? 1 : 0
    });
}

interface JestLikeReport {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    numTodoTests?: number;
    numRuntimeErrorTestSuites?: number;
    numFailedTestSuites?: number;
}

function runner(name: string, cmd: string, args: string[], reportPath: string): void {
    rmSync(reportPath, { force: true });
    const code = run(cmd, args);
    if (!existsSync(reportPath)) {
        results.push({ name: `${name} (no report written)`, passed: 0, failed: 1, skipped: 0 });
        return;
    }
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as JestLikeReport;
    const suiteErrors = (report.numRuntimeErrorTestSuites ?? 0) + (code !== 0 && !report.numFailedTests ? 1 : 0);
    results.push({
        name,
        passed: report.numPassedTests ?? 0,
        failed: (report.numFailedTests ?? 0) + suiteErrors,
        skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0)
    });
}

const npx = 'npx';
gate('typecheck (node + LWC)', 'npm', ['run', '--silent', 'typecheck']);
gate('eslint', 'npm', ['run', '--silent', 'lint']);
gate('prettier --check', 'npm', ['run', '--silent', 'format:check']);
runner(
    'vitest (audit, metadata gate, flow simulator)',
    npx,
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=.vitest-report.json'],
    '.vitest-report.json'
);
runner(
    'LWC Jest',
    npx,
    ['sfdx-lwc-jest', '--', '--ci', '--json', '--outputFile=.jest-report.json'],
    '.jest-report.json'
);
gate('metadata gate (npm run verify)', 'npm', ['run', '--silent', 'verify']);
skippableGate('apex-ls semantic check (npm run verify:apex)', 'npm', ['run', '--silent', 'verify:apex']);

const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
const skipped = results.reduce((n, r) => n + r.skipped, 0);
process.stdout.write('\nSummary\n');
for (const r of results) {
    process.stdout.write(
        `  ${r.failed ? '✗' : '✓'} ${r.name}: ${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}\n`
    );
}
process.stdout.write(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
