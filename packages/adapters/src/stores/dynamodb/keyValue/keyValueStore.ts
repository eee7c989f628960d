/**
 * A tiny durable map the adapters keep their own bookkeeping in (task tokens, crawler starts).
 * Keys are scoped by the caller; values are strings.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  put(key: string, value: string, options?: { expiresAt?: Date }): Promise<void>;
  /** Stores the value unless the key exists; returns whichever value the key holds afterwards. */
  putIfAbsent(key: string, value: string, options?: { expiresAt?: Date }): Promise<string>;
  /** Removes the key and returns what it held, atomically: of two takers, one gets the value. */
  take(key: string): Promise<string | undefined>;
  /** Deletes the key; with `ifValue`, only while it still holds that value. */
  delete(key: string, options?: { ifValue?: string }): Promise<void>;
}

/** For tests and the single-process local runtime: lost on restart. */
export class InMemoryKeyValueStore implements KeyValueStore {
  private readonly entries = new Map<string, string>();

  async get(key: string): Promise<string | undefined> {
    return this.entries.get(key);
  }

  async put(key: string, value: string): Promise<void> {
    this.entries.set(key, value);
  }

  async putIfAbsent(key: string, value: string): Promise<string> {
    const existing = this.entries.get(key);
    if (existing !== undefined) return existing;
    this.entries.set(key, value);
    return value;
  }

  async take(key: string): Promise<string | undefined> {
    const value = this.entries.get(key);
    this.entries.delete(key);
    return value;
  }

  async delete(key: string, options: { ifValue?: string } = {}): Promise<void> {
    if (options.ifValue !== undefined && this.entries.get(key) !== options.ifValue) return;
    this.entries.delete(key);
  }
}
