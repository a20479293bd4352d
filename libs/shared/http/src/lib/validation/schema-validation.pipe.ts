import { type ArgumentMetadata, Injectable, StandardSchemaValidationPipe } from '@nestjs/common';
import { ValidationError } from '@supply-hub/errors';
import { fieldIssuesOf } from './field-issues';

const ROOTS: Partial<Record<ArgumentMetadata['type'], string>> = { body: 'body', query: 'query', param: 'params' };

/**
 * Nest's Standard Schema pipe, failing with our ValidationError (→ problem+json 400 with field paths)
 * instead of a BadRequestException with flattened strings. Registered once, globally: a route opts in
 * by giving its parameter a schema, `@Body({ schema })`, `@Query({ schema })`, `@Param('id', { schema })`.
 */
@Injectable()
export class SchemaValidationPipe extends StandardSchemaValidationPipe {
  constructor() {
    super({ transform: true });
  }

  override async transform<T = unknown>(value: T, metadata: ArgumentMetadata): Promise<T> {
    const schema = metadata.schema;
    if (!schema || !this.toValidate(metadata)) return value;
    this.stripProtoKeys(value);
    const result = await this.validate<T>(value, schema, this.validateOptions);
    if (!result.issues) return this.isTransformEnabled ? result.value : value;

    const part = ROOTS[metadata.type];
    // A named parameter (`@Param('id', { schema })`) validates one value, so its name joins the path.
    const root = part && metadata.data ? `${part}.${metadata.data}` : part;
    throw new ValidationError(`invalid request ${part ?? 'input'}`, fieldIssuesOf(result.issues, root));
  }
}
