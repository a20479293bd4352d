// One swc configuration for the build and for Jest: .swcrc plus the path aliases of tsconfig.base.json,
// so that tsconfig.base.json stays the only place where @supply-hub/* aliases are declared.
const fs = require('node:fs');
const path = require('node:path');

function readJsonWithComments(file) {
  const text = fs.readFileSync(file, 'utf8').replace(/^\s*\/\/.*$/gm, '');
  return JSON.parse(text);
}

function swcConfig() {
  const root = __dirname;
  const swcrc = readJsonWithComments(path.join(root, '.swcrc'));
  const tsconfig = readJsonWithComments(path.join(root, 'tsconfig.base.json'));
  delete swcrc.$schema;
  swcrc.jsc.baseUrl = root;
  swcrc.jsc.paths = tsconfig.compilerOptions.paths;
  return swcrc;
}

function jestModuleNameMapper() {
  const tsconfig = readJsonWithComments(path.join(__dirname, 'tsconfig.base.json'));
  const mapper = {};
  for (const [alias, [target]] of Object.entries(tsconfig.compilerOptions.paths)) {
    mapper[`^${alias.replace(/[/\-]/g, (c) => `\\${c}`)}$`] = `<rootDir>/${target}`;
  }
  return mapper;
}

module.exports = { swcConfig, jestModuleNameMapper };
