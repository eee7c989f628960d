import { ULID_PATTERN } from '@sluice/domain';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonicalJson';
import { idempotentJobId, requestCausation } from './idempotency';

describe('idempotent job ids', () => {
  it('are the same for the same key pair, differ across API keys, and look like ULIDs', () => {
    const id = idempotentJobId('key-a', 'nightly-1');
    expect(idempotentJobId('key-a', 'nightly-1')).toBe(id);
    expect(idempotentJobId('key-b', 'nightly-1')).not.toBe(id);
    expect(idempotentJobId('key-a', 'nightly-2')).not.toBe(id);
    expect(id).toMatch(ULID_PATTERN);
  });

  it('cannot be confused by a separator inside the keys', () => {
    expect(idempotentJobId('a', 'b\u0000c')).not.toBe(idempotentJobId('a\u0000b', 'c'));
  });
});

describe('request causation', () => {
  it('ignores key order and whitespace, not values', () => {
    const a = requestCausation({ source: 's', demand: { dpu: 2, runs: 1 }, pools: ['p', 'q'] });
    expect(requestCausation({ pools: ['p', 'q'], demand: { runs: 1, dpu: 2 }, source: 's' })).toBe(a);
    expect(requestCausation({ pools: ['q', 'p'], demand: { runs: 1, dpu: 2 }, source: 's' })).not.toBe(a);
    expect(a).toMatch(/^request:[0-9a-f]{64}$/);
  });

  it('writes canonical JSON with sorted keys and no undefined members', () => {
    expect(canonicalJson({ b: 1, a: [{ d: null, c: 'x' }], u: undefined })).toBe(
      '{"a":[{"c":"x","d":null}],"b":1}',
    );
  });
});
