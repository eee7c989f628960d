/** Stream naming: one stream per job, one per pool, and one for the share policy. */
export const POLICY_STREAM = 'policy';
/** Records of admission cycles, for explain and audit. */
export const SCHEDULER_STREAM = 'scheduler';

export function jobStreamId(jobId: string): string {
  return `job-${jobId}`;
}

export function poolStreamId(poolId: string): string {
  return `pool-${poolId}`;
}

export function templateStreamId(name: string): string {
  return `template-${name}`;
}

export function apiKeyStreamId(keyId: string): string {
  return `apikey-${keyId}`;
}

export type StreamKind = 'job' | 'pool' | 'policy' | 'scheduler' | 'template' | 'apikey';

export function streamKindOf(streamId: string): StreamKind | undefined {
  if (streamId === POLICY_STREAM) return 'policy';
  if (streamId === SCHEDULER_STREAM) return 'scheduler';
  if (streamId.startsWith('job-')) return 'job';
  if (streamId.startsWith('pool-')) return 'pool';
  if (streamId.startsWith('template-')) return 'template';
  if (streamId.startsWith('apikey-')) return 'apikey';
  return undefined;
}

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;

/**
 * Job ids Sluice makes are ULIDs, which are case-insensitive by their spec: they are written in
 * upper case, and a lookup in any case finds the job. Other ids (chosen by a client) stay as given.
 */
export function canonicalJobId(jobId: string): string {
  return ULID.test(jobId) ? jobId.toUpperCase() : jobId;
}

/** `job-<ulid>` in any case names the job's one stream. */
export function canonicalStreamId(streamId: string): string {
  return streamId.startsWith('job-') ? jobStreamId(canonicalJobId(streamId.slice('job-'.length))) : streamId;
}
