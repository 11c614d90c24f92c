import { defineConfig } from 'eslint/config';
import lwcConfig from '@salesforce/eslint-config-lwc/recommended-ts.js';
import tseslint from 'typescript-eslint';
import jestPlugin from 'eslint-plugin-jest';
import globals from 'globals';

export default defineConfig([
    {
        ignores: [
            '**/node_modules/**',
            '.sf/**',
            '.sfdx/**',
            'coverage/**',
            'mdapi-out/**',
            'reports/**',
            'bench/out/**',
            'dist/**',
            '.preview-cache/**',
            // committed tsc output of the TypeScript LWCs (checked for equality with tsc by the metadata gate)
            'force-app/**/lwc/**/*.js',
            'test/fixtures/**'
        ]
    },
    {
        files: ['**/lwc/**/*.ts'],
        extends: [lwcConfig, ...tseslint.configs.recommended],
        languageOptions: {
            parser: tseslint.parser,
            parserOptions: { ecmaVersion: 'latest', sourceType: 'module' }
        },
        rules: {
            'no-undef': 'off',
            'no-unused-vars': 'off',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }]
        }
    },
    {
        files: ['**/lwc/**/__tests__/**/*.ts'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        rules: {
            '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off',
            '@typescript-eslint/no-non-null-assertion': 'off'
        }
    },
    {
        files: [
            'src/**/*.ts',
            'test/**/*.ts',
            'bench/**/*.ts',
            'scripts/**/*.ts',
            'preview/**/*.ts',
            '*.config.ts',
            '*.config.js'
        ],
        extends: [...tseslint.configs.recommended],
        languageOptions: { globals: { ...globals.node } },
        rules: {
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
        }
    },
    {
        // the preview's browser code (bundled by preview/build.ts)
        files: ['preview/client/**/*.ts'],
        languageOptions: { globals: { ...globals.browser } }
    }
]);
