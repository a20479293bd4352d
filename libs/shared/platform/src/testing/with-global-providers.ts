import { type DynamicModule, Module, type Type, type ValueProvider } from '@nestjs/common';

/**
 * The service's root module with values of the test's in a global module next to it (a clock under a
 * service's clock-override token, as WEBHOOK_CLOCK is provided): every module of the service can inject them.
 */
export function withGlobalProviders(root: Type | DynamicModule, providers: ValueProvider[]): DynamicModule {
  @Module({})
  class TestProvidersModule {}
  @Module({})
  class TestRootModule {}
  return {
    module: TestRootModule,
    imports: [{ module: TestProvidersModule, global: true, providers, exports: providers.map((provider) => provider.provide) }, root],
  };
}
