/**
 * Number formatting shared by the report renderers.
 */
export function pct(value: number | null | undefined, digits = 1): string {
    if (value === null || value === undefined || !Number.isFinite(value)) return '–';
    return `${(value * 100).toFixed(digits)}%`;
}

export function int(value: number): string {
    return value.toLocaleString('en-US');
}

export function money(value: number): string {
    return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
}
