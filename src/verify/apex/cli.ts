/**
 * `npm run verify:apex` — apex-ls semantic check of the project's Apex (a step of `npm test`). Exit 0 clean, 1 problems
 * or apex-ls failure, 77 skipped: no Java runtime and none required. With `CI=true` or `REQUIRE_JAVA=1` a missing
 * Java is a failure (`.ci/run` installs openjdk-17-jre-headless and sets REQUIRE_JAVA=1).
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { readSfdxProject } from '../project.js';
import { APEX_SOURCE } from './index.js';
import { EXIT_SKIPPED, findJava, formatApexLsProblem, javaRequired, runApexLs } from './apex-ls.js';

function countApex(root: string, dirs: readonly string[]): number {
    let n = 0;
    const walk = (dir: string): void => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
            if (e.isDirectory() && !e.name.startsWith('.')) walk(join(dir, e.name));
            else if (e.isFile() && APEX_SOURCE.test(e.name)) n++;
        }
    };
    for (const d of dirs) walk(join(root, d));
    return n;
}

const opts = new Command()
    .name('verify:apex')
    .description('apex-ls semantic check (types, methods, variables) of the Apex in the package directories')
    .option('-r, --root <dir>', 'project root (contains sfdx-project.json)', '.')
    .parse()
    .opts<{ root: string }>();

try {
    const root = resolve(opts.root);
    const { packageDirs } = readSfdxProject(root);
    const count = countApex(root, packageDirs);
    const java = findJava();
    if (!java) {
        const why = 'no Java runtime (java on PATH or $JAVA_HOME/bin/java); apex-ls needs Java 8+';
        if (javaRequired()) {
            process.stderr.write(`verify:apex: FAILED — ${why}, and CI/REQUIRE_JAVA requires it\n`);
            process.exitCode = 1;
        } else {
            process.stdout.write(
                `verify:apex: SKIPPED — ${why}. Install openjdk-17-jre-headless to run it; CI requires it.\n`
            );
            process.exitCode = EXIT_SKIPPED;
        }
    } else {
        const run = runApexLs(root, java.java);
        for (const p of run.problems) process.stdout.write(`${formatApexLsProblem(p)}\n`);
        const scope = `apex-ls ${run.version} on Java ${java.version}: ${count} Apex files (${(run.durationMs / 1000).toFixed(1)} s)`;
        if (run.problems.length) {
            process.stdout.write(`verify:apex: ${run.problems.length} problem(s) — ${scope}\n`);
            process.exitCode = 1;
        } else {
            process.stdout.write(`verify:apex: OK — ${scope}\n`);
        }
    }
} catch (err) {
    process.stderr.write(`verify:apex: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
}
