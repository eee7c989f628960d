import { parentPort } from 'node:worker_threads';
import type { Workload } from '@sluice/scheduler';
import { loadWorkload } from './loadWorkload';
import { runPolicy, type PolicyRunRequest } from './policyRun';

// One thread runs several policies in turn: loading the code into a thread costs about as much as
// a short run, and every request of a comparison names the same workload, so it is loaded once.
let loaded: { key: string; workload: Workload } | undefined;

parentPort?.on('message', (request: PolicyRunRequest) => {
  const key = JSON.stringify(request.workload);
  if (loaded?.key !== key) loaded = { key, workload: loadWorkload(request.workload) };
  parentPort?.postMessage(runPolicy(request, loaded.workload));
});
