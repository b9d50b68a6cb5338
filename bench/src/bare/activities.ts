import type pg from 'pg';

export interface BareActivities {
  markFired(id: string, dueAt: number): Promise<void>;
}

/** The floor's one side effect: one row in a table the bench polls with raw SQL. */
export function createBareActivities(pool: pg.Pool): BareActivities {
  return {
    async markFired(id, dueAt) {
      await pool.query('INSERT INTO bench_fired (id, due_at, fired_at) VALUES ($1, $2, now()) ON CONFLICT (id) DO NOTHING', [id, new Date(dueAt)]);
    },
  };
}

export const BENCH_FIRED_SQL = 'CREATE TABLE IF NOT EXISTS bench_fired (id text PRIMARY KEY, due_at timestamptz NOT NULL, fired_at timestamptz NOT NULL)';
