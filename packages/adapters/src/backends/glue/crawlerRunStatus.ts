import type { Crawler } from '@aws-sdk/client-glue';
import type { RunStatus } from '@sluice/domain';

/**
 * The status of the crawl that started at `markerMs` (our clock, just before StartCrawler), read
 * from GetCrawler: while the crawler runs, that crawl is the running one; once it is READY, the
 * last crawl is ours if it started no earlier than the marker less the allowed clock skew.
 * Undefined when the crawler shows no such crawl.
 */
export function crawlRunStatus(crawler: Crawler, markerMs: number, skewMs: number): RunStatus | undefined {
  switch (crawler.State) {
    case 'RUNNING':
      return { state: 'running' };
    case 'STOPPING':
      return { state: 'running' };
    case 'READY':
    default: {
      const last = crawler.LastCrawl;
      if (!last?.StartTime || last.StartTime.getTime() < markerMs - skewMs) return undefined;
      switch (last.Status) {
        case 'SUCCEEDED':
          return { state: 'succeeded' };
        case 'CANCELLED':
          return { state: 'cancelled', reason: 'crawl stopped' };
        case 'FAILED':
          return { state: 'failed', reason: last.ErrorMessage ?? 'crawl failed', retryable: true };
        default:
          return { state: 'failed', reason: `unknown crawl status ${String(last.Status)}`, retryable: true };
      }
    }
  }
}
