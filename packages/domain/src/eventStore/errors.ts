import { DomainError } from '../errors/domainErrors';
import type { ExpectedVersion } from './eventStore';

/** The stream was not at the version the writer expected: somebody else wrote first. */
export class ConcurrencyError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super('Concurrency', `stream ${streamId}: expected version ${String(expected)}, actual ${actual}`);
  }
}

/** An eventId that is recorded already, but not as this exact request would have recorded it. */
export class IdempotencyConflictError extends DomainError {
  constructor(
    readonly eventId: string,
    detail: string,
  ) {
    super('IdempotencyConflict', `event ${eventId}: ${detail}`);
  }
}

/** A request the store refuses as a whole (empty, too large, the same stream twice…). */
export class InvalidAppendError extends DomainError {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super('InvalidAppend', `${field}: ${reason}`);
  }
}
