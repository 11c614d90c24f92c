// Custom Labels for LWC Jest: sfdx-lwc-jest resolves `@salesforce/label/c.Name` to the string "c.Name" unless the
// module exists. This writes one CommonJS module per label of CustomLabels.labels-meta.xml (into the OS temp
// directory, never the project), so tests see the English text a rep reads and a label missing from the file
// falls back to "c.Name", which every text assertion catches.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';

export function writeLabelModules(rootDir) {
    const file = join(rootDir, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
    const parsed = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'labels' }).parse(
        readFileSync(file, 'utf8')
    );
    const labels = parsed?.CustomLabels?.labels ?? [];
    const dir = join(tmpdir(), `attribution-labels-${createHash('sha1').update(rootDir).digest('hex').slice(0, 12)}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    for (const label of labels) {
        if (typeof label.fullName !== 'string' || typeof label.value !== 'string') {
            throw new Error(`${file}: every <labels> needs a <fullName> and a <value>`);
        }
        writeFileSync(
            join(dir, `${label.fullName}.js`),
            `module.exports = { default: ${JSON.stringify(label.value)} };\n`
        );
    }
    return dir;
}
