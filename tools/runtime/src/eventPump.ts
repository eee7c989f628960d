import type { EventStore, StoredEvent } from '@sluice/domain';

/**
 * Follows the store's global feed from a position and hands each new page to the listeners:
 * the in-process stand-in for DynamoDB Streams.
 */
export class EventPump {
  constructor(
    private readonly store: EventStore,
    private position: number,
    private readonly listeners: ((events: StoredEvent[]) => void | Promise<void>)[],
  ) {}

  get checkpoint(): number {
    return this.position;
  }

  async poll(): Promise<number> {
    let delivered = 0;
    for (;;) {
      const page = await this.store.readAll({ after: this.position, limit: 1000 });
      if (page.events.length > 0) {
        for (const listener of this.listeners) await listener(page.events);
        delivered += page.events.length;
      }
      this.position = page.lastPosition;
      if (page.isEnd) return delivered;
    }
  }
}
