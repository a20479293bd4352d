const { swcConfig, jestModuleNameMapper } = require('./swc.config');

const swc = swcConfig();
// Jest resolves aliases itself; swc must not rewrite them to dist-relative paths here.
delete swc.jsc.paths;
delete swc.jsc.baseUrl;

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: jestModuleNameMapper(),
  setupFiles: ['reflect-metadata'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
};
