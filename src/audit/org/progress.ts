/**
 * Progress bars for the org pull (cli-progress, one bar per object) on a TTY stream only; nothing when piped, so
 * the CLI's stdout/stderr stay clean for scripts and CI logs.
 */
import cliProgress from 'cli-progress';
import type { PullProgress } from './types.js';

export type ProgressReporter = { onProgress: (event: PullProgress) => void; stop: () => void };

export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
    if (!stream.isTTY) return { onProgress: () => undefined, stop: () => undefined };
    const multibar = new cliProgress.MultiBar(
        {
            stream,
            clearOnComplete: false,
            hideCursor: true,
            format: '{object} |{bar}| {value}/{total} records via {via} · {requests} API requests'
        },
        cliProgress.Presets.shades_classic
    );
    const bars = new Map<string, cliProgress.SingleBar>();
    return {
        onProgress(event) {
            if (event.phase === 'plan' || event.phase === 'skipped') return;
            const payload = {
                object: event.object.padEnd(22),
                via: event.via ?? '-',
                requests: event.requestsUsed
            };
            const total = Math.max(event.total ?? event.records, event.records, 1);
            let bar = bars.get(event.object);
            if (!bar) {
                bar = multibar.create(total, 0, payload);
                bars.set(event.object, bar);
            }
            bar.setTotal(total);
            bar.update(event.records, payload);
        },
        stop() {
            multibar.stop();
        }
    };
}
