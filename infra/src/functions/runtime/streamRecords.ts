import type { DynamoDBRecord } from 'aws-lambda';

/** What a record of the event-store table's stream says about the event log. */
export interface RecordSummary {
  sequenceNumber: string;
  /** The global position it carries, when it carries one (events, feed copies, guards, the counter). */
  position?: number;
  /** Set on the feed copy of an event: exactly one record per event has it. */
  feedEventType?: string;
}

const FEED_PREFIX = '$all#';
const COUNTER_PK = '$global';

export function summarizeRecord(record: DynamoDBRecord): RecordSummary {
  const image = record.dynamodb?.NewImage ?? {};
  const pk = image.pk?.S ?? record.dynamodb?.Keys?.pk?.S ?? '';
  const positionText = image.position?.N ?? (pk === COUNTER_PK ? image.head?.N : undefined);
  const position = positionText === undefined ? undefined : Number(positionText);
  const type = image.type?.S;
  return {
    sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
    ...(position !== undefined && Number.isFinite(position) ? { position } : {}),
    ...(pk.startsWith(FEED_PREFIX) && type && record.eventName === 'INSERT' ? { feedEventType: type } : {}),
  };
}
