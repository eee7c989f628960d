/** Base of every error the domain raises on purpose; `code` is stable for callers and HTTP mapping. */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A command that the current state of an aggregate does not allow (admitting a cancelled job, …). */
export class IllegalTransitionError extends DomainError {
  constructor(
    readonly aggregate: string,
    readonly from: string,
    readonly command: string,
  ) {
    super('IllegalTransition', `${aggregate}: cannot ${command} when ${from}`);
  }
}

/** A reservation that would take a pool past a hard quota or its capacity. */
export class QuotaExceededError extends DomainError {
  constructor(
    readonly poolId: string,
    readonly dimension: string,
    readonly used: number,
    readonly demand: number,
    readonly limit: number,
  ) {
    super('QuotaExceeded', `pool ${poolId}: ${dimension} ${used}+${demand} exceeds ${limit}`);
  }
}

/** An event payload or envelope that fails its schema; `field` is the dotted path of the first bad field. */
export class EventValidationError extends DomainError {
  constructor(
    readonly eventType: string,
    readonly field: string,
    readonly reason: string,
  ) {
    super('EventValidation', `${eventType}: ${field}: ${reason}`);
  }
}

export class UnknownEventTypeError extends DomainError {
  constructor(
    readonly eventType: string,
    readonly schemaVersion?: number,
  ) {
    super(
      'UnknownEventType',
      schemaVersion === undefined
        ? `unknown event type ${JSON.stringify(eventType)}`
        : `unknown schema version ${schemaVersion} of event type ${JSON.stringify(eventType)}`,
    );
  }
}
