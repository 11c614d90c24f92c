/**
 * `npm run org:delete -- --alias <name>`: deletes the scratch org (sf org delete scratch --no-prompt). Safe to run
 * again: an alias with no scratch org behind it is reported and exits 0.
 */
import { spawnSync } from 'node:child_process';
import { Command } from 'commander';
import { deleteVerdict } from '../src/install/preflight.js';

const { alias } = new Command()
    .name('org:delete')
    .requiredOption('--alias <name>', 'scratch org alias')
    .parse()
    .opts<{ alias: string }>();
const res = spawnSync('sf', ['org', 'delete', 'scratch', '--target-org', alias, '--no-prompt', '--json'], {
    encoding: 'utf8'
});
if (res.error) {
    process.stderr.write('org:delete: the Salesforce CLI (sf) is not on PATH: npm install --global @salesforce/cli\n');
    process.exit(1);
}
const verdict = deleteVerdict(res.stdout, alias);
(verdict.code === 0 ? process.stdout : process.stderr).write(`${verdict.message}\n`);
process.exit(verdict.code);
