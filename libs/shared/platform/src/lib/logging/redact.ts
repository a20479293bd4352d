/**
 * Log redaction by key and by value. pino's path-based `redact` can only blank fields it is told the
 * exact path of; secrets and phone numbers also turn up in free text, error messages and nested
 * payloads, so every log record goes through this function (pino formatters, serializers and the
 * logMethod hook call it, see logger-options.ts).
 */
export const REDACTED = '[REDACTED]';

// Compared against the key lower-cased with separators removed: `x-api-key`, `apiKey`, `API_KEY` alike.
const SENSITIVE_KEY_PARTS = ['secret', 'password', 'passwd', 'token', 'apikey', 'authorization', 'cookie', 'credential', 'privatekey'];
// `code` and `pin` are sensitive on their own (卡密 card codes, PINs), but `statusCode`, `cityCode` or
// `skuCode` are not: hence exact names and specific suffixes rather than "contains".
const SENSITIVE_KEYS = new Set(['code', 'pin', 'otp', 'cvv', 'cvc']);
const SENSITIVE_KEY_SUFFIXES = ['cardcode', 'cardpin', 'verificationcode', 'verifycode', 'smscode', 'authcode', 'redeemcode', 'couponcode'];

const MAX_DEPTH = 8;

export function isSensitiveKey(key: string): boolean {
  const normalized = key.toLowerCase().replace(/[^a-z0-9]/g, '');
  return (
    SENSITIVE_KEYS.has(normalized) ||
    SENSITIVE_KEY_PARTS.some((part) => normalized.includes(part)) ||
    SENSITIVE_KEY_SUFFIXES.some((suffix) => normalized.endsWith(suffix))
  );
}

const TEXT_RULES: Array<[RegExp, string]> = [
  // Chinese mainland mobile numbers (optionally +86, optionally split 3-4-4): keep the carrier prefix
  // and the last four digits, as support staff are used to seeing them (138****1234).
  [/(?<!\d)((?:\+?86[- ]?)?1[3-9]\d)([- ]?)\d{4}([- ]?)(\d{4})(?!\d)/g, '$1$2****$3$4'],
  [/\b(sk_(?:tenant|warehouse)_)[A-Za-z0-9_-]{8,}/g, `$1${REDACTED}`],
  [/\b(whsec_)[A-Za-z0-9_-]{8,}/g, `$1${REDACTED}`],
  [/\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/gi, `$1${REDACTED}`],
  [/\beyJ[A-Za-z0-9_-]*\.eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*/g, REDACTED],
  // Query strings in logged URLs.
  [/([?&](?:[a-z_]*token|api_?key|secret|password|code|pin)=)[^&#\s]*/gi, `$1${REDACTED}`],
];

/** Masks phone numbers and recognisable secrets inside a string. */
export function maskText(text: string): string {
  return TEXT_RULES.reduce((masked, [pattern, replacement]) => masked.replace(pattern, replacement), text);
}

/**
 * A copy of `value` fit for a log line: values under sensitive keys replaced, strings masked, errors
 * turned into plain {type, message, stack, code} records. Streams and other event emitters (requests,
 * responses) are left for pino's serializers, whose output passes through here as well.
 */
export function redactLogValue(value: unknown): unknown {
  return redact(value, 0, new WeakSet());
}

/**
 * For pino's `formatters.log`: like redactLogValue, except that errors directly on the record stay
 * Error instances, so pino's error serializer still recognises them (its output is then redacted by
 * redactSerializedError).
 */
export function redactLogRecord(record: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    copy[key] = value instanceof Error ? value : isSensitiveKey(key) && value != null ? REDACTED : redactLogValue(value);
  }
  return copy;
}

/** For pino's `err` serializer, whose output is a plain {type, message, stack, code, ...} record. */
export function redactSerializedError(serialized: unknown): unknown {
  if (serialized === null || typeof serialized !== 'object') return redactLogValue(serialized);
  const { code, ...rest } = serialized as Record<string, unknown>;
  const redacted = redactLogValue(rest) as Record<string, unknown>;
  return code === undefined ? redacted : { ...redacted, code: errorCodeOrRedacted(code) };
}

function redact(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date || value instanceof RegExp) return value;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return '[Binary]';
  if (isEventEmitter(value)) return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Truncated]';
  seen.add(value);
  try {
    if (value instanceof Error) return redactError(value, depth, seen);
    if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
    if (value instanceof Map) return redact(Object.fromEntries(value), depth, seen);
    if (value instanceof Set) return redact([...value], depth, seen);
    const withJson = value as { toJSON?: () => unknown };
    if (typeof withJson.toJSON === 'function') return redact(withJson.toJSON(), depth + 1, seen);
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = isSensitiveKey(key) && item != null ? REDACTED : redact(item, depth + 1, seen);
    return copy;
  } finally {
    seen.delete(value);
  }
}

function redactError(error: Error, depth: number, seen: WeakSet<object>): Record<string, unknown> {
  const { code, ...rest } = error as Error & { code?: unknown };
  const record: Record<string, unknown> = { type: error.name, message: maskText(error.message), stack: error.stack && maskText(error.stack) };
  if (code !== undefined) record['code'] = errorCodeOrRedacted(code);
  const details = redact({ ...rest }, depth + 1, seen) as Record<string, unknown>;
  if (error.cause !== undefined) details['cause'] = redact(error.cause, depth + 1, seen);
  return { ...details, ...record };
}

/** An error's `code` is a driver or system code (11000, ECONNREFUSED), not a card code: kept when it looks like one. */
function errorCodeOrRedacted(code: unknown): unknown {
  return typeof code === 'number' || (typeof code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(code)) ? code : REDACTED;
}

function isEventEmitter(value: object): boolean {
  const candidate = value as { on?: unknown; emit?: unknown };
  return typeof candidate.on === 'function' && typeof candidate.emit === 'function';
}
