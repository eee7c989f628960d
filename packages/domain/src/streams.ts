/** Stream naming: one stream per job, one per pool, and one for the share policy. */
export const POLICY_STREAM = 'policy';

export function jobStreamId(jobId: string): string {
  return `job-${jobId}`;
}

export function poolStreamId(poolId: string): string {
  return `pool-${poolId}`;
}

export type StreamKind = 'job' | 'pool' | 'policy';

export function streamKindOf(streamId: string): StreamKind | undefined {
  if (streamId === POLICY_STREAM) return 'policy';
  if (streamId.startsWith('job-')) return 'job';
  if (streamId.startsWith('pool-')) return 'pool';
  return undefined;
}
