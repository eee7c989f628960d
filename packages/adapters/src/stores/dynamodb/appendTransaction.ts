import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import type { AppendResult, ValidatedAppend } from '@sluice/domain';
import { GLOBAL_COUNTER_PK, HEAD_SORT_KEY } from './eventStoreTable';
import { feedEventItem, guardItem, itemSize, streamEventItem, type Item } from './eventItems';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** What one item of the transaction stands for, so a cancellation reason can be traced back. */
export type ItemRole =
  | { kind: 'counter' }
  | { kind: 'head'; append: number }
  | { kind: 'event' | 'feed' | 'guard'; append: number; event: number };

export interface AttemptInput {
  tableName: string;
  appends: ValidatedAppend[];
  /** The last assigned global position, or undefined while the counter item does not exist. */
  counter: number | undefined;
  /** Per append, the version its stream must be at (0: the stream must not exist). */
  baseVersions: number[];
  recordedAt: string;
}

export interface AppendTransaction {
  items: TransactItem[];
  roles: ItemRole[];
  /** What the caller gets back if the transaction commits. */
  results: AppendResult[];
  sizes: { field: string; bytes: number }[];
  totalBytes: number;
}

/**
 * One all-or-nothing write: the counter update serialises every append in the table (so positions
 * follow commit order without gaps), each head update is the expected-version guard, and each
 * event is written to its stream, to the global feed and as an idempotency guard.
 */
export function buildAppendTransaction(input: AttemptInput): AppendTransaction {
  const { tableName, appends, counter, baseVersions, recordedAt } = input;
  const total = appends.reduce((n, a) => n + a.events.length, 0);
  const seen = counter ?? 0;
  const counterItem = guardedSet(tableName, GLOBAL_COUNTER_PK, counter, seen + total);
  const items: TransactItem[] = [counterItem];
  const roles: ItemRole[] = [{ kind: 'counter' }];
  const puts: { item: Item; role: ItemRole; field: string }[] = [];
  const results: AppendResult[] = [];
  let position = seen;

  appends.forEach((append, a) => {
    const base = baseVersions[a] ?? 0;
    items.push(
      guardedSet(tableName, append.streamId, base === 0 ? undefined : base, base + append.events.length),
    );
    roles.push({ kind: 'head', append: a });
    const versions: number[] = [];
    const positions: number[] = [];
    append.events.forEach((event, e) => {
      position += 1;
      const at = { streamId: append.streamId, version: base + e + 1, position, recordedAt };
      versions.push(at.version);
      positions.push(at.position);
      const field = `appends.${a}.events.${e}`;
      puts.push({ item: streamEventItem(event, at), role: { kind: 'event', append: a, event: e }, field });
      puts.push({ item: feedEventItem(event, at), role: { kind: 'feed', append: a, event: e }, field });
      puts.push({ item: guardItem(event, at), role: { kind: 'guard', append: a, event: e }, field });
    });
    results.push({
      streamId: append.streamId,
      nextExpectedVersion: base + append.events.length,
      versions,
      positions,
      duplicate: false,
    });
  });

  const sizes = puts.map(({ item, field }) => ({ field, bytes: itemSize(item) }));
  for (const { item, role } of puts) {
    // Nothing is ever overwritten; the head and counter guards make these conditions hold already.
    items.push({
      Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
    });
    roles.push(role);
  }
  const headBytes = [GLOBAL_COUNTER_PK, ...appends.map((a) => a.streamId)].reduce(
    (n, pk) => n + itemSize({ pk, sk: HEAD_SORT_KEY, head: 0 }),
    0,
  );
  return { items, roles, results, sizes, totalBytes: headBytes + sizes.reduce((n, s) => n + s.bytes, 0) };
}

/** Sets `head` of a one-item partition, on condition that it still holds `expected` (or is absent). */
function guardedSet(tableName: string, pk: string, expected: number | undefined, next: number): TransactItem {
  const absent = expected === undefined;
  return {
    Update: {
      TableName: tableName,
      Key: { pk, sk: HEAD_SORT_KEY },
      UpdateExpression: 'SET #head = :next',
      ConditionExpression: absent ? 'attribute_not_exists(pk)' : '#head = :expected',
      ExpressionAttributeNames: { '#head': 'head' },
      ExpressionAttributeValues: absent ? { ':next': next } : { ':next': next, ':expected': expected },
    },
  };
}
