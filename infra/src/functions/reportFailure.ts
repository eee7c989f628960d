import { reportFailure, stepFunctionsFailure, type JobManagerDeps } from '@sluice/scheduler';
import { cloudConfigFromEnv } from './runtime/cloudConfig';
import { createCloudRuntime } from './runtime/cloudRuntime';
import { cloudJobManagerDeps, jobManagerTask } from './runtime/jobManagerDeps';

/** What the state machine's Catch passes: the job and the error it caught, as Step Functions shapes it. */
export interface CaughtFailurePayload {
  jobId: string;
  error: { Error?: string; Cause?: string };
}

/** Reads the caught error into a typed failure at the edge, then records it. */
export const reportCaughtFailure = (deps: JobManagerDeps, payload: CaughtFailurePayload) =>
  reportFailure(deps, { jobId: payload.jobId, failure: stepFunctionsFailure(payload.error) });

/** Job-manager task `report-failure`: invoked by the state machine with the task's payload. */
export const handler = jobManagerTask(reportCaughtFailure, () => {
  const config = cloudConfigFromEnv();
  return cloudJobManagerDeps(createCloudRuntime(config), config);
});
