/**
 * The audit's flags, defined once for both front ends: the npm CLI (`attribution-audit`, commander) and the Salesforce
 * CLI plugin (`sf attribution audit`, oclif). Their summaries live in `messages/attribution.audit.md` (the plugin
 * convention), read here with a small parser so `--help` needs no `@salesforce/core`.
 */
import { readFileSync } from 'node:fs';
import { AUDIT_MESSAGES_FILE } from './paths.js';

/** `DEFAULT_REQUEST_TIMEOUT_MS` of the org source (120 s; why: src/audit/org/http.ts), without loading it. */
export const DEFAULT_REQUEST_TIMEOUT_S = 120;

export type FlagDef = {
    /** Long name without dashes (kebab-case). */
    name: string;
    /** Short name (only `-o` for `--target-org`, as in every `sf` command). */
    char?: 'o';
    /** Placeholder of the value; absent for a boolean flag. */
    value?: string;
    default?: string;
    choices?: readonly string[];
};

export const AUDIT_FLAGS: readonly FlagDef[] = [
    { name: 'snapshot', value: 'dir' },
    { name: 'target-org', char: 'o', value: 'alias|username' },
    { name: 'org-from-env' },
    { name: 'save-snapshot', value: 'dir' },
    { name: 'max-api-requests', value: 'n' },
    { name: 'request-timeout', value: 'seconds', default: String(DEFAULT_REQUEST_TIMEOUT_S) },
    { name: 'as-of', value: 'date' },
    { name: 'format', value: 'format', default: 'terminal', choices: ['terminal', 'json', 'csv', 'html'] },
    { name: 'out', value: 'path' },
    { name: 'fail-on', value: 'threshold', default: 'none' },
    { name: 'rules', value: 'file.json' },
    { name: 'governed-lead-sources', value: 'list' },
    { name: 'fixes', value: 'dir' },
    { name: 'baseline', value: 'report.json' },
    { name: 'quiet' }
];

/** The options as both front ends hand them to `runCli` (camelCase of the flag names; values as typed). */
export type RawOptions = {
    snapshot?: string;
    targetOrg?: string;
    orgFromEnv?: boolean;
    saveSnapshot?: string;
    maxApiRequests?: string;
    requestTimeout?: string;
    asOf?: string;
    format: string;
    out?: string;
    failOn: string;
    rules?: string;
    governedLeadSources?: string;
    fixes?: string;
    baseline?: string;
    quiet?: boolean;
};

export const camelCase = (kebab: string): string => kebab.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/** Parses a messages file: `# key` headings, each followed by its text (trimmed). */
export function parseMessages(markdown: string, file = 'messages'): Map<string, string> {
    const messages = new Map<string, string>();
    let key: string | undefined;
    let lines: string[] = [];
    const flush = (): void => {
        if (key !== undefined) messages.set(key, lines.join('\n').trim());
    };
    for (const [i, line] of markdown.split(/\r?\n/).entries()) {
        const heading = /^# (.+)$/.exec(line);
        if (heading) {
            flush();
            key = heading[1]?.trim();
            lines = [];
        } else if (key !== undefined) lines.push(line);
        else if (line.trim() !== '') throw new Error(`${file}: line ${i + 1}: text before the first "# key" heading`);
    }
    flush();
    return messages;
}

let cached: Map<string, string> | undefined;

/** One message of `messages/attribution.audit.md`; a missing key is an error naming the file and key. */
export function auditMessage(key: string): string {
    cached ??= parseMessages(readFileSync(AUDIT_MESSAGES_FILE, 'utf8'), AUDIT_MESSAGES_FILE);
    const text = cached.get(key);
    if (text === undefined || text === '') throw new Error(`${AUDIT_MESSAGES_FILE}: no message "# ${key}"`);
    return text;
}
