/**
 * The apex-ls step (`npm run verify:apex`): output parsing, the skip/require rule, and — where Java is installed,
 * always in CI — seeded defects apex-ls must catch in a copy of the project's Apex: an unknown type, a call to a
 * method that does not exist, an unknown variable, a wrong assignment, an unknown field on a standard object the
 * project does not extend. It also documents what apex-ls does NOT catch (fields on the objects the project extends;
 * SOQL field lists): the project's own `apex` gate check covers those (test/verify/apex-fields.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
    EXIT_SKIPPED,
    findApexLs,
    findJava,
    javaRequired,
    parseApexLsJson,
    runApexLs
} from '../../src/verify/apex/apex-ls.js';
import { REPO } from './helpers.js';

const java = findJava();
const dirs: string[] = [];
afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const META = `<?xml version="1.0" encoding="UTF-8"?>
<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata">
    <apiVersion>66.0</apiVersion>
    <status>Active</status>
</ApexClass>
`;

/** A copy of the project's sfdx-project.json and force-app with one extra class. */
function workspace(name: string, body: string): string {
    const dir = mkdtempSync(join(tmpdir(), 'apex-ls-'));
    dirs.push(dir);
    cpSync(join(REPO, 'sfdx-project.json'), join(dir, 'sfdx-project.json'));
    cpSync(join(REPO, 'force-app'), join(dir, 'force-app'), { recursive: true });
    cpSync(join(REPO, 'demo-org'), join(dir, 'demo-org'), { recursive: true });
    const classes = join(dir, 'force-app', 'main', 'default', 'classes');
    writeFileSync(join(classes, `${name}.cls`), body);
    writeFileSync(join(classes, `${name}.cls-meta.xml`), META);
    return dir;
}

describe('apex-ls output and rules', () => {
    it('finds apex-ls 6.x and its dependencies in @salesforce/code-analyzer-pmd-engine', () => {
        const found = findApexLs();
        expect(found.version).toMatch(/^6\./);
        expect(found.jars[0]).toMatch(/apex-ls_2\.13-[\d.]+\.jar$/);
        expect(found.jars.some((j) => /scala-library/.test(j))).toBe(true);
        expect(found.jars.some((j) => /sobject-types/.test(j))).toBe(true);
    });

    it('parses CheckForIssues JSON into file/line/message and rejects output it does not know', () => {
        const out = `{ "files": [
{ "path": "/ws/force-app/main/default/classes/A.cls", "messages": [
{"start": {"line": 3, "offset": 14 }, "end": {"line": 3, "offset": 15 }, "category": "Missing", "message": "No type declaration found for 'Strin'"}
]}]}`;
        expect(parseApexLsJson(out, '/ws')).toEqual([
            {
                file: 'force-app/main/default/classes/A.cls',
                line: 3,
                category: 'Missing',
                message: "No type declaration found for 'Strin'"
            }
        ]);
        expect(() => parseApexLsJson('Exception in thread main', '/ws')).toThrow(/printed no JSON/);
        expect(() => parseApexLsJson('{ "files": [{ "path": 1 }] }', '/ws')).toThrow(/apex-ls JSON: files\.0\.path/);
    });

    it('requires Java in CI or with REQUIRE_JAVA=1, not otherwise', () => {
        expect(javaRequired({ CI: 'true' })).toBe(true);
        expect(javaRequired({ REQUIRE_JAVA: '1' })).toBe(true);
        expect(javaRequired({})).toBe(false);
        expect(javaRequired({ CI: 'false' })).toBe(false);
    });

    it('CI installs the JRE when java is missing and makes the step required (.ci/run)', () => {
        const ci = readFileSync(join(REPO, '.ci', 'run'), 'utf8');
        expect(ci).toMatch(/if ! command -v java[\s\S]*apt-get install[^\n]*openjdk-17-jre-headless/);
        expect(ci).toMatch(/^export REQUIRE_JAVA=1$/m);
        expect(ci.indexOf('export REQUIRE_JAVA=1')).toBeLessThan(ci.search(/^npm test$/m));
        const steps = readFileSync(join(REPO, 'scripts', 'test-all.ts'), 'utf8');
        expect(steps).toMatch(
            /skippableGate\('apex-ls semantic check[^']*', 'npm', \['run', '--silent', 'verify:apex'\]\)/
        );
    });

    it('without Java the step says it skipped (exit 77), and fails when Java is required', () => {
        const cli = join(REPO, 'src', 'verify', 'apex', 'cli.ts');
        const tsx = join(REPO, 'node_modules', 'tsx', 'dist', 'cli.mjs');
        const env = { PATH: '', HOME: process.env.HOME ?? '/tmp' };
        const skipped = spawnSync(process.execPath, [tsx, cli, '--root', REPO], { encoding: 'utf8', env });
        expect(skipped.status, skipped.stderr).toBe(EXIT_SKIPPED);
        expect(skipped.stdout).toMatch(/SKIPPED — no Java runtime/);
        const required = spawnSync(process.execPath, [tsx, cli, '--root', REPO], {
            encoding: 'utf8',
            env: { ...env, REQUIRE_JAVA: '1' }
        });
        expect(required.status).toBe(1);
        expect(required.stderr).toMatch(/FAILED — no Java runtime/);
    });
});

describe.skipIf(!java && !javaRequired())('apex-ls on seeded defects (needs Java; required in CI)', () => {
    it('Java is installed', () => {
        expect(java, 'install openjdk-17-jre-headless (.ci/run does)').toBeDefined();
    });

    it('catches an unknown type, a method that does not exist, an unknown variable and a wrong assignment', () => {
        const dir = workspace(
            'SeededDefects',
            `public with sharing class SeededDefects {
    public static void run() {
        Strin x;
        AttributionTestFactory.noSuchMethod();
        Integer y = undefinedVar + 1;
        Integer z = 'text';
        Account a = new Account();
        String n = a.Nam;
    }
}
`
        );
        const run = runApexLs(dir, java?.java ?? 'java');
        expect(run.problems.map((p) => `${p.file}:${p.line} ${p.category}: ${p.message}`)).toEqual([
            "force-app/main/default/classes/SeededDefects.cls:3 Missing: No type declaration found for 'Strin'",
            "force-app/main/default/classes/SeededDefects.cls:4 Missing: No matching method found for 'noSuchMethod' on 'AttributionTestFactory' taking no arguments",
            "force-app/main/default/classes/SeededDefects.cls:5 Missing: No variable or type found for 'undefinedVar' on 'SeededDefects'",
            "force-app/main/default/classes/SeededDefects.cls:6 Error: Incompatible types in assignment, from 'System.String' to 'System.Integer'",
            "force-app/main/default/classes/SeededDefects.cls:8 Missing: Unknown field 'Nam' on SObject 'Schema.Account'"
        ]);
    });

    it('does not check field access on objects the project extends, nor SOQL field lists (the apex gate check does)', () => {
        const dir = workspace(
            'NotCaught',
            `public with sharing class NotCaught {
    public static void run(Opportunity opp) {
        Id c = opp.CampaignIdd;
        List<Opportunity> l = [SELECT Id, Nope__c FROM Opportunity];
    }
}
`
        );
        expect(runApexLs(dir, java?.java ?? 'java').problems).toEqual([]);
    });
});
