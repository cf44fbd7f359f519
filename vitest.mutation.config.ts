import { defineConfig } from 'vitest/config';

// Mutation testing counts unit tests only: the black-box tests run the built bundle, which a
// mutant of src/ never reaches, so including them would only cost time.
export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Stryker's vitest runner runs tests in worker threads, where process.umask() cannot be set:
    // that one test runs in the normal suite (forks) only.
    testNamePattern: /^(?!.*whatever the umask)/,
  },
});
