import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpEndpointSchema } from '../http/httpEndpoint';
import { FakePrometheus } from '../../testing/fakes/fakePrometheus';
import { prometheusCapacity } from './prometheusCapacity';
import { queryPrometheus } from './prometheusQuery';

describe('Prometheus instant queries', () => {
  let prometheus: FakePrometheus;
  beforeAll(async () => {
    prometheus = await FakePrometheus.start({ 'sum(rate(cpu[5m]))': 42.5, 'sum(mem) / 1048576': 2048 });
  });
  afterAll(() => prometheus.server.close());
  const endpoint = () => httpEndpointSchema.parse({ url: prometheus.server.url });

  it('sums a vector answer and sends the PromQL encoded', async () => {
    expect(await queryPrometheus(endpoint(), 'sum(rate(cpu[5m]))')).toBe(42.5);
    expect(prometheus.server.requests.at(-1)!.url.searchParams.get('query')).toBe('sum(rate(cpu[5m]))');
  });

  it('leaves out dimensions whose query matched no series', async () => {
    expect(
      await prometheusCapacity(endpoint(), {
        observed: { memoryMiB: 'sum(mem) / 1048576', gpu: 'sum(gpus)' },
        capacity: { vcpu: 'sum(rate(cpu[5m]))' },
      }),
    ).toEqual({ observed: { memoryMiB: 2048 }, capacity: { vcpu: 42.5 } });
  });

  it('reports a bad query with Prometheus’s own error', async () => {
    await expect(queryPrometheus(endpoint(), 'syntax error(')).rejects.toThrow(/parse error/);
  });
});
