import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSnapshot } from '../../src/audit/load.js';
import { connectToOrg } from '../../src/audit/org/connect.js';
import { pullOrgSnapshot } from '../../src/audit/org/pull.js';
import { MACROS } from '../../src/audit/sql.js';
import { mockOrg, TOKEN } from './fixtures.js';
import { startMockServer, type MockServer } from './mock-server.js';

let server: MockServer | undefined;
let work: string | undefined;

afterEach(async () => {
    await server?.close();
    server = undefined;
    if (work) await rm(work, { recursive: true, force: true });
});

describe('a pulled snapshot is read by the audit loader like an export', () => {
    it('loads every object, REST and Bulk alike, with no unparsed values', async () => {
        server = await startMockServer({ objects: mockOrg({ leads: 10_500, opportunityHistory: true }), token: TOKEN });
        work = await mkdtemp(join(tmpdir(), 'audit-org-compat-'));
        const conn = await connectToOrg({ env: { SF_ACCESS_TOKEN: TOKEN, SF_INSTANCE_URL: server.url } });
        const pulled = await pullOrgSnapshot(conn, { outDir: join(work, 'snap'), pollIntervalMs: 2 });
        expect(pulled.objects.Lead?.via).toBe('bulk2');

        const db = await (await DuckDBInstance.create(':memory:')).connect();
        for (const macro of MACROS) await db.run(macro);
        const loaded = await loadSnapshot(db, pulled.dir);
        expect(loaded.warnings).toEqual([]);
        for (const [name, o] of Object.entries(pulled.objects)) {
            expect(loaded.objects[name as keyof typeof loaded.objects]?.rows, name).toBe(o.records);
            expect(loaded.objects[name as keyof typeof loaded.objects]?.missing, name).toEqual(o.missingFields);
        }
        // values survive: converted leads, booleans, REST-style datetimes, quoted commas and newlines
        const rows = await db.runAndReadAll(
            `SELECT count(*) FILTER (WHERE "IsConverted") AS converted,
                    count(*) FILTER (WHERE "CreatedDate" IS NULL) AS no_created,
                    count(*) FILTER (WHERE "UTM_Content__c" = 'line one' || chr(10) || 'line two') AS multiline,
                    count(*) FILTER (WHERE "UTM_Campaign__c" LIKE 'spring, "launch" %') AS quoted
             FROM lead`
        );
        expect(rows.getRowObjectsJS()[0]).toEqual({
            converted: 3_500n,
            no_created: 0n,
            multiline: 1_050n,
            quoted: 10_500n
        });
        db.closeSync();
    });
});
