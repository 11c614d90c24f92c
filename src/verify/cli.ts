/**
 * `npm run verify` — the offline metadata gate. Prints one line per problem (`file:line: [check] path: message`)
 * and exits 1, or prints a short summary and exits 0. Schema source: the WSDL named by SF_METADATA_WSDL, else
 * `@salesforce/types`.
 */
import { Command } from 'commander';
import { formatProblem } from './problems.js';
import { runGate, schemaSourceFromEnv, type SchemaSource } from './gate.js';

const program = new Command()
    .name('verify')
    .description('Offline metadata gate: schema, js-meta.xml, packaging and references')
    .option('-r, --root <dir>', 'project root (contains sfdx-project.json)', '.')
    .option('--schema <source>', 'schema source: wsdl (needs SF_METADATA_WSDL or --wsdl) or dts; default from env')
    .option('--wsdl <path>', 'Metadata API WSDL to validate against (overrides SF_METADATA_WSDL)')
    .parse();

const opts = program.opts<{ root: string; schema?: string; wsdl?: string }>();

function chooseSchema(): SchemaSource {
    if (opts.wsdl) return { kind: 'wsdl', path: opts.wsdl };
    if (opts.schema === 'dts') return { kind: 'dts' };
    const fromEnv = schemaSourceFromEnv();
    if (opts.schema === 'wsdl' && fromEnv.kind !== 'wsdl')
        throw new Error('--schema wsdl needs SF_METADATA_WSDL or --wsdl');
    return fromEnv;
}

try {
    const result = await runGate({ root: opts.root, schema: chooseSchema() });
    process.stdout.write(`schema source: ${result.schemaSource}\n`);
    for (const p of result.problems) process.stdout.write(`${formatProblem(p)}\n`);
    const seconds = (result.durationMs / 1000).toFixed(1);
    const scope = `${result.metadataFiles} metadata files, ${result.lwcBundles} LWC bundles, ${result.components} components converted`;
    if (result.problems.length) {
        process.stdout.write(`verify: ${result.problems.length} problem(s) in ${scope} (${seconds} s)\n`);
        process.exitCode = 1;
    } else {
        process.stdout.write(
            `verify: OK — ${scope}; schema, js-meta, packaging, references, reports, path, docs and history clean (${seconds} s)\n`
        );
    }
} catch (err) {
    process.stderr.write(`verify: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
}
