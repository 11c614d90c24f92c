/**
 * Derives the scratch-org sample data from the bundled snapshot (data/sample-snapshot, the one source): the
 * `sf data import tree` plan and files here, and scripts/apex/convert-sample-leads.apex for the Leads the snapshot
 * marks as converted. Run `npx tsx data/tree/generate.ts` after regenerating the snapshot;
 * test/install/sample-data.test.ts fails when the committed files differ from what this writes.
 */
import { buildFromSnapshot, writeSample } from '../../src/install/sample-data/files.js';

const root = new URL('../..', import.meta.url).pathname;
const written = writeSample(root, await buildFromSnapshot(root));
console.log(`sample data: wrote ${written.length} files (${written.join(', ')})`);
