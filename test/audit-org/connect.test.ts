import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectToOrg } from '../../src/audit/org/connect.js';
import { OrgError, UsageError } from '../../src/audit/errors.js';
import { pullOrgSnapshot } from '../../src/audit/org/pull.js';
import { mockOrg, TOKEN } from './fixtures.js';
import { startMockServer, type MockServer } from './mock-server.js';

/** Missing or malformed settings: exit code 2. */
async function usageError(promise: Promise<unknown>): Promise<UsageError> {
    const err = await promise.then(
        () => undefined,
        (e: unknown) => e
    );
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(2);
    return err as UsageError;
}

async function orgError(promise: Promise<unknown>): Promise<OrgError> {
    const err = await promise.then(
        () => undefined,
        (e: unknown) => e
    );
    expect(err).toBeInstanceOf(OrgError);
    return err as OrgError;
}

describe('connectToOrg from the environment (CI)', () => {
    it('builds a jsforce connection on API 66.0 without sending a request', async () => {
        const conn = await connectToOrg({
            env: { SF_ACCESS_TOKEN: TOKEN, SF_INSTANCE_URL: 'https://acme.my.salesforce.com/' }
        });
        expect(conn.instanceUrl).toBe('https://acme.my.salesforce.com');
        expect(conn.version).toBe('66.0');
        expect(conn.accessToken).toBe(TOKEN);
    });

    it('honours SF_API_VERSION and an explicit apiVersion, and rejects a malformed one', async () => {
        const env = {
            SF_ACCESS_TOKEN: TOKEN,
            SF_INSTANCE_URL: 'https://acme.my.salesforce.com',
            SF_API_VERSION: '64.0'
        };
        expect((await connectToOrg({ env })).version).toBe('64.0');
        expect((await connectToOrg({ env, apiVersion: '65.0' })).version).toBe('65.0');
        const err = await usageError(connectToOrg({ env: { ...env, SF_API_VERSION: 'v66' } }));
        expect(err.message).toMatch(/API version "v66" is not valid/);
    });

    it('names the missing variable (a usage error, exit 2), and never echoes the token', async () => {
        const err = await usageError(connectToOrg({ env: { SF_ACCESS_TOKEN: TOKEN } }));
        expect(err.message).toMatch(/SF_INSTANCE_URL is not set/);
        expect(err.message).not.toContain(TOKEN);
        const none = await usageError(connectToOrg({ env: {} }));
        expect(none.message).toMatch(/--target-org <alias\|username>.*SF_ACCESS_TOKEN and SF_INSTANCE_URL/);
    });

    it('refuses plain http except on loopback, and URLs with a path', async () => {
        const env = { SF_ACCESS_TOKEN: TOKEN };
        const http = await usageError(
            connectToOrg({ env: { ...env, SF_INSTANCE_URL: 'http://acme.my.salesforce.com' } })
        );
        expect(http.message).toMatch(/must be an https URL/);
        const path = await usageError(
            connectToOrg({ env: { ...env, SF_INSTANCE_URL: 'https://acme.my.salesforce.com/services/data' } })
        );
        expect(path.message).toMatch(/must be the org's base URL/);
        const loop = await connectToOrg({ env: { ...env, SF_INSTANCE_URL: 'http://127.0.0.1:1234' } });
        expect(loop.instanceUrl).toBe('http://127.0.0.1:1234');
    });
});

describe('connectToOrg --target-org via @salesforce/core (stored login in a temp HOME)', () => {
    const saved = { HOME: process.env.HOME, keychain: process.env.SF_USE_GENERIC_UNIX_KEYCHAIN };
    let home: string;
    let server: MockServer;

    beforeAll(async () => {
        home = await mkdtemp(join(tmpdir(), 'audit-org-home-'));
        process.env.HOME = home;
        process.env.SF_USE_GENERIC_UNIX_KEYCHAIN = 'true';
        process.env.SF_DISABLE_TELEMETRY = 'true';
        server = await startMockServer({
            objects: mockOrg({ leads: 30 }),
            token: TOKEN,
            // what `sf org login access-token` asks the org while storing the login
            extraJson: {
                '/services/oauth2/userinfo': {
                    user_id: '005000000000001AAA',
                    organization_id: '00D000000000001EAA',
                    preferred_username: 'audit@example.invalid'
                },
                '/services/data/v51.0/sobjects/User/005000000000001AAA': {
                    Id: '005000000000001AAA',
                    Username: 'audit@example.invalid'
                }
            }
        });
        const { AuthInfo } = await import('@salesforce/core');
        const auth = await AuthInfo.create({
            username: 'audit@example.invalid',
            accessTokenOptions: { accessToken: TOKEN, instanceUrl: server.url, loginUrl: server.url }
        });
        await auth.save();
        await auth.setAlias('mockorg');
    });

    afterAll(async () => {
        await server.close();
        process.env.HOME = saved.HOME;
        if (saved.keychain === undefined) delete process.env.SF_USE_GENERIC_UNIX_KEYCHAIN;
        else process.env.SF_USE_GENERIC_UNIX_KEYCHAIN = saved.keychain;
        await rm(home, { recursive: true, force: true });
    });

    it('reuses the stored login by alias and pulls through it', async () => {
        expect(await readdir(join(home, '.sfdx'))).toContain('audit@example.invalid.json');
        const beforeConnect = server.requests.length;
        const conn = await connectToOrg({ targetOrg: 'mockorg', env: {} });
        // connecting sends nothing: every request of the run is the pull's, inside its budget
        expect(server.requests.length).toBe(beforeConnect);
        expect(conn.instanceUrl).toBe(server.url);
        expect(conn.version).toBe('66.0');
        const before = server.requests.length;
        const result = await pullOrgSnapshot(conn, { outDir: join(home, 'snap'), pollIntervalMs: 2 });
        expect(result.objects.Lead?.records).toBe(30);
        expect(result.requestsUsed).toBe(server.requests.length - before);
        expect(server.violations).toEqual([]);
    });

    it('reuses the stored login by username too', async () => {
        const conn = await connectToOrg({ targetOrg: 'audit@example.invalid', env: {} });
        const { Connection: CoreConnection } = await import('@salesforce/core');
        expect(conn).toBeInstanceOf(CoreConnection);
        expect((conn as InstanceType<typeof CoreConnection>).getUsername()).toBe('audit@example.invalid');
        expect(conn.instanceUrl).toBe(server.url);
    });

    it('explains an unknown alias without leaking a token', async () => {
        const err = await orgError(connectToOrg({ targetOrg: 'nosuchorg', env: { SF_ACCESS_TOKEN: TOKEN } }));
        expect(err.message).toMatch(/--target-org "nosuchorg": cannot use the stored login/);
        expect(err.message).toMatch(/sf org login web --alias nosuchorg/);
        expect(err.message).not.toContain(TOKEN);
    });
});
