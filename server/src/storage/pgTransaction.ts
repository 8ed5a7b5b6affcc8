import type pg from 'pg';

/**
 * Runs `body` in one transaction on a pooled connection: committed when it resolves, rolled back when it
 * throws. `begin` may name an isolation level (`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`).
 */
export async function inTransaction<T>(
  pool: pg.Pool,
  body: (client: pg.PoolClient) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  const client = await pool.connect();
  let result: T;
  try {
    await client.query(begin);
    result = await body(client);
    await client.query('COMMIT');
  } catch (error) {
    // A connection that cannot even roll back is broken: it is dropped instead of going back to the pool.
    const rolledBack = await client.query('ROLLBACK').then(
      () => true,
      () => false,
    );
    client.release(rolledBack ? undefined : true);
    throw error;
  }
  client.release();
  return result;
}
