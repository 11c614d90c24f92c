/**
 * Fitting terminal text into a width: word wrapping with a hanging indent (over-long words such as paths are cut),
 * the width of a line in columns, and "+N more" for lists cut short, so nothing is dropped silently.
 */
export const TERMINAL_WIDTH = 100;

/** Columns a line takes (code points; the report prints no wide or combining characters of its own). */
export function columns(line: string): number {
    return [...line].length;
}

/** Wraps `text` at spaces into lines of at most `width` columns; continuation lines start with `indent`. */
export function wrap(text: string, width = TERMINAL_WIDTH, indent = '    '): string[] {
    const lines: string[] = [];
    const lead = /^ */.exec(text)?.[0] ?? '';
    let line = lead;
    text = text.slice(lead.length);
    const room = (): number => width - columns(line);
    for (const word of text.split(' ')) {
        let rest = word;
        const sep = line.trim() === '' ? '' : ' ';
        if (columns(sep + rest) <= room()) {
            line += sep + rest;
            continue;
        }
        if (line.trim() !== '') {
            lines.push(line);
            line = indent;
        }
        while (columns(rest) > room()) {
            const cut = [...rest].slice(0, room()).join('');
            lines.push(line + cut);
            line = indent;
            rest = [...rest].slice(columns(cut)).join('');
        }
        line += rest;
    }
    if (line.trim() !== '') lines.push(line);
    return lines;
}

/** The first `limit` items and, when some were left out, `+N more <noun>` as a last item. */
export function capped<T>(items: readonly T[], limit: number, render: (item: T) => string, noun: string): string[] {
    const shown = items.slice(0, limit).map(render);
    if (items.length > limit) shown.push(`+${items.length - limit} more ${noun}`);
    return shown;
}

/** Cuts a label to `max` columns with a trailing `…`. */
export function clip(label: string, max: number): string {
    return columns(label) <= max ? label : `${[...label].slice(0, Math.max(1, max - 1)).join('')}…`;
}
