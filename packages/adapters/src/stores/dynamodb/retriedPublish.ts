import { IdempotencyConflictError, type AppendResult, type ValidatedAppend } from '@sluice/domain';
import type { RecordedGuard } from './eventItems';

/**
 * Answers a request some of whose events are recorded already. Only an exact repeat is a no-op
 * (a publisher retrying after a lost response); anything else would silently drop or move events.
 */
export function answerRetriedPublish(
  appends: ValidatedAppend[],
  recorded: Map<string, RecordedGuard>,
): AppendResult[] {
  const events = appends.flatMap((a) => a.events.map((e) => ({ streamId: a.streamId, eventId: e.eventId })));
  const known = events.find((e) => recorded.has(e.eventId));
  if (!known) throw new Error('answerRetriedPublish called with none of the events recorded');
  const missing = events.find((e) => !recorded.has(e.eventId));
  if (missing) {
    throw new IdempotencyConflictError(
      known.eventId,
      `recorded already, but ${missing.eventId} of the same request is not: a retry must repeat the original request exactly`,
    );
  }
  for (const e of events) {
    const where = recorded.get(e.eventId)!;
    if (where.streamId !== e.streamId) {
      throw new IdempotencyConflictError(
        e.eventId,
        `recorded in stream ${where.streamId}, not ${e.streamId}`,
      );
    }
  }
  return appends.map((a) => {
    const guards = a.events.map((e) => recorded.get(e.eventId)!);
    const versions = guards.map((g) => g.version);
    return {
      streamId: a.streamId,
      nextExpectedVersion: Math.max(...versions),
      versions,
      positions: guards.map((g) => g.position),
      duplicate: true,
    };
  });
}
