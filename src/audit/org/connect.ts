/**
 * `connectToOrg`: a jsforce Connection for the audit, either from `sf org login` credentials (`--target-org`, via
 * @salesforce/core) or, for CI, from `SF_ACCESS_TOKEN` + `SF_INSTANCE_URL` (optional `SF_API_VERSION`).
 * Missing or malformed settings are `UsageError`s (exit 2); a stored login that cannot be used is an `OrgError`
 * (exit 3). Error messages never contain a token.
 */
import { Connection } from '@jsforce/jsforce-node';
import { redact } from './http.js';
import { OrgError, UsageError } from '../errors.js';

export const DEFAULT_API_VERSION = '66.0';

export type ConnectOptions = { targetOrg?: string; env: NodeJS.ProcessEnv; apiVersion?: string };

function apiVersionFrom(opts: ConnectOptions): string {
    const version = opts.apiVersion ?? (opts.env.SF_API_VERSION?.trim() || DEFAULT_API_VERSION);
    if (!/^\d{2,3}\.0$/.test(version)) {
        throw new UsageError(`API version "${version}" is not valid (expected e.g. ${DEFAULT_API_VERSION})`);
    }
    return version;
}

/** The instance URL must be https (plain http only for loopback test servers); returned without a trailing slash. */
export function checkInstanceUrl(raw: string, source: string): string {
    let url: URL;
    try {
        url = new URL(raw.trim());
    } catch {
        throw new UsageError(`${source} is not a URL: "${raw}"`);
    }
    const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
        throw new UsageError(`${source} must be an https URL, got "${url.origin}"`);
    }
    if (url.pathname !== '/' || url.search) {
        throw new UsageError(
            `${source} must be the org's base URL (like https://mydomain.my.salesforce.com), got "${raw}"`
        );
    }
    return url.origin;
}

export async function connectToOrg(opts: ConnectOptions): Promise<Connection> {
    const version = apiVersionFrom(opts);
    const { env } = opts;
    if (opts.targetOrg !== undefined) {
        const target = opts.targetOrg.trim();
        if (!target) throw new UsageError('--target-org needs an alias or username');
        try {
            // AuthInfo + Connection.create (what Org.create does inside) with the API version given, so that connecting
            // sends no request of its own (Org.create would look up the latest version and query Organization)
            const { AuthInfo, Connection: CoreConnection, StateAggregator } = await import('@salesforce/core');
            const username = (await StateAggregator.getInstance()).aliases.resolveUsername(target);
            const authInfo = await AuthInfo.create({ username });
            const conn = await CoreConnection.create({ authInfo, connectionOptions: { version } });
            if (!conn.accessToken) throw new Error('the stored authorization has no access token');
            return conn;
        } catch (err) {
            if (err instanceof OrgError || err instanceof UsageError) throw err;
            const message = err instanceof Error ? err.message : String(err);
            const name = err instanceof Error && err.name !== 'Error' ? `${err.name}: ` : '';
            throw new OrgError(
                redact(
                    `--target-org "${target}": cannot use the stored login (${name}${message}); ` +
                        `run \`sf org login web --alias ${target}\` and retry`,
                    [env.SF_ACCESS_TOKEN]
                )
            );
        }
    }
    const token = env.SF_ACCESS_TOKEN?.trim();
    const instance = env.SF_INSTANCE_URL?.trim();
    if (token && instance) {
        const instanceUrl = checkInstanceUrl(instance, 'SF_INSTANCE_URL');
        return new Connection({ instanceUrl, accessToken: token, version });
    }
    if (token || instance) {
        throw new UsageError(
            `${token ? 'SF_INSTANCE_URL' : 'SF_ACCESS_TOKEN'} is not set; the environment login needs both SF_ACCESS_TOKEN and SF_INSTANCE_URL`
        );
    }
    throw new UsageError(
        'no org to read: pass --target-org <alias|username> (an `sf org login`) or set SF_ACCESS_TOKEN and SF_INSTANCE_URL'
    );
}
