/// <reference lib="dom" />

const STORAGE_KEY = 'sluice.readKey';

/**
 * The read key: taken from `?key=` once and kept for the tab's session only, then removed from the
 * address bar so it does not linger in history or get shared with a copied link.
 */
export function readKey(): string | undefined {
  const url = new URL(location.href);
  const fromQuery = url.searchParams.get('key');
  if (fromQuery) {
    sessionStorage.setItem(STORAGE_KEY, fromQuery);
    url.searchParams.delete('key');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(STORAGE_KEY) ?? undefined;
}

export function rememberKey(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
