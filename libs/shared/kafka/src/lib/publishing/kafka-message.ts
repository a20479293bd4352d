/** Kafka message headers as kafkajs reads and writes them. */
export type MessageHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

/** A message as read from a partition, reduced to what the consumer plumbing looks at. */
export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers: MessageHeaders;
}

/** A message to send as is: the dead-letter path forwards bytes it may not be able to parse. */
export interface OutgoingMessage {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: MessageHeaders;
}

/** A header's value as text (the first one when the header is repeated). */
export function headerText(headers: MessageHeaders, name: string): string | undefined {
  const raw = headers[name];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return first === undefined ? undefined : first.toString();
}
