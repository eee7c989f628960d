import { eventStoreTableDefinition } from '@sluice/adapters';
import { describe, expect, it } from 'vitest';
import { EVENT_STORE_KEYS } from './eventStoreKeys';

describe('event-store keys', () => {
  it('match the table the DynamoDB adapter creates', () => {
    const definition = eventStoreTableDefinition('any');
    const { partitionKey, sortKey } = EVENT_STORE_KEYS;
    expect(definition.KeySchema).toEqual([
      { AttributeName: partitionKey.name, KeyType: 'HASH' },
      { AttributeName: sortKey.name, KeyType: 'RANGE' },
    ]);
    expect(definition.AttributeDefinitions).toEqual([
      { AttributeName: partitionKey.name, AttributeType: partitionKey.type },
      { AttributeName: sortKey.name, AttributeType: sortKey.type },
    ]);
  });
});
