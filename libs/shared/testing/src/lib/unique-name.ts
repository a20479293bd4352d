// One id per test process, so names from two runs (or two Jest workers) never meet on the shared broker.
const RUN_ID = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
let counter = 0;

/**
 * A name for a topic, consumer group or database that no other test run uses: `<prefix>-<run>-<n>`.
 * The suffix is lower-case letters, digits and `-`, valid in Kafka and MongoDB names (a MongoDB
 * database name must not contain `.`, so pass a prefix without dots for databases).
 */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${RUN_ID}-${counter}`;
}
