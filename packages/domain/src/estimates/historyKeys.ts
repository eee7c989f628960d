/**
 * The histories a job's run counts towards, most specific first. A template or a job name is the
 * same Glue job or EMR step run after run; a source's dataset mixes the jobs that feed it.
 */
export interface HistoryKeys {
  template?: string;
  jobName?: string;
  dataset: string;
}

export function historyKeysOf(job: { template?: string; jobName?: string; source: string; dataset: string }): HistoryKeys {
  return {
    ...(job.template !== undefined ? { template: `template:${job.template}` } : {}),
    ...(job.jobName !== undefined ? { jobName: `job:${job.jobName}` } : {}),
    dataset: `dataset:${job.source}/${job.dataset}`,
  };
}
