/**
 * Helper the setup script (scripts/org-init.sh) calls between `sf` commands; run from the project root.
 *
 *   tsx src/install/cli.ts soql-list flows|matching-rules       'A','B' for a SOQL IN (…)
 *   tsx src/install/cli.ts plan-duplicates --org-rules <json> --out <dir>
 *   tsx src/install/cli.ts check-matching --result <json>      exit 0 active, 10 still activating, 1 failed
 *   tsx src/install/cli.ts check-flows --result <json>         exit 0 all kit flows active, 1 otherwise
 *   tsx src/install/cli.ts check-coverage --result <json> --min <percent>
 *                                                              exit 0 Apex tests passed and covered, 1 otherwise
 *   tsx src/install/cli.ts check-apex --result <json>          exit 0 the anonymous Apex ran, 1 otherwise
 *   tsx src/install/cli.ts sample-count <Object>               records of <Object> the sample data set creates
 *   tsx src/install/cli.ts history-objects                     objects the kit tracks fields of, one a line
 *   tsx src/install/cli.ts check-history --results <dir> --alias <a> [--existing] [--limit <n>]
 *                                                              exit 0 room for the kit's tracked fields, 1 otherwise
 *
 * Exit 2 on bad input (the message names the file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { historyVerdict, parseEntityHistory, parseTrackedFields } from './field-history.js';
import { describePlan, parseOrgDuplicateRules, planSortOrders } from './duplicate-order.js';
import {
    kitDuplicateRules,
    kitFlowNames,
    kitMatchingRuleNames,
    kitTrackedFields,
    sourceApiVersion,
    stageDuplicateRules
} from './kit-files.js';
import { apexRunVerdict } from './apex-run.js';
import { coverageVerdict } from './coverage.js';
import { importRecords } from './sample-data/agree.js';
import { decodePayload, payloadOfScript } from './sample-data/apex.js';
import { SAMPLE_PATHS, readCommittedTree } from './sample-data/files.js';
import { flowVerdict, matchingRuleVerdict } from './org-status.js';

const root = process.cwd();
const quoted = (names: readonly string[]): string => names.map((n) => `'${n.replace(/'/g, "\\'")}'`).join(',');
const say = (line: string): void => void process.stdout.write(`${line}\n`);

const program = new Command().name('install').description('setup-script helper (offline parts of the install path)');

program
    .command('soql-list')
    .argument('<what>', 'flows | matching-rules')
    .action((what: string) => {
        if (what === 'flows') say(quoted(kitFlowNames(root)));
        else if (what === 'matching-rules') say(quoted(kitMatchingRuleNames(root)));
        else throw new Error(`soql-list: unknown list "${what}" (flows, matching-rules)`);
    });

program
    .command('plan-duplicates')
    .requiredOption('--org-rules <file>', 'sf data query --json output of the org DuplicateRule records')
    .requiredOption('--out <dir>', 'deploy directory to write (Metadata API format)')
    .action((opts: { orgRules: string; out: string }) => {
        const org = parseOrgDuplicateRules(readFileSync(opts.orgRules, 'utf8'), opts.orgRules);
        const plans = planSortOrders(kitDuplicateRules(root), org);
        for (const line of describePlan(plans)) say(line);
        const members = stageDuplicateRules(root, plans, opts.out, sourceApiVersion(root));
        say(`staged ${members.length} duplicate rule(s) in ${opts.out}`);
    });

program
    .command('check-matching')
    .requiredOption('--result <file>', 'sf data query --json output of the MatchingRule records')
    .action((opts: { result: string }) => {
        const verdict = matchingRuleVerdict(readFileSync(opts.result, 'utf8'), kitMatchingRuleNames(root), opts.result);
        say(verdict.message);
        process.exitCode = verdict.state === 'done' ? 0 : verdict.state === 'pending' ? 10 : 1;
    });

program
    .command('check-flows')
    .requiredOption('--result <file>', 'sf data query --json output of the FlowDefinitionView records')
    .action((opts: { result: string }) => {
        const verdict = flowVerdict(readFileSync(opts.result, 'utf8'), kitFlowNames(root), opts.result);
        say(verdict.message);
        process.exitCode = verdict.state === 'done' ? 0 : 1;
    });

program
    .command('check-coverage')
    .requiredOption('--result <file>', 'sf apex run test --code-coverage --json output')
    .requiredOption('--min <percent>', 'lowest accepted testRunCoverage, e.g. 90')
    .action((opts: { result: string; min: string }) => {
        if (!/^\d+(\.\d+)?$/.test(opts.min) || Number(opts.min) > 100)
            throw new Error(`--min: "${opts.min}" is not a percentage between 0 and 100`);
        if (!existsSync(opts.result)) throw new Error(`${opts.result}: missing (the Apex test step writes it)`);
        const verdict = coverageVerdict(readFileSync(opts.result, 'utf8'), Number(opts.min), opts.result);
        say(verdict.message);
        process.exitCode = verdict.state === 'done' ? 0 : 1;
    });

program
    .command('check-apex')
    .requiredOption('--result <file>', 'sf apex run --json output')
    .option('--script <file>', 'the script that ran (named in the message)', SAMPLE_PATHS.apex)
    .action((opts: { result: string; script: string }) => {
        if (!existsSync(opts.result)) throw new Error(`${opts.result}: missing (sf apex run --json writes it)`);
        const verdict = apexRunVerdict(readFileSync(opts.result, 'utf8'), opts.script, opts.result);
        say(verdict.message);
        process.exitCode = verdict.state === 'done' ? 0 : 1;
    });

program
    .command('sample-count')
    .argument('<object>', 'Lead, Contact, Opportunity, …')
    .description('records of <object> the committed sample data set leaves in the org (import plus conversions)')
    .action((object: string) => {
        const tree = readCommittedTree(root);
        const apex = readFileSync(join(root, SAMPLE_PATHS.apex), 'utf8');
        const records = importRecords({
            ...tree,
            conversions: decodePayload(payloadOfScript(apex, SAMPLE_PATHS.apex))
        });
        say(String([...records.keys()].filter((k) => k.startsWith(`${object} `)).length));
    });

program
    .command('history-objects')
    .description('objects with kit fields that carry <trackHistory>true</trackHistory>')
    .action(() => {
        for (const object of Object.keys(kitTrackedFields(root)).sort()) say(object);
    });

program
    .command('check-history')
    .requiredOption(
        '--results <dir>',
        'directory with entity-<Object>.json and fields-<Object>.json (sf data query --json)'
    )
    .requiredOption('--alias <alias>', 'target org alias (named in the message)')
    .option('--existing', 'an existing org (ORG_INIT_EXISTING=1)', false)
    .option('--limit <n>', 'tracked fields per object the org allows (HISTORY_FIELD_LIMIT)')
    .action((opts: { results: string; alias: string; existing: boolean; limit?: string }) => {
        const kit = kitTrackedFields(root);
        const read = (file: string): string => {
            if (!existsSync(file)) throw new Error(`${file}: missing (the setup script writes one per object)`);
            return readFileSync(file, 'utf8');
        };
        const org = Object.keys(kit).map((object) => {
            const entity = join(opts.results, `entity-${object}.json`);
            const fields = join(opts.results, `fields-${object}.json`);
            return {
                object,
                enabled: parseEntityHistory(read(entity), object, entity),
                tracked: parseTrackedFields(read(fields), fields)
            };
        });
        let limit: number | undefined;
        if (opts.limit !== undefined && opts.limit !== '') {
            if (!/^[1-9]\d*$/.test(opts.limit))
                throw new Error(`--limit (HISTORY_FIELD_LIMIT): "${opts.limit}" is not a positive whole number`);
            limit = Number(opts.limit);
        }
        const verdict = historyVerdict(kit, org, { existing: opts.existing, alias: opts.alias, limit });
        say(verdict.message);
        process.exitCode = verdict.state === 'done' ? 0 : 1;
    });

try {
    await program.parseAsync();
} catch (err) {
    process.stderr.write(`install: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
}
