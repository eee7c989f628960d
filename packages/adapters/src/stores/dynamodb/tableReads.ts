import {
  BatchGetCommand,
  GetCommand,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import type { Item } from './eventItems';
import { HEAD_SORT_KEY } from './eventStoreTable';

export interface Key {
  pk: string;
  sk: number;
}

/** Strongly consistent reads of up to 100 keys; keys DynamoDB leaves unprocessed are asked again. */
export async function getItems(doc: DynamoDBDocumentClient, tableName: string, keys: Key[]): Promise<Item[]> {
  const found: Item[] = [];
  let pending: Record<string, unknown>[] = keys.map((k) => ({ ...k }));
  for (let round = 0; pending.length > 0; round++) {
    if (round > 0) await sleep(Math.min(500, 10 * 2 ** round));
    const out = await doc.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
    );
    found.push(...(out.Responses?.[tableName] ?? []));
    pending = out.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return found;
}

/** The `head` of a one-item partition (a stream's version, the global counter), or undefined if absent. */
export async function readHead(
  doc: DynamoDBDocumentClient,
  tableName: string,
  pk: string,
): Promise<number | undefined> {
  const out = await doc.send(
    new GetCommand({ TableName: tableName, Key: { pk, sk: HEAD_SORT_KEY }, ConsistentRead: true }),
  );
  return out.Item ? Number(out.Item.head) : undefined;
}

/** Every item of partition `pk` with sk in [from, to], in sort order, following pages past 1 MB. */
export async function queryRange(
  doc: DynamoDBDocumentClient,
  tableName: string,
  pk: string,
  from: number,
  to: number,
): Promise<Item[]> {
  const items: Item[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': pk, ':from': from, ':to': to },
        ConsistentRead: true,
        Limit: to - from + 1 - items.length,
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey && items.length < to - from + 1);
  return items;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
