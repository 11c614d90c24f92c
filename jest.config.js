import lwcJest from '@salesforce/sfdx-lwc-jest/config.js';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeLabelModules } from './jest.labels.js';

const { jestConfig } = lwcJest;
const labelDir = writeLabelModules(dirname(fileURLToPath(import.meta.url)));

// LWC Jest only: node-side code (audit, verify, flow simulator) is tested by Vitest.
export default {
    ...jestConfig,
    roots: ['<rootDir>/force-app'],
    // Only *.test.* files are tests: a test kit (shared set-up) may sit next to them in __tests__.
    testMatch: ['**/__tests__/**/*.test.[jt]s'],
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/jest.setup.js'],
    moduleNameMapper: { ...jestConfig.moduleNameMapper, '^@salesforce/label/c\\.(.+)$': `${labelDir}/$1.js` },
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/mdapi-out'],
    // Coverage is measured on the TypeScript sources, never on the committed tsc output.
    collectCoverageFrom: ['force-app/**/lwc/**/*.ts', '!**/__tests__/**', '!**/*.d.ts']
};
