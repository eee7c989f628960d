import { startLocalServer, type LocalServer } from './localServer';

/** A Prometheus HTTP API answering instant queries from a table of PromQL → value. */
export class FakePrometheus {
  server!: LocalServer;

  constructor(readonly values: Map<string, number>) {}

  static async start(values: Record<string, number>): Promise<FakePrometheus> {
    const fake = new FakePrometheus(new Map(Object.entries(values)));
    fake.server = await startLocalServer((r) => {
      if (r.url.pathname !== '/api/v1/query') return { status: 404, body: '404 page not found' };
      const query = r.url.searchParams.get('query') ?? '';
      if (query.startsWith('syntax error')) {
        return {
          status: 400,
          body: {
            status: 'error',
            errorType: 'bad_data',
            error: 'invalid parameter "query": 1:8: parse error',
          },
        };
      }
      const value = fake.values.get(query);
      const result = value === undefined ? [] : [{ metric: {}, value: [1_767_225_600.123, String(value)] }];
      return { status: 200, body: { status: 'success', data: { resultType: 'vector', result } } };
    });
    return fake;
  }
}
