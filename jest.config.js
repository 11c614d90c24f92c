import lwcJest from '@salesforce/sfdx-lwc-jest/config.js';

const { jestConfig } = lwcJest;

// LWC Jest only: node-side code (audit, verify, flow simulator) is tested by Vitest.
export default {
    ...jestConfig,
    roots: ['<rootDir>/force-app'],
    setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv ?? []), '<rootDir>/jest.setup.js'],
    modulePathIgnorePatterns: ['<rootDir>/.localdevserver', '<rootDir>/mdapi-out'],
    // Coverage is measured on the TypeScript sources, never on the committed tsc output.
    collectCoverageFrom: ['force-app/**/lwc/**/*.ts', '!**/__tests__/**', '!**/*.d.ts']
};
