/** HTML escaping shared by the HTML report's sections. */
export function esc(value: unknown): string {
    return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
