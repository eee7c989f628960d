import { InMemoryEventStore } from './inMemoryEventStore';
import { eventStoreContract } from './eventStoreContract';

let clock = Date.UTC(2026, 0, 1);
eventStoreContract('in-memory', async () => ({
  store: new InMemoryEventStore({ now: () => new Date((clock += 1000)) }),
  dispose: async () => {},
}));
