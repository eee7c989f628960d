import type { z } from 'zod';
import { EventValidationError, UnknownEventTypeError } from '../errors/domainErrors';
import { POLICY_STREAM, SCHEDULER_STREAM, apiKeyStreamId, jobStreamId, poolStreamId, templateStreamId } from '../streams';
import {
  jobAdmittedSchema,
  jobCancellationRequestedSchema,
  jobCancelledSchema,
  jobFailedSchema,
  jobRetryScheduledSchema,
  jobStartedSchema,
  jobSubmittedSchema,
  jobSubmittedV1Schema,
  jobSucceededSchema,
  jobTimedOutSchema,
} from './jobEvents';
import {
  capacityReleasedSchema,
  capacityReservedSchema,
  poolCapacityReportedSchema,
  poolQuotaChangedSchema,
  poolRegisteredSchema,
} from './poolEvents';
import { sharePolicySetSchema } from './policyEvents';
import { admissionCycleCompletedSchema, admissionCycleCompletedV1Schema } from './schedulerEvents';
import { apiKeyIssuedSchema, apiKeyRevokedSchema, templateDefinedSchema } from './templateEvents';
import { upcastAdmissionCycleCompletedV1 } from './versioning/admissionCycleCompletedV1';
import { upcastJobSubmittedV1 } from './versioning/jobSubmittedV1';
import { formatZodIssue } from './zodIssues';

/** An older schema of an event type and the function that lifts its payload one version up. */
interface PastVersion {
  schemaVersion: number;
  schema: z.ZodType;
  upcast: (data: never) => unknown;
}

interface EventDefinition<S extends z.ZodType> {
  schemaVersion: number;
  schema: S;
  /** The stream an event of this type belongs to, derived from its payload. */
  streamOf: (data: z.output<S>) => string;
  /** Oldest first; each upcasts to the next version. */
  past?: PastVersion[];
}

const define = <S extends z.ZodType>(d: EventDefinition<S>) => d;
const byJob = (d: { jobId: string }) => jobStreamId(d.jobId);
const byPool = (d: { poolId: string }) => poolStreamId(d.poolId);

/** Every event type Sluice records, with its current schema version. */
export const eventCatalogue = {
  JobSubmitted: define({
    schemaVersion: 2,
    schema: jobSubmittedSchema,
    streamOf: byJob,
    past: [{ schemaVersion: 1, schema: jobSubmittedV1Schema, upcast: upcastJobSubmittedV1 }],
  }),
  JobAdmitted: define({ schemaVersion: 1, schema: jobAdmittedSchema, streamOf: byJob }),
  JobStarted: define({ schemaVersion: 1, schema: jobStartedSchema, streamOf: byJob }),
  JobSucceeded: define({ schemaVersion: 1, schema: jobSucceededSchema, streamOf: byJob }),
  JobFailed: define({ schemaVersion: 1, schema: jobFailedSchema, streamOf: byJob }),
  JobRetryScheduled: define({ schemaVersion: 1, schema: jobRetryScheduledSchema, streamOf: byJob }),
  JobCancellationRequested: define({ schemaVersion: 1, schema: jobCancellationRequestedSchema, streamOf: byJob }),
  JobCancelled: define({ schemaVersion: 1, schema: jobCancelledSchema, streamOf: byJob }),
  JobTimedOut: define({ schemaVersion: 1, schema: jobTimedOutSchema, streamOf: byJob }),
  PoolRegistered: define({ schemaVersion: 1, schema: poolRegisteredSchema, streamOf: byPool }),
  PoolQuotaChanged: define({ schemaVersion: 1, schema: poolQuotaChangedSchema, streamOf: byPool }),
  PoolCapacityReported: define({ schemaVersion: 1, schema: poolCapacityReportedSchema, streamOf: byPool }),
  CapacityReserved: define({ schemaVersion: 1, schema: capacityReservedSchema, streamOf: byPool }),
  CapacityReleased: define({ schemaVersion: 1, schema: capacityReleasedSchema, streamOf: byPool }),
  SharePolicySet: define({ schemaVersion: 1, schema: sharePolicySetSchema, streamOf: () => POLICY_STREAM }),
  AdmissionCycleCompleted: define({
    schemaVersion: 2,
    schema: admissionCycleCompletedSchema,
    streamOf: () => SCHEDULER_STREAM,
    past: [
      { schemaVersion: 1, schema: admissionCycleCompletedV1Schema, upcast: upcastAdmissionCycleCompletedV1 },
    ],
  }),
  TemplateDefined: define({ schemaVersion: 1, schema: templateDefinedSchema, streamOf: (d) => templateStreamId(d.name) }),
  ApiKeyIssued: define({ schemaVersion: 1, schema: apiKeyIssuedSchema, streamOf: (d) => apiKeyStreamId(d.keyId) }),
  ApiKeyRevoked: define({ schemaVersion: 1, schema: apiKeyRevokedSchema, streamOf: (d) => apiKeyStreamId(d.keyId) }),
};

type Catalogue = typeof eventCatalogue;
export type EventType = keyof Catalogue;
export const EVENT_TYPES = Object.keys(eventCatalogue) as EventType[];

/** The typed body of each event: `{ type, data }` with the current schema's payload. */
export type SluiceEvent = {
  [K in EventType]: { type: K; data: z.output<Catalogue[K]['schema']> };
}[EventType];
export type EventOfType<K extends EventType> = Extract<SluiceEvent, { type: K }>;
/** What a writer gives for a payload (defaults not yet applied). */
export type EventInput = {
  [K in EventType]: { type: K; data: z.input<Catalogue[K]['schema']> };
}[EventType];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(eventCatalogue, type);
}

function definitionOf(type: string): EventDefinition<z.ZodType> {
  if (!isEventType(type)) throw new UnknownEventTypeError(type);
  return eventCatalogue[type] as EventDefinition<z.ZodType>;
}

export function currentSchemaVersion(type: string): number {
  return definitionOf(type).schemaVersion;
}

/**
 * Validates a payload against the schema of the version it is written in (the current one by
 * default) and returns it with defaults applied. Throws a typed error naming the first bad field.
 */
export function validateEventData(
  type: string,
  data: unknown,
  schemaVersion?: number,
): { schemaVersion: number; data: unknown } {
  const definition = definitionOf(type);
  const version = schemaVersion ?? definition.schemaVersion;
  const schema =
    version === definition.schemaVersion
      ? definition.schema
      : definition.past?.find((p) => p.schemaVersion === version)?.schema;
  if (!schema) throw new UnknownEventTypeError(type, version);
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    const { field, reason } = formatZodIssue(parsed.error, 'data');
    throw new EventValidationError(type, field, reason);
  }
  return { schemaVersion: version, data: parsed.data };
}

/** The stream an event must be appended to, so a job's events can never land in another job's stream. */
export function expectedStreamOf(type: string, data: unknown): string {
  return definitionOf(type).streamOf(data);
}

/** Lifts a stored payload to the current schema version. Stored events are never rewritten. */
export function upcastEventData(type: string, schemaVersion: number, data: unknown): unknown {
  const definition = definitionOf(type);
  if (schemaVersion === definition.schemaVersion) return data;
  const chain = (definition.past ?? []).filter((p) => p.schemaVersion >= schemaVersion);
  if (chain[0]?.schemaVersion !== schemaVersion) throw new UnknownEventTypeError(type, schemaVersion);
  return chain.reduce<unknown>((acc, step) => step.upcast(acc as never), data);
}
