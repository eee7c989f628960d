import { handleJobCommand } from '@sluice/scheduler';
import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { apiRoute } from '../http/apiRoute';
import { fail } from '../http/problem';
import { jobIdParams } from '../schemas/common';
import { cancelQuery, cancelResultSchema } from '../schemas/jobSchemas';
import { actorOf, principalOf } from './actor';

export function registerCancelJob(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'delete',
      path: '/v1/jobs/{id}',
      operationId: 'cancelJob',
      summary: 'Cancel a job',
      description:
        'A queued or admitted job is cancelled at once (200) and its reservation released; a running one gets a cancellation request its runner acts on (202). A finished job cannot be cancelled (409).',
      tag: 'jobs',
      params: jobIdParams,
      query: cancelQuery,
      responses: {
        200: { description: 'Cancelled', schema: cancelResultSchema },
        202: { description: 'Running: cancellation requested', schema: cancelResultSchema },
        404: { description: 'No such job' },
        409: { description: 'The job has finished already' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { reason } = c.req.valid('query');
      const principal = principalOf(c);
      await handleJobCommand(
        deps.store,
        id,
        { type: 'CancelJob', reason: reason ?? `cancelled through the API by ${principal.keyId}` },
        { now: deps.clock().toISOString(), actor: actorOf(principal), newEventId: deps.newId },
      );
      const job = (await deps.readModel.current()).jobs.jobs[id];
      if (!job) fail('notFound', `job ${id} does not exist`);
      const result = { jobId: job.jobId, status: job.status, cancelRequested: job.cancelRequested };
      return c.json(result, job.status === 'cancelled' ? 200 : 202);
    },
  );
}
