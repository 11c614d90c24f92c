/**
 * Where the project's own files are, from the running module: `src/audit/` under tsx, `dist/audit/` when compiled,
 * `node_modules/attribution-guardrails/dist/audit/` when installed. Both layouts sit two levels below the root.
 * No imports beyond node: the CLI's `--help` loads this and nothing heavy.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The project (or installed package) root: two levels above src/audit or dist/audit. */
export const PROJECT_DIR = path.resolve(here, '..', '..');
/** The bundled sample snapshot the audit reads by default. */
export const DEFAULT_SNAPSHOT = path.join(PROJECT_DIR, 'data', 'sample-snapshot');
/** The messages of the audit command (flag summaries), shared by the npm CLI and the `sf` plugin. */
export const AUDIT_MESSAGES_FILE = path.join(PROJECT_DIR, 'messages', 'attribution.audit.md');
