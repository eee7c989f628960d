import { getJobStatus } from '@sluice/scheduler';
import { cloudConfigFromEnv } from './runtime/cloudConfig';
import { createCloudRuntime } from './runtime/cloudRuntime';
import { cloudJobManagerDeps, jobManagerTask } from './runtime/jobManagerDeps';

/** Job-manager task `get-job-status`: invoked by the state machine with the task's payload. */
export const handler = jobManagerTask(getJobStatus, () => {
  const config = cloudConfigFromEnv();
  return cloudJobManagerDeps(createCloudRuntime(config), config);
});
