import { type DynamicModule, type FactoryProvider, Module, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { HTTP_AUTH_OPTIONS, type HttpAuthOptions } from './auth/api-key-store';
import { AuthGuard } from './auth/auth.guard';
import { PrincipalResolver } from './auth/principal-resolver.service';
import { IdempotencyInterceptor } from './idempotency/idempotency.interceptor';
import { ProblemDetailsFilter } from './problem/problem-details.filter';
import { SchemaValidationPipe } from './validation/schema-validation.pipe';

export interface HttpConventionsOptions {
  /** Modules exporting API_KEY_STORE and IDEMPOTENCY_STORE (the platform passes its Mongo stores). */
  imports?: ModuleMetadata['imports'];
  auth: Pick<FactoryProvider<HttpAuthOptions>, 'useFactory' | 'inject'>;
}

/**
 * The HTTP conventions of every service, registered once as app-wide providers: problem+json errors,
 * Standard Schema validation, authentication with declared callers, idempotent creates.
 */
@Module({})
export class HttpConventionsModule {
  static forRoot(options: HttpConventionsOptions): DynamicModule {
    return {
      module: HttpConventionsModule,
      imports: options.imports ?? [],
      providers: [
        { provide: HTTP_AUTH_OPTIONS, useFactory: options.auth.useFactory, inject: options.auth.inject ?? [] },
        PrincipalResolver,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useClass: SchemaValidationPipe },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [PrincipalResolver],
    };
  }
}
