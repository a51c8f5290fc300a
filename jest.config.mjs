// Three projects: fast unit/emulator tests, bundle tests (need dist/), browser tests (need chromium).
// TZ is UTC on purpose: Pokke must decide dates in Asia/Tokyo itself, never through the runtime's zone.
process.env.TZ = 'UTC';

const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' } }];
const common = { transform: { '^.+\\.(t|j)sx?$': swc }, testEnvironment: 'node' };

export default {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [
        '<rootDir>/test/{core,emulator,sheets,features,ui,build,playground}/**/*.test.ts',
      ],
    },
    { ...common, displayName: 'bundle', testMatch: ['<rootDir>/test/bundle/**/*.test.ts'] },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
    },
  ],
  // Browser tests start Chromium; a per-project testTimeout is ignored with projects.
  testTimeout: 60000,
  // Jest's default (cores − 1) runs the suite on one worker on a 2-core machine, while the
  // parent process mostly waits: two workers finish the kill sweeps in about half the time.
  maxWorkers: 2,
};
