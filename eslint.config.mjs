import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';

// Domain code, contracts and utilities stay free of frameworks and I/O clients: they are tested without
// starting anything and can move between services.
const frameworkImports = ['@nestjs/*', 'mongoose', 'mongodb', 'axios', 'kafkajs', 'express', 'opossum'];

export default tseslint.config(
  { ignores: ['**/node_modules', '**/dist', '**/.cache', '**/.nx', '**/coverage', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  { plugins: { '@nx': nx } },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          banTransitiveDependencies: false,
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:application', 'type:data-access', 'type:domain', 'type:infra', 'type:contracts', 'type:config', 'type:util', 'type:testing'] },
            { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:domain', 'type:data-access', 'type:infra', 'type:contracts', 'type:config', 'type:util', 'type:testing'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:infra', 'type:contracts', 'type:util', 'type:testing'] },
            // Infrastructure adapters implement the ports their domain declares (a supplier adapter yields the
            // catalog domain's SourcePage), so infra may import domain; never the other way round.
            { sourceTag: 'type:infra', onlyDependOnLibsWithTags: ['type:infra', 'type:domain', 'type:contracts', 'type:config', 'type:util', 'type:testing'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:infra', 'type:contracts', 'type:config', 'type:util', 'type:domain'] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:contracts', 'type:util'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: frameworkImports },
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:catalog', onlyDependOnLibsWithTags: ['scope:catalog', 'scope:shared'] },
            { sourceTag: 'scope:orders', onlyDependOnLibsWithTags: ['scope:orders', 'scope:shared'] },
            { sourceTag: 'scope:codes', onlyDependOnLibsWithTags: ['scope:codes', 'scope:shared'] },
            { sourceTag: 'scope:aftersales', onlyDependOnLibsWithTags: ['scope:aftersales', 'scope:shared'] },
            { sourceTag: 'scope:supplier-sim', onlyDependOnLibsWithTags: ['scope:supplier-sim', 'scope:shared'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:tools', 'scope:shared', 'scope:codes'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { prefer: 'type-imports', fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      'no-console': 'error',
    },
  },
  {
    // Nest's DI reads constructor parameter types at run time: a type-only import there would erase the token.
    files: ['**/*.module.ts', '**/*.controller.ts', '**/*.service.ts', '**/*.consumer.ts', '**/*.guard.ts', '**/*.filter.ts', '**/*.interceptor.ts', '**/*.provider.ts', '**/*.repository.ts', '**/*.indicator.ts', '**/*.strategy.ts', '**/*.relay.ts', '**/nest/**/*.ts', '**/app/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', '**/*.int-spec.ts', '**/testing/**/*.ts', 'tools/**/*.ts', 'scripts/**/*.ts'],
    rules: { 'no-console': 'off', '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
