import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
        exclude: ['node_modules/**', 'force-app/**', 'demo-org/**'],
        environment: 'node',
        testTimeout: 60_000,
        hookTimeout: 60_000,
        pool: 'forks'
    }
});
