const { swcConfig, jestModuleNameMapper } = require('./swc.config');

const swc = swcConfig();
// Jest resolves aliases itself; swc must not rewrite them to dist-relative paths here.
delete swc.jsc.paths;
delete swc.jsc.baseUrl;

// Nest 12, jose, commander and nock 15 (with its interceptor dependencies) ship ES modules only. Node runs them from CommonJS itself, but Jest
// loads them through its own module system, which needs Node >= 24.9 and --experimental-vm-modules for
// that; compiling these packages to CommonJS as well keeps `jest` working on any supported Node.
const esmOnlyPackages = ['@nestjs', 'jose', 'commander', 'nock', '@mswjs', '@open-draft', 'rettime'];

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    '^.+\\.m?js$': ['@swc/jest', { ...swc, swcrc: false, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } }],
  },
  transformIgnorePatterns: [`/node_modules/(?!(${esmOnlyPackages.join('|')})/)`],
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: jestModuleNameMapper(),
  setupFiles: ['reflect-metadata'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.cache/'],
};
