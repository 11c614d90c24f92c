/** The part of formulon's API the gate uses (the package ships no type declarations). */
declare module 'formulon' {
    export interface FormulonNode {
        type: 'callExpression' | 'identifier' | 'literal' | 'error';
        id?: string;
        name?: string;
        value?: unknown;
        dataType?: string;
        arguments?: FormulonNode[];
        errorType?: string;
        message?: string;
    }
    export function ast(formula: string): FormulonNode;
    export function extract(formula: string): string[];
}
