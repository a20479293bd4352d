export type CallOutcome = 'answered' | 'rate-limited' | 'error' | 'timeout';

export interface EndpointStats {
  requests: number;
  rateLimited: number;
  errors: number;
  timeouts: number;
}

/** Calls per endpoint (`jd product/getDetail`, `taobao taobao.items.onsale.get`, `feeds midea.csv` …). */
export class RequestStats {
  private readonly endpoints = new Map<string, EndpointStats>();
  private since = Date.now();

  record(endpoint: string, outcome: CallOutcome): void {
    let stats = this.endpoints.get(endpoint);
    if (!stats) {
      stats = { requests: 0, rateLimited: 0, errors: 0, timeouts: 0 };
      this.endpoints.set(endpoint, stats);
    }
    stats.requests += 1;
    if (outcome === 'rate-limited') stats.rateLimited += 1;
    else if (outcome === 'error') stats.errors += 1;
    else if (outcome === 'timeout') stats.timeouts += 1;
  }

  snapshot(): { since: string; totalRequests: number; endpoints: Record<string, EndpointStats> } {
    const endpoints = Object.fromEntries([...this.endpoints.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, stats]) => [name, { ...stats }]));
    const totalRequests = [...this.endpoints.values()].reduce((sum, stats) => sum + stats.requests, 0);
    return { since: new Date(this.since).toISOString(), totalRequests, endpoints };
  }

  reset(): void {
    this.endpoints.clear();
    this.since = Date.now();
  }
}
