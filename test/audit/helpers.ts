/**
 * Test helpers: hand-built snapshots in temp directories and an audit runner with fixed rules and date.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_GOVERNED_LEAD_SOURCES, DEFAULT_RULES, type RulesConfig } from '../../src/audit/config.js';
import { runAudit, type AuditReport } from '../../src/audit/engine.js';
import type { CheckResult } from '../../src/audit/checks/index.js';

/** Writes `<Object>.csv` files (name → content) into a fresh temp directory. */
export function makeSnapshot(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'audit-test-'));
    for (const [name, content] of Object.entries(files))
        writeFileSync(path.join(dir, name.endsWith('.csv') ? name : `${name}.csv`), content);
    return dir;
}

/** Builds CSV text from a header and rows (values quoted when needed). */
export function csv(header: string[], rows: (string | number | boolean | null)[][], eol = '\n'): string {
    const q = (v: string | number | boolean | null): string => {
        const s = v === null ? '' : String(v);
        return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
    };
    return [header, ...rows].map((r) => r.map(q).join(',')).join(eol) + eol;
}

export const AS_OF = new Date('2026-11-22T00:00:00Z');

export async function audit(dir: string, rules: Partial<RulesConfig> = {}): Promise<AuditReport> {
    return runAudit({
        snapshotDir: dir,
        rules: { ...structuredClone(DEFAULT_RULES), ...rules } as RulesConfig,
        asOf: AS_OF,
        governedLeadSources: [...DEFAULT_GOVERNED_LEAD_SOURCES]
    });
}

export function check(report: AuditReport, id: string): CheckResult {
    const found = report.checks.find((c) => c.id === id);
    if (!found) throw new Error(`no check ${id}`);
    return found;
}
