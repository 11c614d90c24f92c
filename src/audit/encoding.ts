/**
 * Finds the first byte sequence that is not valid UTF-8 in a file, with its 1-based line: Data Export and Excel can
 * write Windows-1252, which DuckDB cannot read as UTF-8. Only used on the error path, so a plain byte scan is enough.
 */
import { createReadStream } from 'node:fs';

export type Utf8Problem = { line: number; byte: number; offset: number };

/** Length of the UTF-8 sequence a lead byte starts (0 when it cannot start one). */
function sequenceLength(b: number): number {
    if (b < 0x80) return 1;
    if (b >= 0xc2 && b <= 0xdf) return 2;
    if (b >= 0xe0 && b <= 0xef) return 3;
    if (b >= 0xf0 && b <= 0xf4) return 4;
    return 0;
}

export async function findInvalidUtf8(file: string): Promise<Utf8Problem | undefined> {
    let line = 1;
    let offset = 0;
    let pending = 0; // continuation bytes still expected
    let leadLine = 1;
    let leadOffset = 0;
    let leadByte = 0;
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
        for (let i = 0; i < chunk.length; i++, offset++) {
            const b = chunk[i] as number;
            if (pending > 0) {
                if ((b & 0xc0) !== 0x80) return { line: leadLine, byte: leadByte, offset: leadOffset };
                pending--;
                continue;
            }
            if (b === 0x0a) line++;
            const len = sequenceLength(b);
            if (len === 0) return { line, byte: b, offset };
            if (len > 1) {
                pending = len - 1;
                leadLine = line;
                leadOffset = offset;
                leadByte = b;
            }
        }
    }
    return pending > 0 ? { line: leadLine, byte: leadByte, offset: leadOffset } : undefined;
}
