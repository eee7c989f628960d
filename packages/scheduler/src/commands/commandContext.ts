import type { EventInput, NewEvent } from '@sluice/domain';

/** Who acts, when, and how new events get their ids: everything a handler needs from outside. */
export interface CommandContext {
  /** ISO time the command is handled at. */
  now: string;
  actor: string;
  newEventId: () => string;
  correlationId?: string;
  causationId?: string;
}

export function toNewEvents(events: EventInput[], ctx: CommandContext): NewEvent[] {
  return events.map(
    (event) =>
      ({
        ...event,
        eventId: ctx.newEventId(),
        occurredAt: ctx.now,
        actor: ctx.actor,
        ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
        ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
      }) as NewEvent,
  );
}
