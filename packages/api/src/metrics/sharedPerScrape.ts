/**
 * Lets every metric's `collect()` of one scrape share a single read. prom-client starts the
 * collect callbacks of a scrape together, so they all join the read in flight; the next scrape,
 * which starts after this one settled, reads afresh.
 */
export function sharedPerScrape<T>(read: () => Promise<T>): () => Promise<T> {
  let inFlight: Promise<T> | undefined;
  return () =>
    (inFlight ??= read().finally(() => {
      inFlight = undefined;
    }));
}
