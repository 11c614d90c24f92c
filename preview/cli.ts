/**
 * `npm run preview`: builds the record-page preview (cached) and serves it on 127.0.0.1 until Ctrl-C.
 * `--port <n>` (default 4173; 0: any free port), `--force` rebuilds.
 */
import { Command } from 'commander';
import { buildPreview, PROJECT_DIR } from './build.js';
import { startPreviewServer } from './server.js';

const program = new Command()
    .name('preview')
    .description('Serve the rep cards on a local record page with stubbed data from data/sample-snapshot')
    .option('--port <n>', 'port on 127.0.0.1 (0: any free port)', '4173')
    .option('--force', 'rebuild even when the inputs did not change', false)
    .parse();
const opts = program.opts<{ port: string; force: boolean }>();
const port = Number(opts.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    process.stderr.write(`--port: expected a port number, got ${opts.port}\n`);
    process.exit(2);
}

const build = await buildPreview({ projectDir: PROJECT_DIR, force: opts.force });
process.stdout.write(
    build.cached
        ? `Preview bundle unchanged (inputs hash ${build.hash.slice(0, 12)}), not rebuilt.\n`
        : `Preview built in ${(build.ms / 1000).toFixed(1)} s.\n`
);
const server = await startPreviewServer({ projectDir: PROJECT_DIR, bundleDir: build.dir, port });
process.stdout.write(
    [
        `Preview: ${server.url}`,
        `  ${server.url}?object=Opportunity            an open opportunity with contact roles`,
        `  ${server.url}?object=Opportunity&state=empty  one with as little data as the sample has`,
        `  ${server.url}?object=Lead&id=<Lead Id>       a record of data/sample-snapshot`,
        `  &fault=record|relatedList|save  &latency=<ms>`,
        'Ctrl-C stops it.',
        ''
    ].join('\n')
);
process.on('SIGINT', () => {
    void server.close().then(() => process.exit(0));
});
