import { monotonicFactory } from 'ulid';
import type { CommandContext } from '@sluice/scheduler';

const nextUlid = monotonicFactory();

/** A command context on the wall clock, for the CLI and the local runtime (the edge of the system). */
export function wallClockContext(actor: string, now: Date = new Date()): CommandContext {
  return { now: now.toISOString(), actor, newEventId: () => nextUlid(now.getTime()) };
}

export function newJobId(): string {
  return nextUlid();
}
