/**
 * `npm run org:setup -- --alias <name>`: one command to a ready demo org. Checks the Salesforce CLI and, when a
 * scratch org must be created, the Dev Hub (one line and how to log in when there is none), then runs
 * scripts/org-init.sh (each step names itself; a failure stops with the step's name and the CLI's own message) and
 * prints what to open. Safe to run again: a live scratch org with the alias is reused.
 *
 *   npm run org:setup -- --alias demo [--days 7] [--skip-data] [--existing] [--history-limit 60] [--matching-wait 600]
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import {
    cliError,
    configuredDevHub,
    devHubNotLoggedIn,
    displayedUsername,
    noDevHub,
    readyLines
} from '../src/install/preflight.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const whole =
    (flag: string) =>
    (v: string): string => {
        if (!/^[1-9]\d*$/.test(v)) throw new InvalidArgumentError(`${flag}: "${v}" is not a positive whole number`);
        return v;
    };
const opts = new Command()
    .name('org:setup')
    .description('create (or reuse) an org, deploy the kit in order, load and convert the sample data')
    .requiredOption('--alias <name>', 'org alias (a scratch org is created under it unless it is a live org)')
    .option('--days <n>', 'scratch org duration in days', whole('--days'), '7')
    .option('--skip-data', 'skip the sample data', false)
    .option('--existing', 'an existing org (sandbox, production): no scratch org, no demo-org settings, no data', false)
    .option(
        '--history-limit <n>',
        'tracked fields per object the org allows (Field Audit Trail)',
        whole('--history-limit')
    )
    .option('--matching-wait <seconds>', 'how long to wait for matching rules to activate', whole('--matching-wait'))
    .parse()
    .opts<{
        alias: string;
        days: string;
        skipData: boolean;
        existing: boolean;
        historyLimit?: string;
        matchingWait?: string;
    }>();

const say = (line: string): void => void process.stdout.write(`${line}\n`);
const stop = (line: string): never => {
    process.stderr.write(`${line}\n`);
    process.exit(1);
};

/** Runs `sf <args> --json` and returns what it printed (the answer is JSON whatever the exit code). */
function sf(args: string[]): string {
    const res = spawnSync('sf', [...args, '--json'], { cwd: root, encoding: 'utf8' });
    if (res.error && (res.error as NodeJS.ErrnoException).code === 'ENOENT')
        stop('org:setup: the Salesforce CLI (sf) is not on PATH: npm install --global @salesforce/cli');
    return res.stdout;
}

say(`\n==> [preflight] Salesforce CLI and ${opts.existing ? 'the existing org' : 'Dev Hub'} for '${opts.alias}'`);
const username = displayedUsername(
    sf(['org', 'display', '--target-org', opts.alias]),
    `sf org display --target-org ${opts.alias}`
);
if (username) say(`'${opts.alias}' is a live org (${username}): reusing it`);
else if (opts.existing)
    stop(`org:setup: '${opts.alias}' is not a logged-in org: sf org login web --alias ${opts.alias}, then run again`);
else {
    const hub = configuredDevHub(sf(['config', 'get', 'target-dev-hub']), 'sf config get target-dev-hub');
    if (!hub) stop(noDevHub());
    else {
        const said = cliError(sf(['org', 'display', '--target-org', hub]), `sf org display --target-org ${hub}`);
        if (said !== undefined) stop(devHubNotLoggedIn(hub, said));
        say(`Dev Hub '${hub}': a scratch org '${opts.alias}' will be created for ${opts.days} day(s)`);
    }
}

const env: NodeJS.ProcessEnv = { ...process.env, SCRATCH_DAYS: opts.days };
if (opts.skipData) env.SKIP_DATA = '1';
if (opts.existing) env.ORG_INIT_EXISTING = '1';
if (opts.historyLimit) env.HISTORY_FIELD_LIMIT = opts.historyLimit;
if (opts.matchingWait) env.MATCHING_RULE_WAIT_SECONDS = opts.matchingWait;
const init = spawnSync('bash', [path.join(root, 'scripts', 'org-init.sh'), opts.alias], {
    cwd: root,
    env,
    stdio: 'inherit'
});
if (init.status !== 0) process.exit(init.status ?? 1);
say('');
for (const line of readyLines(opts.alias, !opts.skipData && !opts.existing)) say(line);
