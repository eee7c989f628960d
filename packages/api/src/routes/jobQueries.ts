import { sluicePolicy } from '@sluice/scheduler';
import type { ApiApp } from '../app/apiEnv';
import type { AppDeps } from '../app/appDeps';
import { apiRoute } from '../http/apiRoute';
import { fail } from '../http/problem';
import { decodeJobCursor, encodeJobCursor } from '../jobs/jobCursor';
import { jobDetailOf, jobSummaryOf } from '../jobs/jobPresentation';
import { jobIdParams } from '../schemas/common';
import { jobDetailSchema, jobListQuery, jobListSchema } from '../schemas/jobSchemas';

export function registerJobQueries(app: ApiApp, deps: AppDeps): void {
  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/jobs/{id}',
      operationId: 'getJob',
      summary: 'A job, its timeline and, while queued, its place and why it waits',
      tag: 'jobs',
      params: jobIdParams,
      responses: {
        200: { description: 'The job', schema: jobDetailSchema },
        404: { description: 'No such job' },
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const detail = jobDetailOf(
        await deps.readModel.current(),
        id,
        deps.clock().toISOString(),
        deps.policy ?? sluicePolicy,
      );
      if (!detail) fail('notFound', `job ${id} does not exist`);
      return c.json(detail);
    },
  );

  app.openapi(
    apiRoute({
      method: 'get',
      path: '/v1/jobs',
      operationId: 'listJobs',
      summary: 'Jobs in submission order, filtered by status and source',
      description:
        'Pages are cut by submission position, so following `next` never repeats or skips a job, however jobs move on meanwhile.',
      tag: 'jobs',
      query: jobListQuery,
      responses: { 200: { description: 'One page of jobs', schema: jobListSchema } },
    }),
    async (c) => {
      const query = c.req.valid('query');
      const after = query.cursor === undefined ? 0 : decodeJobCursor(query.cursor);
      const views = await deps.readModel.current();
      const matching = Object.values(views.jobs.jobs)
        .map((job) => ({ job, at: job.timeline[0]?.position ?? 0 }))
        .filter(({ job }) => (!query.status || job.status === query.status) && (!query.source || job.source === query.source));
      const page = matching
        .filter(({ at }) => at > after)
        .sort((a, b) => a.at - b.at)
        .slice(0, query.limit + 1);
      const more = page.length > query.limit;
      const shown = page.slice(0, query.limit);
      return c.json({
        jobs: shown.map(({ job }) => jobSummaryOf(job)),
        total: matching.length,
        ...(more ? { next: encodeJobCursor(shown.at(-1)!.at) } : {}),
      });
    },
  );
}
