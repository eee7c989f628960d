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
