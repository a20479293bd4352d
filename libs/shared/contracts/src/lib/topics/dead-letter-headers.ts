/**
 * Headers a consumer adds when it parks a message on a dead-letter topic. The value, key and original
 * headers are kept unchanged, so a dead letter can be replayed to its source topic as it was.
 */
export const DEAD_LETTER_HEADERS = {
  /** `invalid-message` (unparseable or failed validation: never retried) or `handler-failed`. */
  reason: 'dlq_reason',
  errorName: 'dlq_error_name',
  errorCode: 'dlq_error_code',
  errorMessage: 'dlq_error_message',
  /** The first lines of the stack trace. */
  errorStack: 'dlq_error_stack',
  consumerGroup: 'dlq_consumer_group',
  /** How many times the handler ran (0 when the message was never handed to one). */
  attempts: 'dlq_attempts',
  sourceTopic: 'dlq_source_topic',
  sourcePartition: 'dlq_source_partition',
  sourceOffset: 'dlq_source_offset',
  failedAt: 'dlq_failed_at',
} as const;

export type DeadLetterReason = 'invalid-message' | 'handler-failed';
