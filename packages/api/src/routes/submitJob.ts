import { jobStreamId, type EventStore } from '@sluice/domain';
import { submitNewJob } from '@sluice/scheduler';
import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { apiRoute } from '../http/apiRoute';
import { fail } from '../http/problem';
import { selectedBodyHook } from '../http/validationHook';
import { idempotentJobId, requestCausation } from '../jobs/idempotency';
import { jobLinks } from '../jobs/jobPresentation';
import { resolveSubmission } from '../jobs/resolveSubmission';
import {
  jobAcceptedSchema,
  jobSubmissionSchema,
  submissionSchemaFor,
  submitHeadersSchema,
} from '../schemas/jobSchemas';
import { actorOf, principalOf } from './actor';

export function registerSubmitJob(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'post',
      path: '/v1/jobs',
      operationId: 'submitJob',
      summary: 'Submit a job',
      description: `Queues a job, given in full or as a template plus overrides. The priority value comes from
the policy's class of that name; an unknown class is a 400.

Idempotency: with an \`Idempotency-Key\` header (or a body \`eventId\`), the job id is derived from the
API key and that key, so a retry finds the job the first attempt made: the same body answers 200 with
that job, a different body answers 409. Without either, every call makes a new job.`,
      tag: 'jobs',
      headers: submitHeadersSchema,
      body: jobSubmissionSchema,
      maxBodyBytes: deps.maxBodyBytes,
      responses: {
        201: { description: 'Queued', schema: jobAcceptedSchema },
        200: {
          description: 'Already submitted by an earlier request with the same idempotency key and body',
          schema: jobAcceptedSchema,
        },
        409: { description: 'The idempotency key was used with a different body' },
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const headers = c.req.valid('header');
      const principal = principalOf(c);
      const idempotencyKey = headers['idempotency-key'] ?? body.eventId;
      const jobId = idempotencyKey ? idempotentJobId(principal.keyId, idempotencyKey) : deps.newId();
      const views = await deps.readModel.current();
      const data = resolveSubmission(body, views, jobId);
      const causationId = requestCausation(body);
      const eventId = body.eventId ?? deps.newId();
      const { created } = await submitNewJob(deps.store, data, {
        now: deps.clock().toISOString(),
        actor: actorOf(principal),
        newEventId: () => eventId,
        causationId,
        ...(headers['x-correlation-id'] ? { correlationId: headers['x-correlation-id'] } : {}),
      }, { pools: views.capacity.pools, waitForPools: body.waitForPools ?? false });
      if (!created) await assertSameRequest(deps.store, jobId, causationId, idempotencyKey);
      const after = await deps.readModel.current();
      const links = jobLinks(jobId);
      return c.json(
        {
          jobId,
          status: after.jobs.jobs[jobId]?.status ?? 'queued',
          position: deps.readModel.queuePosition(jobId) ?? null,
          links,
        },
        created ? 201 : 200,
        { Location: links.self! },
      );
    },
    // The body is one of two forms; errors speak about the one the client meant.
    selectedBodyHook(submissionSchemaFor),
  );
}

async function assertSameRequest(
  store: EventStore,
  jobId: string,
  causationId: string,
  idempotencyKey: string | undefined,
): Promise<void> {
  const { events } = await store.readStream(jobStreamId(jobId), { toVersion: 1 });
  if (events[0]?.causationId !== causationId) {
    fail(
      'idempotencyConflict',
      `idempotency key ${JSON.stringify(idempotencyKey)} was first used for a different request (job ${jobId})`,
    );
  }
}
