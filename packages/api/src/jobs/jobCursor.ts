import { fail } from '../http/problem';

/** Pages are cut by submission position, which never changes, so a page boundary is stable while jobs move on. */
export function encodeJobCursor(afterPosition: number): string {
  return Buffer.from(JSON.stringify({ after: afterPosition }), 'utf8').toString('base64url');
}

export function decodeJobCursor(cursor: string): number {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const after = (decoded as { after?: unknown } | null)?.after;
    if (typeof after === 'number' && Number.isSafeInteger(after) && after >= 0) return after;
  } catch {
    // Reported below, like any other cursor that was not handed out by this API.
  }
  return fail('validation', 'cursor is not one this API handed out', [
    { field: 'query.cursor', reason: 'not a cursor from a previous page' },
  ]);
}
