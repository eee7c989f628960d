/**
 * The event-store table's key schema as the DynamoDB adapter defines it
 * (packages/adapters/src/eventStore/dynamo/eventStoreTable.ts). It is mirrored rather than
 * imported because that module loads the AWS SDK, which the Pulumi program has no use for; a
 * test holds the two together.
 */
export const EVENT_STORE_KEYS = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'N' },
} as const;

/**
 * Projection checkpoints, task tokens and the adapters' key-value records share one table with
 * the same key schema (DynamoKeyValueStore's `(pk: S, sk: N)`); `expiresAt` (epoch seconds) is the
 * key-value items' expiry.
 */
export const PROJECTION_KEYS = EVENT_STORE_KEYS;
export const PROJECTION_TTL_ATTRIBUTE = 'expiresAt';
