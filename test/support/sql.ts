import { Client } from 'pg';

/** Runs SQL directly against a test database (fixtures that no API offers, or checks on raw rows). */
export async function sql<Row extends object = Record<string, unknown>>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<Row[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<Row>(text, values)).rows;
  } finally {
    await client.end();
  }
}
