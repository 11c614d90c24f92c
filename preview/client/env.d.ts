// Modules the preview build provides (see preview/build.ts and preview/plugins.ts).
declare module 'preview:components' {
    const components: {
        name: string;
        masterLabel: string;
        objects: string[];
        /** Set for a screen quick action: opened from the header in a modal. */
        action: { label: string } | null;
        ctor: unknown;
    }[];
    export default components;
}
declare module 'lwc' {
    export function createElement(tag: string, options: { is: unknown }): HTMLElement;
}
declare module '@lwc/synthetic-shadow';
