import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_HEADER, API_KEY_SECURITY, registerProblemSchema, STAFF_TOKEN_SECURITY } from '@supply-hub/http';
import type { ServiceInfo } from '../config/service-config';

/**
 * OpenAPI at /docs (Swagger UI) and /docs-json. Request schemas come from the zod schemas on
 * `@Body({ schema })` / `@Query({ schema })` / `@Param(..., { schema })`, which @nestjs/swagger 12 renders
 * through Standard JSON Schema; responses from `@ApiOkResponse({ standardSchema })`.
 */
export function setupOpenApi(app: INestApplication, info: ServiceInfo): void {
  const config = new DocumentBuilder()
    .setTitle(info.name)
    .setVersion(info.version)
    .setDescription(`supply-hub ${info.name}. Errors are RFC 9457 problem details (application/problem+json).`)
    .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER, description: 'Tenant (mall) or warehouse API key' }, API_KEY_SECURITY)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Staff token (supply-hub CLI: token issue)' }, STAFF_TOKEN_SECURITY)
    .build();
  const document = SwaggerModule.createDocument(app, config);
  registerProblemSchema(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', raw: ['json'], customSiteTitle: `${info.name} API` });
}
