import {
  ConcurrencyError,
  IllegalTransitionError,
  jobStreamId,
  poolStreamId,
  type AppendResult,
  type EventStore,
  type JobCommand,
} from '@sluice/domain';
import { handleJobCommand, handlePoolCommand, type CommandContext } from '@sluice/scheduler';
import { errorToProblem } from '../http/errorToProblem';
import { problemOf } from '../http/problem';
import type { ItemResult, PipelineEvent } from '../schemas/pipelineEventSchemas';

/** A scheduler admitting at the same moment moves the stream; the report is re-decided on the new state. */
const MAX_ATTEMPTS = 3;

export interface ReportContext {
  now: string;
  actor: string;
  newId: () => string;
  correlationId?: string;
}

/** Applies one reported event through the lifecycle handlers and says how it went, never throwing for a refusal. */
export async function applyPipelineEvent(
  store: EventStore,
  event: PipelineEvent,
  index: number,
  ctx: ReportContext,
): Promise<ItemResult> {
  const streamId =
    event.type === 'PoolCapacityReported' ? poolStreamId(event.data.poolId) : jobStreamId(event.data.jobId);
  try {
    // A job's stream is short, and its state would refuse a repeat before the store could see it
    // is one; a pool's stream is long, and the store itself answers a repeated event id.
    if (event.eventId && event.type !== 'PoolCapacityReported') {
      const recorded = await recordedPosition(store, streamId, event.eventId);
      if (recorded !== undefined)
        return { index, type: event.type, status: 200, eventIds: [event.eventId], positions: [recorded] };
    }
    let issued: string[] = [];
    const results = await withRetries(() => {
      const attempt = commandContext(event, ctx);
      issued = attempt.issued;
      return apply(store, event, attempt.ctx);
    });
    const duplicate = results.length > 0 && results.every((r) => r.duplicate);
    const eventIds = duplicate && event.eventId ? [event.eventId] : issued;
    return {
      index,
      type: event.type,
      status: duplicate ? 200 : 201,
      eventIds,
      positions: results.flatMap((r) => r.positions),
    };
  } catch (error) {
    if (event.eventId && error instanceof IllegalTransitionError) {
      // A retry racing its own first attempt: the first one won, so this one is a repeat, not a conflict.
      const recorded = await recordedPosition(store, streamId, event.eventId);
      if (recorded !== undefined)
        return { index, type: event.type, status: 200, eventIds: [event.eventId], positions: [recorded] };
    }
    const problem = problemOfRefusal(error, event);
    if (!problem) throw error;
    return { index, type: event.type, status: problem.status, problem };
  }
}

function apply(store: EventStore, event: PipelineEvent, ctx: CommandContext): Promise<AppendResult[]> {
  switch (event.type) {
    case 'PoolCapacityReported':
      return handlePoolCommand(
        store,
        event.data.poolId,
        {
          type: 'ReportCapacity',
          observed: event.data.observed,
          ...(event.data.capacity ? { capacity: event.data.capacity } : {}),
        },
        ctx,
      ).then((result) => [result]);
    default:
      return handleJobCommand(store, event.data.jobId, jobCommandOf(event, ctx.now), ctx);
  }
}

function jobCommandOf(
  event: Exclude<PipelineEvent, { type: 'PoolCapacityReported' }>,
  now: string,
): Exclude<JobCommand, { type: 'SubmitJob' | 'AdmitJob' }> {
  switch (event.type) {
    case 'JobStarted':
      return { type: 'StartJob', runId: event.data.runId };
    case 'JobSucceeded':
      return { type: 'CompleteJob', ...(event.data.runId ? { runId: event.data.runId } : {}) };
    case 'JobFailed':
      return { type: 'FailJob', error: event.data.error, retryable: event.data.retryable, now };
  }
}

/** The sender's event id goes on the event it reported; follow-on events (retry, capacity release) get new ones. */
function commandContext(event: PipelineEvent, ctx: ReportContext): { ctx: CommandContext; issued: string[] } {
  let first = event.eventId;
  const issued: string[] = [];
  return {
    issued,
    ctx: {
      now: ctx.now,
      actor: ctx.actor,
      newEventId: () => {
        const id = first ?? ctx.newId();
        first = undefined;
        issued.push(id);
        return id;
      },
      ...(ctx.correlationId ? { correlationId: ctx.correlationId } : {}),
    },
  };
}

async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || i >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function recordedPosition(
  store: EventStore,
  streamId: string,
  eventId: string,
): Promise<number | undefined> {
  const { events } = await store.readStream(streamId);
  return events.find((e) => e.eventId === eventId)?.position;
}

function problemOfRefusal(error: unknown, event: PipelineEvent) {
  if (
    error instanceof IllegalTransitionError &&
    error.from === 'unregistered' &&
    event.type === 'PoolCapacityReported'
  ) {
    return problemOf('notFound', `pool ${event.data.poolId} is not registered`);
  }
  return errorToProblem(error);
}
