import type { IndexDescription } from 'mongodb';
import type { Connection, Model, Schema } from 'mongoose';

/** A collection's name, schema and indexes, registered on whichever connection needs it. */
export interface ModelDefinition<T> {
  name: string;
  schema: Schema<T>;
}

/** Our schema conventions: no `__v`, empty objects kept as written. */
export const SCHEMA_OPTIONS = { versionKey: false, minimize: false } as const;

/** The definition's model on `connection`, compiled once per connection. */
export function modelOn<T>(connection: Connection, definition: ModelDefinition<T>): Model<T> {
  return (connection.models[definition.name] as Model<T> | undefined) ?? connection.model<T>(definition.name, definition.schema);
}

/** The index specs a model's schema declares, in the shape `createIndexes` takes. */
export function indexSpecsOf<T>(model: Model<T>): IndexDescription[] {
  return model.schema.indexes().map(([key, options]) => ({ ...(options as Omit<IndexDescription, 'key'>), key: key as Record<string, 1 | -1> }));
}

/**
 * Creates the model's declared indexes (not through Mongoose's ensureIndexes, which reports failures as
 * model events); idempotent, so safe on every start. Returns how many it declared.
 */
export async function createIndexesFor<T>(model: Model<T>): Promise<number> {
  const specs = indexSpecsOf(model);
  // One index per command: FerretDB 1.24 drops the connection (a server-side panic) when a single
  // createIndexes names two or more indexes that all exist already, i.e. on every restart.
  for (const spec of specs) await model.collection.createIndexes([spec]);
  return specs.length;
}

/** Creates the indexes of every model registered on the connection. */
export async function createIndexesOn(connection: Connection): Promise<string[]> {
  const built: string[] = [];
  for (const model of Object.values(connection.models)) {
    const count = await createIndexesFor(model);
    if (count > 0) built.push(`${model.collection.collectionName}(${count})`);
  }
  return built;
}
