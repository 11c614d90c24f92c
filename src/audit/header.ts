/**
 * Reading and checking a snapshot CSV's header row before DuckDB sees the file: encoding (UTF-16 and binary files
 * are refused with a hint, never echoed), duplicate columns (ambiguous: which one is the field?) and a hint when the
 * file is `;`- or tab-delimited (Excel in many locales) instead of comma-separated.
 */
import { open } from 'node:fs/promises';
import { InputError } from './errors.js';

const HEADER_CHUNK = 64 * 1024;
/** Header bytes read at most: a header longer than this is not one. */
const MAX_HEADER_BYTES = 1024 * 1024;

/** Splits one CSV header line into names (quoted names, doubled quotes). */
export function parseHeaderLine(line: string): string[] {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const ch = line[i];
        if (quoted) {
            if (ch === '"' && line[i + 1] === '"') {
                cur += '"';
                i++;
            } else if (ch === '"') quoted = false;
            else cur += ch;
        } else if (ch === '"') quoted = true;
        else if (ch === ',') {
            out.push(cur.trim());
            cur = '';
        } else cur += ch;
    }
    out.push(cur.trim());
    return out;
}

/** Text safe to print: control characters, invalid UTF-8 (U+FFFD) and other non-printables shown as `\xNN`/`\u{…}`. */
export function printable(text: string, max = 200): string {
    let out = '';
    for (const ch of text) {
        const cp = ch.codePointAt(0) ?? 0;
        const unsafe = cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp === 0xfffd || (cp >= 0xd800 && cp <= 0xdfff);
        out += unsafe ? (cp < 0x100 ? `\\x${cp.toString(16).padStart(2, '0')}` : `\\u{${cp.toString(16)}}`) : ch;
        if (out.length >= max) return `${out.slice(0, max)}…`;
    }
    return out;
}

/** Why the first bytes of a file are not UTF-8 CSV text, or `undefined` when they may be. */
export function encodingProblem(bytes: Buffer): string | undefined {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16 little-endian (byte order mark FF FE)';
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16 big-endian (byte order mark FE FF)';
    const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
    let nulEven = 0;
    let nulOdd = 0;
    let control = 0;
    sample.forEach((b, i) => {
        if (b === 0) {
            if (i % 2 === 0) nulEven++;
            else nulOdd++;
        } else if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
    });
    const half = sample.length / 2;
    // UTF-16 text without a byte order mark: every other byte of ASCII text is NUL
    if (half >= 4 && (nulOdd > half * 0.8 || nulEven > half * 0.8))
        return `UTF-16 ${nulOdd > nulEven ? 'little' : 'big'}-endian without a byte order mark`;
    if (nulEven + nulOdd + control > 0) return 'binary';
    return undefined;
}

function encodingError(file: string, problem: string): InputError {
    if (problem === 'binary') {
        return new InputError(
            `${file}: line 1: not a text CSV file (binary content: control or NUL bytes); a snapshot holds CSV exports ` +
                `(Bulk API 2.0, Data Loader, \`sf data query --result-format csv\`), not spreadsheets or archives`
        );
    }
    return new InputError(
        `${file}: line 1: the file is encoded as ${problem}; the audit reads UTF-8: re-save it as "CSV UTF-8" ` +
            '(Excel) or convert it with `iconv -f UTF-16 -t UTF-8`'
    );
}

/** Reads the header row of a CSV (UTF-8 BOM stripped), refusing UTF-16 and binary files. */
export async function readHeader(file: string): Promise<string[]> {
    const handle = await open(file, 'r');
    try {
        const chunks: Buffer[] = [];
        let position = 0;
        for (;;) {
            const buf = Buffer.alloc(HEADER_CHUNK);
            const { bytesRead } = await handle.read(buf, 0, HEADER_CHUNK, position);
            const chunk = buf.subarray(0, bytesRead);
            if (position === 0) {
                const problem = encodingProblem(chunk);
                if (problem) throw encodingError(file, problem);
            }
            position += bytesRead;
            const nl = chunk.indexOf(0x0a);
            chunks.push(nl >= 0 ? chunk.subarray(0, nl) : chunk);
            if (nl >= 0 || bytesRead < HEADER_CHUNK) break;
            if (position >= MAX_HEADER_BYTES) {
                throw new InputError(`${file}: line 1: no end of the header row in the first 1 MiB; is this a CSV?`);
            }
        }
        const text = Buffer.concat(chunks)
            .toString('utf8')
            .replace(/\r$/, '')
            .replace(/^\uFEFF/, '');
        if (text.trim() === '')
            throw new InputError(`${file}: line 1: empty file, expected a header row of API field names`);
        const header = parseHeaderLine(text);
        const unsafe = header.find((h) => printable(h) !== h);
        if (unsafe !== undefined) {
            throw new InputError(
                `${file}: line 1: column name "${printable(unsafe, 60)}" holds control characters or bytes that are not ` +
                    'UTF-8; re-save the export as UTF-8 CSV'
            );
        }
        return header;
    } finally {
        await handle.close();
    }
}

/** Refuses a header that names a column twice (compared case-insensitively, as the columns are mapped). */
export function assertUniqueColumns(file: string, header: readonly string[]): void {
    const seen = new Map<string, number>();
    header.forEach((name, i) => {
        const key = name.toLowerCase();
        if (key === '') return;
        const first = seen.get(key);
        if (first !== undefined) {
            throw new InputError(
                `${file}: line 1: duplicate column "${name}" (columns ${first + 1} and ${i + 1}); keep one and re-run`
            );
        }
        seen.set(key, i);
    });
}

/** A hint for a header that did not split on commas: which other delimiter it seems to use. */
export function delimiterHint(header: readonly string[]): string {
    if (header.length > 2) return '';
    const line = header.join(',');
    for (const [delim, name] of [
        [';', "delimiter ';'"],
        ['\t', 'delimiter tab'],
        ['|', "delimiter '|'"]
    ] as const) {
        if (line.split(delim).length > 2) {
            return `; the file looks ${name}-separated (${name}, as Excel writes in some locales): the audit reads comma-separated files, re-export or re-save it with ',' as the delimiter`;
        }
    }
    return '';
}
