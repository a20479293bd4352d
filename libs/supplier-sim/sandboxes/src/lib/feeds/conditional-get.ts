/** The conditional request headers of a feed GET. */
export interface FeedRequestHeaders {
  ifNoneMatch?: string;
  ifModifiedSince?: string;
}

/**
 * RFC 9110 §13.1: If-None-Match decides when present (weak comparison, `*` matches anything);
 * otherwise If-Modified-Since, to the second, since HTTP dates have no milliseconds.
 */
export function isNotModified(headers: FeedRequestHeaders, etag: string, lastModifiedMs: number): boolean {
  if (headers.ifNoneMatch !== undefined) {
    const wanted = opaque(etag);
    return headers.ifNoneMatch.split(',').some((candidate) => candidate.trim() === '*' || opaque(candidate.trim()) === wanted);
  }
  if (headers.ifModifiedSince !== undefined) {
    const since = Date.parse(headers.ifModifiedSince);
    return Number.isFinite(since) && Math.floor(lastModifiedMs / 1000) * 1000 <= since;
  }
  return false;
}

function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}
