import type { HttpEndpoint } from '../http/httpEndpoint';
import { describeBody, expectStatus, requestJson } from '../http/jsonHttp';

interface QueryAnswer {
  status: 'success' | 'error';
  error?: string;
  data?: {
    resultType: 'vector' | 'scalar' | 'matrix' | 'string';
    result: unknown;
  };
}

/**
 * Runs an instant query (`GET /api/v1/query`) and returns one number: a scalar as it is, a vector
 * summed over its series. Undefined when the vector is empty (no series matched).
 */
export async function queryPrometheus(endpoint: HttpEndpoint, promql: string): Promise<number | undefined> {
  const response = await requestJson<QueryAnswer>(
    endpoint,
    'GET',
    `api/v1/query?query=${encodeURIComponent(promql)}`,
  );
  const answer = expectStatus(response, [200], `Prometheus query ${promql}`);
  if (answer?.status !== 'success' || !answer.data) {
    throw new Error(`Prometheus query ${promql} failed: ${answer?.error ?? describeBody(answer)}`);
  }
  const { resultType, result } = answer.data;
  if (resultType === 'scalar') return Number((result as [number, string])[1]);
  if (resultType === 'vector') {
    const series = result as { value: [number, string] }[];
    if (series.length === 0) return undefined;
    return series.reduce((sum, s) => sum + Number(s.value[1]), 0);
  }
  throw new Error(
    `Prometheus query ${promql} gave a ${resultType}; an instant vector or scalar was expected`,
  );
}
