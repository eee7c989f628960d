import Database from 'better-sqlite3';
import type { CheckpointStore, ProjectionCheckpoint } from '@sluice/scheduler';

/** Checkpoints in a SQLite file (the embedded store's file works: the table is separate). */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly db: Database.Database;

  constructor(filename: string) {
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY, position INTEGER NOT NULL, state TEXT NOT NULL
    ) WITHOUT ROWID`);
  }

  async load<S>(name: string): Promise<ProjectionCheckpoint<S> | undefined> {
    const row = this.db
      .prepare<[string], { position: number; state: string }>('SELECT position, state FROM projection_checkpoints WHERE name = ?')
      .get(name);
    return row ? { position: row.position, state: JSON.parse(row.state) as S } : undefined;
  }

  async save<S>(name: string, checkpoint: ProjectionCheckpoint<S>): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO projection_checkpoints (name, position, state) VALUES (?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET position = excluded.position, state = excluded.state
         WHERE excluded.position > projection_checkpoints.position`,
      )
      .run(name, checkpoint.position, JSON.stringify(checkpoint.state));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
