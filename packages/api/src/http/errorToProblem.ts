import {
  ConcurrencyError,
  DomainError,
  EventValidationError,
  IdempotencyConflictError,
  IllegalTransitionError,
  InvalidAppendError,
  QuotaExceededError,
  UnknownEventTypeError,
} from '@sluice/domain';
import { SubmissionRefusedError } from '@sluice/scheduler';
import { ProblemError, problemOf, type Problem } from './problem';

/**
 * The HTTP meaning of every error the domain raises on purpose. Input the API should have caught
 * itself still maps to a 4xx here, so a gap in request validation never surfaces as a 5xx.
 */
export function errorToProblem(error: unknown): Problem | undefined {
  if (error instanceof ProblemError) return error.problem;
  if (error instanceof SubmissionRefusedError)
    return problemOf('validation', 'the job could never run as submitted', error.problems);
  if (error instanceof EventValidationError)
    return problemOf('validation', error.message, [{ field: error.field, reason: error.reason }]);
  if (error instanceof InvalidAppendError)
    return problemOf('validation', error.message, [{ field: error.field, reason: error.reason }]);
  if (error instanceof UnknownEventTypeError)
    return problemOf('validation', error.message, [{ field: 'type', reason: error.message }]);
  if (error instanceof IdempotencyConflictError) return problemOf('idempotencyConflict', error.message);
  if (error instanceof ConcurrencyError)
    return problemOf('conflict', `${error.message}; read the current state and retry`);
  if (error instanceof IllegalTransitionError) return problemOf('conflict', error.message);
  if (error instanceof QuotaExceededError) return problemOf('conflict', error.message);
  if (error instanceof DomainError)
    return error.code === 'JobNotFound'
      ? problemOf('notFound', error.message)
      : problemOf('conflict', error.message);
  return undefined;
}
