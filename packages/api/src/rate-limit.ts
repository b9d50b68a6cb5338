/**
 * A fixed-window limiter for sign-in attempts: per client IP and email, so one person's typos do not
 * lock out a colleague, and password guessing is slowed to a crawl.
 */
export class FixedWindowLimiter {
  private readonly hits = new Map<string, { windowStart: number; count: number }>();
  constructor(private readonly limit: number, private readonly windowMs: number) {}

  allow(key: string, nowMs: number): boolean {
    const h = this.hits.get(key);
    if (!h || nowMs - h.windowStart >= this.windowMs) {
      this.hits.set(key, { windowStart: nowMs, count: 1 });
      if (this.hits.size > 10_000) this.prune(nowMs);
      return true;
    }
    h.count += 1;
    return h.count <= this.limit;
  }

  private prune(nowMs: number): void {
    for (const [k, v] of this.hits) if (nowMs - v.windowStart >= this.windowMs) this.hits.delete(k);
  }
}

export const loginLimiter = new FixedWindowLimiter(10, 60_000);
