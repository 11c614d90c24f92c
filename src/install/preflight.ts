/**
 * The checks `npm run org:setup` makes before scripts/org-init.sh runs, and `npm run org:delete`'s answer, from
 * `sf … --json` output (shapes: plugin-org `org display` result.username; plugin-settings `config get` result
 * [{ name, value, location, success }]; plugin-org `org delete scratch` result { orgId, username }; a failed command
 * prints { status: 1, name, message }). Pure: JSON text in, verdicts and lines out.
 */
import { z } from 'zod';

const failure = z.object({ status: z.number(), name: z.string().optional(), message: z.string() });

function parse(json: string, what: string): unknown {
    try {
        return JSON.parse(json);
    } catch {
        throw new Error(`${what}: the CLI did not answer JSON: ${json.trim().slice(0, 200) || '(nothing)'}`);
    }
}

/** What the CLI said when a `--json` command failed ("Name: message"), undefined when it succeeded. */
export function cliError(json: string, what: string): string | undefined {
    const raw = parse(json, what);
    const f = failure.safeParse(raw);
    return f.success && f.data.status !== 0 ? `${f.data.name ? `${f.data.name}: ` : ''}${f.data.message}` : undefined;
}

/** `sf org display --target-org <alias> --json`: the username of a logged-in org, undefined when there is none. */
export function displayedUsername(json: string, what: string): string | undefined {
    if (cliError(json, what) !== undefined) return undefined;
    const ok = z.object({ result: z.object({ username: z.string().min(1) }) }).safeParse(parse(json, what));
    if (!ok.success) throw new Error(`${what}: no result.username in the answer`);
    return ok.data.result.username;
}

/** `sf config get target-dev-hub --json`: the configured Dev Hub (alias or username), undefined when unset. */
export function configuredDevHub(json: string, what: string): string | undefined {
    const said = cliError(json, what);
    if (said !== undefined) throw new Error(`${what}: ${said}`);
    const ok = z
        .object({ result: z.array(z.object({ name: z.string(), value: z.string().nullable().optional() })) })
        .safeParse(parse(json, what));
    if (!ok.success) throw new Error(`${what}: no result list in the answer`);
    const value = ok.data.result.find((r) => r.name === 'target-dev-hub')?.value;
    return value ? value : undefined;
}

export const LOGIN_HINT = 'sf org login web --set-default-dev-hub --alias devhub';

export const noDevHub = (): string =>
    `org:setup: no Dev Hub is set, so no scratch org can be created: log in to one with \`${LOGIN_HINT}\`, then run the command again.`;

export const devHubNotLoggedIn = (hub: string, said: string): string =>
    `org:setup: the Dev Hub "${hub}" is not logged in (sf: ${said}): log in with \`sf org login web --set-default-dev-hub --alias ${hub}\`, then run the command again.`;

/** What to open once the org is ready. */
export function readyLines(alias: string, withData: boolean): string[] {
    return [
        `Ready. Open the org: sf org open --target-org ${alias}`,
        `  a Lead record page (rep view):       sf org open --target-org ${alias} --path /lightning/o/Lead/list`,
        `  an Opportunity (contact-role gate):  sf org open --target-org ${alias} --path /lightning/o/Opportunity/list`,
        `  the Attribution Rules record:        sf org open --target-org ${alias} --path /lightning/setup/CustomMetadata/home`,
        withData
            ? `Audit the sample data in the org:     npm run audit -- --target-org ${alias}`
            : `Audit the org:                        npm run audit -- --target-org ${alias}`,
        `Delete the scratch org when done:     npm run org:delete -- --alias ${alias}`
    ];
}

export type DeleteVerdict = { code: 0 | 1; message: string };

/** `sf org delete scratch --target-org <alias> --no-prompt --json`: deleted, already gone (safe to re-run), or failed. */
export function deleteVerdict(json: string, alias: string): DeleteVerdict {
    const what = `sf org delete scratch --target-org ${alias}`;
    const said = cliError(json, what);
    if (said === undefined) {
        const ok = z.object({ result: z.object({ username: z.string() }) }).safeParse(parse(json, what));
        return { code: 0, message: `org:delete: deleted scratch org ${ok.success ? ok.data.result.username : alias}` };
    }
    if (/NamedOrgNotFound|No authorization information found|unknownScratch|Unable to find a scratch org/i.test(said))
        return { code: 0, message: `org:delete: no scratch org "${alias}" to delete (sf: ${said})` };
    return { code: 1, message: `org:delete: could not delete "${alias}" (sf: ${said})` };
}
