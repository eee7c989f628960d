import { Worker } from 'node:worker_threads';
import type { PolicyOutcome } from '@sluice/scheduler';
import type { PolicyRunRequest } from './policyRun';

const WORKER_MODULE = new URL('./policyWorker.ts', import.meta.url);

/**
 * Runs the policies on up to `threads` worker threads, each taking the next request when it is
 * done: the runs share nothing, and on a long trace each takes seconds. Results come back in the
 * order of `requests`.
 */
export async function runPoliciesInWorkers(
  requests: readonly PolicyRunRequest[],
  threads: number,
): Promise<PolicyOutcome[]> {
  const results: PolicyOutcome[] = new Array<PolicyOutcome>(requests.length);
  let next = 0;
  const lane = async () => {
    const worker = new Worker(bootstrapSource(), { eval: true });
    try {
      while (next < requests.length) {
        const index = next++;
        results[index] = await ask(worker, requests[index]!);
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(threads, requests.length)) }, lane));
  return results;
}

function ask(worker: Worker, request: PolicyRunRequest): Promise<PolicyOutcome> {
  return new Promise((resolve, reject) => {
    const onMessage = (outcome: PolicyOutcome) => settle(() => resolve(outcome));
    const onError = (error: Error) => settle(() => reject(error));
    const onExit = (code: number) =>
      settle(() => reject(new Error(`the worker running ${request.policy} stopped with code ${code}`)));
    const settle = (then: () => void) => {
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      then();
    };
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage(request);
  });
}

/**
 * Worker threads do not inherit the TypeScript loader the command runs under, so a worker started
 * from source registers it before importing the worker module; a bundled build imports it directly.
 */
function bootstrapSource(): string {
  const worker = JSON.stringify(WORKER_MODULE.href);
  if (!WORKER_MODULE.pathname.endsWith('.ts')) return `import(${worker});`;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  return `import(${tsx}).then(({ register }) => { register(); return import(${worker}); });`;
}
