// Unit specs: next to the code, no infrastructure, fast.
module.exports = {
  ...require('./jest.preset'),
  displayName: 'unit',
  testMatch: ['<rootDir>/{apps,libs,tools}/**/src/**/*.spec.ts'],
};
