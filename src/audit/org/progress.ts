/**
 * Progress of the org pull on stderr (never stdout, which holds only the report), from the first request on:
 * - on a TTY, cli-progress bars: one for planning (describe + COUNT() per object), then one per object pulled;
 * - otherwise (CI logs, pipes) one plain line per `intervalMs` (default a minute) saying what the pull is doing, so a
 *   slow or hung org is visible in a log without flooding it; a pull shorter than that prints nothing.
 */
import cliProgress from 'cli-progress';
import type { PullProgress } from './types.js';

export type ProgressReporter = { onProgress: (event: PullProgress) => void; stop: () => void };

export type ProgressOptions = {
    /** Non-TTY: one line per this many milliseconds (default 60,000). */
    intervalMs?: number;
    now?: () => number;
};

export const PROGRESS_LINE_INTERVAL_MS = 60_000;

function minutes(ms: number): string {
    const m = Math.floor(ms / 60_000);
    const s = Math.floor((ms % 60_000) / 1000);
    return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

/** The plain progress line for the latest event (pure). */
export function progressLine(event: PullProgress | undefined, elapsedMs: number): string {
    const when = `${minutes(elapsedMs)} elapsed`;
    if (!event) return `audit: connecting to the org · ${when}`;
    const requests = `${event.requestsUsed} API request${event.requestsUsed === 1 ? '' : 's'}`;
    if (event.phase === 'plan' || event.phase === 'skipped') {
        const step =
            event.step !== undefined && event.steps !== undefined ? ` (object ${event.step} of ${event.steps})` : '';
        return `audit: planning ${event.object}${step}: describe + COUNT() · ${requests} · ${when}`;
    }
    const total = event.total !== undefined ? `/${event.total.toLocaleString('en-US')}` : '';
    const verb = event.phase === 'done' ? 'pulled' : 'pulling';
    return `audit: ${verb} ${event.object} ${event.records.toLocaleString('en-US')}${total} records via ${event.via ?? '-'} · ${requests} · ${when}`;
}

function lineReporter(stream: NodeJS.WritableStream, options: ProgressOptions): ProgressReporter {
    const now = options.now ?? (() => Date.now());
    const started = now();
    let last: PullProgress | undefined;
    const timer = setInterval(() => {
        stream.write(`${progressLine(last, now() - started)}\n`);
    }, options.intervalMs ?? PROGRESS_LINE_INTERVAL_MS);
    timer.unref();
    return {
        onProgress(event) {
            last = event;
        },
        stop() {
            clearInterval(timer);
        }
    };
}

export function createProgressReporter(
    stream: NodeJS.WriteStream = process.stderr,
    options: ProgressOptions = {}
): ProgressReporter {
    if (!stream.isTTY) return lineReporter(stream, options);
    const multibar = new cliProgress.MultiBar(
        {
            stream,
            clearOnComplete: false,
            hideCursor: true,
            format: '{object} |{bar}| {value}/{total} {unit} via {via} · {requests} API requests'
        },
        cliProgress.Presets.shades_classic
    );
    const bars = new Map<string, cliProgress.SingleBar>();
    let planning: cliProgress.SingleBar | undefined;
    return {
        onProgress(event) {
            if (event.phase === 'plan' || event.phase === 'skipped') {
                const payload = {
                    object: `planning ${event.object}`.padEnd(22),
                    unit: 'objects',
                    via: 'describe + COUNT()',
                    requests: event.requestsUsed
                };
                const steps = Math.max(event.steps ?? 1, 1);
                const done = Math.max((event.step ?? 1) - (event.phase === 'plan' ? 1 : 0), 0);
                planning ??= multibar.create(steps, done, payload);
                planning.setTotal(steps);
                planning.update(done, payload);
                return;
            }
            if (planning) {
                planning.update(planning.getTotal(), {
                    object: 'planned'.padEnd(22),
                    unit: 'objects',
                    via: 'describe + COUNT()',
                    requests: event.requestsUsed
                });
                planning = undefined;
            }
            const payload = {
                object: event.object.padEnd(22),
                unit: 'records',
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
