import { DEAD_LETTER_HEADERS, type DeadLetterReason, deadLetterTopicOf } from '@supply-hub/contracts';
import { DomainError } from '@supply-hub/errors';
import type { IncomingMessage, MessageHeaders, OutgoingMessage } from '../publishing/kafka-message';

const STACK_LINES = 12;
const MAX_HEADER_CHARS = 2_000;

export interface DeadLetterContext {
  reason: DeadLetterReason;
  error: unknown;
  consumerGroup: string;
  /** Handler runs so far; 0 when the message never reached a handler. */
  attempts: number;
  failedAt: Date;
}

export interface DeadLetter {
  topic: string;
  message: OutgoingMessage;
}

/**
 * The dead letter for a message: value, key and headers exactly as they came (so it can be replayed),
 * plus headers that say what failed, where and for whom. Headers from an earlier dead-lettering of the
 * same bytes (a replay that failed again) are replaced, not repeated.
 */
export function deadLetterOf(message: IncomingMessage, context: DeadLetterContext): DeadLetter {
  const original: MessageHeaders = {};
  const dlqHeaderNames = new Set<string>(Object.values(DEAD_LETTER_HEADERS));
  for (const [name, value] of Object.entries(message.headers)) {
    if (!dlqHeaderNames.has(name)) original[name] = value;
  }
  const error = describeError(context.error);
  const headers: MessageHeaders = {
    ...original,
    [DEAD_LETTER_HEADERS.reason]: context.reason,
    [DEAD_LETTER_HEADERS.errorName]: error.name,
    [DEAD_LETTER_HEADERS.errorMessage]: truncate(error.message),
    [DEAD_LETTER_HEADERS.errorStack]: truncate(error.stack),
    [DEAD_LETTER_HEADERS.consumerGroup]: context.consumerGroup,
    [DEAD_LETTER_HEADERS.attempts]: String(context.attempts),
    [DEAD_LETTER_HEADERS.sourceTopic]: message.topic,
    [DEAD_LETTER_HEADERS.sourcePartition]: String(message.partition),
    [DEAD_LETTER_HEADERS.sourceOffset]: message.offset,
    [DEAD_LETTER_HEADERS.failedAt]: context.failedAt.toISOString(),
  };
  if (error.code !== undefined) headers[DEAD_LETTER_HEADERS.errorCode] = error.code;
  return { topic: deadLetterTopicOf(message.topic), message: { key: message.key, value: message.value, headers } };
}

function describeError(error: unknown): { name: string; message: string; stack: string; code?: string } {
  if (!(error instanceof Error)) return { name: 'NonError', message: String(error), stack: '' };
  const stack = (error.stack ?? '').split('\n').slice(0, STACK_LINES).join('\n');
  const code = error instanceof DomainError ? error.code : codeOf(error);
  const details = error instanceof DomainError && Object.keys(error.details).length > 0 ? ` ${JSON.stringify(error.details)}` : '';
  return { name: error.name, message: `${error.message}${details}`, stack, ...(code === undefined ? {} : { code }) };
}

// Driver errors (Node's, MongoDB's, kafkajs') carry a code or a type of their own; keep it when present.
function codeOf(error: Error): string | undefined {
  const candidate = (error as { code?: unknown; type?: unknown }).code ?? (error as { type?: unknown }).type;
  return typeof candidate === 'string' || typeof candidate === 'number' ? String(candidate) : undefined;
}

function truncate(text: string): string {
  return text.length <= MAX_HEADER_CHARS ? text : `${text.slice(0, MAX_HEADER_CHARS - 1)}…`;
}
