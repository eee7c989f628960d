import { reportResult } from '@sluice/scheduler';
import { cloudConfigFromEnv } from './runtime/cloudConfig';
import { createCloudRuntime } from './runtime/cloudRuntime';
import { cloudJobManagerDeps, jobManagerTask } from './runtime/jobManagerDeps';

/** Job-manager task `report-result`: invoked by the state machine with the task's payload. */
export const handler = jobManagerTask(reportResult, () => {
  const config = cloudConfigFromEnv();
  return cloudJobManagerDeps(createCloudRuntime(config), config);
});
