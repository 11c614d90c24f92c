/**
 * apex-ls (io.github.apex-dev-tools, the semantic checker behind Apex Assist) over the project: unknown types,
 * unknown methods or wrong arguments, unknown variables, incompatible assignments, unknown fields on SObjects the
 * project does not extend. Its jars ship inside `@salesforce/code-analyzer-pmd-engine` (dist/java-lib); it runs on
 * Java 8+ bytecode, so Debian's openjdk-17-jre-headless is enough. The runner builds the classpath from that folder,
 * runs `CheckForIssues -f json -n -w <root>` and parses the JSON into problems.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join, relative, sep } from 'node:path';
import { z } from 'zod';

export const APEX_LS_MAIN = 'io.github.apexdevtools.apexls.CheckForIssues';
const APEX_LS_JAR = /^apex-ls_[\d.]+-([\d.]+)\.jar$/;

/**
 * A short-lived run: the C1 compiler only and the serial collector start faster (measured on a loaded 2-core machine:
 * 3.4 s instead of 6.0 s for this project, same findings).
 */
const JVM_FLAGS = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** CheckForIssues exit codes (from its bytecode: STATUS_OK, STATUS_ARGS, STATUS_EXCEPTION, STATUS_ISSUES). */
export const STATUS = { ok: 0, args: 1, exception: 3, issues: 4 } as const;

/** Exit code of `verify:apex` when it skipped (no Java, none required); the test orchestrator counts it as skipped. */
export const EXIT_SKIPPED = 77;

/** Java is required (a missing one fails) with `REQUIRE_JAVA=1` or `CI=true`. */
export function javaRequired(env: NodeJS.ProcessEnv = process.env): boolean {
    const ci = (env.CI ?? '').toLowerCase();
    return env.REQUIRE_JAVA === '1' || ci === 'true' || ci === '1';
}

export interface ApexLsProblem {
    file: string;
    line: number;
    category: string;
    message: string;
}

/** The jar folder of the installed `@salesforce/code-analyzer-pmd-engine`, with apex-ls's version. */
export function findApexLs(): { dir: string; jars: string[]; version: string } {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('@salesforce/code-analyzer-pmd-engine/package.json');
    const dir = join(dirname(pkg), 'dist', 'java-lib');
    if (!existsSync(dir)) throw new Error(`${dir} does not exist: is @salesforce/code-analyzer-pmd-engine installed?`);
    const jars = readdirSync(dir)
        .filter((f) => f.endsWith('.jar'))
        .sort();
    const main = jars.find((f) => APEX_LS_JAR.test(f));
    if (!main) throw new Error(`${dir} has no apex-ls_*.jar (the code-analyzer-pmd-engine version changed?)`);
    // apex-ls first so its classes win over any copy bundled in another jar.
    const ordered = [main, ...jars.filter((f) => f !== main)].map((f) => join(dir, f));
    return { dir, jars: ordered, version: APEX_LS_JAR.exec(main)?.[1] ?? '?' };
}

/** The java executable: $JAVA_HOME/bin/java when set, else `java` on PATH; undefined when neither runs. */
export function findJava(env: NodeJS.ProcessEnv = process.env): { java: string; version: string } | undefined {
    const candidates = [env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : undefined, 'java'].filter(
        (c): c is string => !!c
    );
    for (const java of candidates) {
        const res = spawnSync(java, ['-version'], { encoding: 'utf8' });
        if (res.error || res.status !== 0) continue;
        const version = /version "([^"]+)"/.exec(`${res.stderr}${res.stdout}`)?.[1] ?? 'unknown';
        return { java, version };
    }
    return undefined;
}

const outputSchema = z.object({
    files: z.array(
        z.object({
            path: z.string(),
            messages: z.array(
                z.object({
                    start: z.object({ line: z.number().int(), offset: z.number().int() }),
                    category: z.string(),
                    message: z.string()
                })
            )
        })
    )
});

/** Parses CheckForIssues' JSON output; paths become relative to `root`. Throws on output it does not recognise. */
export function parseApexLsJson(stdout: string, root: string): ApexLsProblem[] {
    const start = stdout.indexOf('{');
    if (start < 0) throw new Error(`apex-ls printed no JSON: ${stdout.slice(0, 300)}`);
    let data: unknown;
    try {
        data = JSON.parse(stdout.slice(start));
    } catch (err) {
        throw new Error(`apex-ls printed invalid JSON (${(err as Error).message}): ${stdout.slice(0, 300)}`);
    }
    const parsed = outputSchema.safeParse(data);
    if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new Error(`apex-ls JSON: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'unexpected shape'}`);
    }
    return parsed.data.files.flatMap((f) =>
        f.messages.map((m) => ({
            file: relative(root, f.path).split(sep).join('/'),
            line: m.start.line,
            category: m.category,
            message: m.message
        }))
    );
}

export interface ApexLsRun {
    problems: ApexLsProblem[];
    durationMs: number;
    version: string;
}

/** Runs apex-ls over the workspace at `root` (sfdx-project.json + package directories). */
export function runApexLs(root: string, java: string): ApexLsRun {
    const { jars, version } = findApexLs();
    const started = Date.now();
    const res = spawnSync(
        java,
        [...JVM_FLAGS, '-cp', jars.join(delimiter), APEX_LS_MAIN, '-f', 'json', '-n', '-w', root],
        {
            encoding: 'utf8',
            maxBuffer: 64 * 1024 * 1024
        }
    );
    const durationMs = Date.now() - started;
    if (res.error) throw new Error(`apex-ls could not start ${java}: ${res.error.message}`);
    if (res.status !== STATUS.ok && res.status !== STATUS.issues) {
        throw new Error(`apex-ls exited ${res.status ?? res.signal}: ${`${res.stderr}${res.stdout}`.slice(0, 2000)}`);
    }
    const problems = parseApexLsJson(res.stdout, root);
    if (res.status === STATUS.issues && problems.length === 0) {
        throw new Error(`apex-ls reported issues (exit 4) but its output held none: ${res.stdout.slice(0, 500)}`);
    }
    return { problems, durationMs, version };
}

export function formatApexLsProblem(p: ApexLsProblem): string {
    return `${p.file}:${p.line}: [apex-ls] ${p.category}: ${p.message}`;
}
