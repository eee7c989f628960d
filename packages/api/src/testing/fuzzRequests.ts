import fc from 'fast-check';
import { jobBody, poolBody } from './testApi';

export interface FuzzRequest {
  method: 'POST' | 'PUT';
  path: string;
  key: 'admin' | 'publish' | 'read' | null;
  headers: Record<string, string>;
  body: string | Uint8Array;
}

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});
const pathSegment = fc.oneof(
  fc.constantFrom('glue-prod', 'daily-load', 'p1'),
  fc.string({ minLength: 1, maxLength: 30 }).map((s) => encodeURIComponent(s)),
);

/** A valid body for each route; the fuzz breaks it so that it can no longer be valid. */
const validBodies: Record<string, () => Record<string, unknown>> = {
  jobs: () => jobBody(),
  templateJob: () => ({ template: 'daily-load', overrides: { source: 's', dataset: 'd' } }),
  events: () => ({ events: [{ type: 'JobStarted', data: { jobId: 'j1', runId: 'r1' } }] }),
  template: () => ({
    backend: 'glue',
    spec: {},
    demand: { runs: 1 },
    priorityClass: 'normal',
    pools: ['glue-prod'],
  }),
  pool: () => poolBody(),
  policy: () => ({ shares: { a: 1 } }),
};
const requiredFields: Record<string, string[]> = {
  jobs: ['source', 'dataset', 'priorityClass', 'demand', 'backend', 'pools'],
  templateJob: ['template'],
  events: ['events'],
  template: ['backend', 'spec', 'demand', 'priorityClass', 'pools'],
  pool: ['backend', 'capacity', 'quotas'],
  policy: ['shares'],
};
const routeOfBody: Record<string, (segment: string) => Pick<FuzzRequest, 'method' | 'path'>> = {
  jobs: () => ({ method: 'POST', path: '/v1/jobs' }),
  templateJob: () => ({ method: 'POST', path: '/v1/jobs' }),
  events: () => ({ method: 'POST', path: '/v1/events' }),
  template: (name) => ({ method: 'PUT', path: `/v1/templates/${name}` }),
  pool: (id) => ({ method: 'PUT', path: `/v1/pools/${id}` }),
  policy: () => ({ method: 'PUT', path: '/v1/policy' }),
};

/** A value of another JSON type than `value`, so swapping it in always breaks the schema. */
const wrongTypeFor = (value: unknown) =>
  fc
    .jsonValue({ maxDepth: 2 })
    .filter(
      (candidate) =>
        kindOf(candidate) !== kindOf(value) &&
        !(kindOf(value) === 'object' && kindOf(candidate) === 'object'),
    );
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Valid bodies made invalid in one of three ways that a strict schema never accepts. */
const brokenBody = fc.constantFrom(...Object.keys(validBodies)).chain((kind) => {
  const valid = validBodies[kind]!();
  const required = requiredFields[kind]!;
  return fc
    .oneof(
      fc.record({
        op: fc.constant('unknownKey' as const),
        key: fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in valid) && k !== '__proto__'),
        value: fc.jsonValue({ maxDepth: 2 }),
      }),
      fc.constantFrom(...required).chain((field) =>
        fc.record({
          op: fc.constant('wrongType' as const),
          key: fc.constant(field),
          value: wrongTypeFor(valid[field]),
        }),
      ),
      fc.record({
        op: fc.constant('missing' as const),
        key: fc.constantFrom(...required),
        value: fc.constant(null),
      }),
    )
    .map(({ op, key, value }) => {
      const body: Record<string, unknown> = { ...valid };
      if (op === 'missing') delete body[key];
      else body[key] = value;
      return { kind, body: JSON.stringify(body) };
    });
});

const ONE_MIB = 'x'.repeat(1024 * 1024);

const bodyOf = fc.oneof(
  { weight: 50, arbitrary: brokenBody },
  {
    weight: 15,
    arbitrary: fc.record({
      kind: fc.constantFrom(...Object.keys(validBodies)),
      body: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom(...Object.keys(validBodies)),
      body: fc.string({ maxLength: 200 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constantFrom(...Object.keys(validBodies)),
      body: fc.uint8Array({ maxLength: 200 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom(...Object.keys(validBodies)),
      body: fc.nat(9).map((n) => `{"spec":"${ONE_MIB}${n}"}`),
    }),
  },
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/xml',
      'application/json; charset=utf-16',
      'multipart/form-data',
      '',
    ),
  },
  { weight: 1, arbitrary: printable },
);

/** Mostly absent: a header that is always there would stop most requests at one door. */
const optionalHeader = (name: string, value: fc.Arbitrary<string>, weight = 1) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constant(undefined) },
    { weight, arbitrary: value.map((v) => [name, v] as const) },
  );

export function fuzzRequestArbitrary(options: { withContentLength: boolean }): fc.Arbitrary<FuzzRequest> {
  return fc
    .record({
      body: bodyOf,
      segment: pathSegment,
      key: fc.oneof(
        { weight: 8, arbitrary: fc.constant('admin' as const) },
        { weight: 2, arbitrary: fc.constantFrom('publish' as const, 'read' as const, null) },
      ),
      contentType,
      extra: fc.tuple(
        optionalHeader('idempotency-key', printable, 5),
        optionalHeader('x-correlation-id', printable, 3),
        optionalHeader('x-api-key', printable),
        optionalHeader(
          'authorization',
          printable.map((s) => `Bearer ${s}`),
        ),
        options.withContentLength
          ? optionalHeader('content-length', fc.nat().map(String))
          : fc.constant(undefined),
      ),
    })
    .map(({ body, segment, key, contentType: type, extra }) => {
      const headers: Record<string, string> = {};
      if (type !== '') headers['content-type'] = type;
      for (const header of extra) if (header) headers[header[0]] = header[1];
      return { ...routeOfBody[body.kind]!(segment), key, headers, body: body.body };
    });
}
