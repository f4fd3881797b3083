import { TcpProxy } from './support/tcp-proxy';
import { createTestSystem, http, type TestSystem } from './support/test-app';
import { TEST_REDIS_URL, TEST_SERVER_URL } from './support/test-env';

async function proxyTo(url: string): Promise<TcpProxy> {
  const { hostname, port } = new URL(url);
  return new TcpProxy(hostname, Number(port)).start();
}

function through(proxy: TcpProxy, url: string): string {
  const rewritten = new URL(url);
  rewritten.hostname = '127.0.0.1';
  rewritten.port = String(proxy.port);
  return rewritten.toString();
}

describe('health', () => {
  const systems: TestSystem[] = [];
  const proxies: TcpProxy[] = [];

  afterAll(async () => {
    await Promise.all(systems.map((system) => system.close()));
    await Promise.all(proxies.map((proxy) => proxy.stop()));
  });

  it('is public and reports the database and the PostgreSQL queue backend up', async () => {
    const system = await createTestSystem();
    systems.push(system);
    const app = await system.startApi();
    const response = await http(app).get('/api/v1/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      database: { status: 'up' },
      queue: { status: 'up' },
      queueBackend: 'postgres',
    });
  });

  it('answers 503 while PostgreSQL is unreachable, and 200 again once it is back', async () => {
    const proxy = await proxyTo(TEST_SERVER_URL);
    proxies.push(proxy);
    const system = await createTestSystem({ rewriteDatabaseUrl: (url) => through(proxy, url) });
    systems.push(system);
    const app = await system.startApi();
    await http(app).get('/api/v1/health').expect(200);

    await proxy.stop();
    const down = await http(app).get('/api/v1/health').expect(503);
    expect(down.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(down.body).toMatchObject({
      status: 503,
      title: 'Service Unavailable',
      database: { status: 'down', error: expect.any(String) },
    });

    await proxy.start();
    await http(app).get('/api/v1/health').expect(200);
  });

  it('answers 503 naming the queue when Redis is unreachable on the Redis backend', async () => {
    const proxy = await proxyTo(TEST_REDIS_URL);
    proxies.push(proxy);
    const system = await createTestSystem({
      queueBackend: 'redis',
      env: { REDIS_URL: through(proxy, TEST_REDIS_URL) },
    });
    systems.push(system);
    const app = await system.startApi();
    const up = await http(app).get('/api/v1/health').expect(200);
    expect(up.body).toMatchObject({ queue: { status: 'up' }, queueBackend: 'redis' });

    await proxy.stop();
    const down = await http(app).get('/api/v1/health').expect(503);
    expect(down.body).toMatchObject({ database: { status: 'up' }, queue: { status: 'down' }, queueBackend: 'redis' });
  });
});
