// Integration specs: against the real local Kafka broker and FerretDB (scripts/infra up), one at a time.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'integration',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/e2e/**/*.e2e-spec.ts', '<rootDir>/libs/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/libs/shared/testing/src/global-setup.js',
  testTimeout: 120000,
};
