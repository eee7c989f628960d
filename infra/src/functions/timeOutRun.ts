import { timeOutRun } from '@sluice/scheduler';
import { cloudConfigFromEnv } from './runtime/cloudConfig';
import { createCloudRuntime } from './runtime/cloudRuntime';
import { cloudJobManagerDeps, jobManagerTask } from './runtime/jobManagerDeps';

/** Job-manager task `time-out-run`: invoked by the state machine with the task's payload. */
export const handler = jobManagerTask(timeOutRun, () => {
  const config = cloudConfigFromEnv();
  return cloudJobManagerDeps(createCloudRuntime(config), config);
});
