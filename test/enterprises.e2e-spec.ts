import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createOffice, enterpriseInput, signIn, validCreditCode } from './support/factories';
import { ADMIN, bearer, createTestSystem, http, login, type Session, type TestSystem } from './support/test-app';

describe('enterprises', () => {
  let system: TestSystem;
  let app: NestFastifyApplication;
  let admin: Session;
  let caseworker: Session;
  let supervisor: Session;

  beforeAll(async () => {
    system = await createTestSystem();
    app = await system.startApi();
    admin = await login(app, ADMIN.email, ADMIN.password);
    const office = await createOffice(app, admin);
    caseworker = await signIn(app, admin, 'caseworker', office.id);
    const otherOffice = await createOffice(app, admin);
    supervisor = await signIn(app, admin, 'supervisor', otherOffice.id);
  });

  afterAll(() => system.close());

  it('a caseworker registers an enterprise that every role can read', async () => {
    const input = enterpriseInput({
      name: 'Shenzhen Bright Future Energy Co., Ltd.',
      industry: 'new_energy',
      size: 'small',
    });
    const created = await http(app).post('/api/v1/enterprises').set(bearer(caseworker)).send(input).expect(201);
    expect(created.body).toMatchObject({
      ...input,
      id: expect.any(String),
      createdById: caseworker.user.id,
      version: 1,
    });
    const { id } = created.body as { id: string };
    for (const reader of [caseworker, supervisor, admin]) {
      await http(app).get(`/api/v1/enterprises/${id}`).set(bearer(reader)).expect(200);
    }
  });

  it('refuses a credit code with a wrong check character, naming the field', async () => {
    const code = validCreditCode();
    const wrongCheck = code.slice(0, 17) + (code.endsWith('0') ? '1' : '0');
    const refused = await http(app)
      .post('/api/v1/enterprises')
      .set(bearer(caseworker))
      .send(enterpriseInput({ creditCode: wrongCheck }))
      .expect(400);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.body).toMatchObject({ status: 400, title: 'Bad Request' });
    expect(refused.body.errors).toEqual([{ field: 'creditCode', message: expect.stringContaining('check character') }]);
  });

  it('refuses a second enterprise with the same credit code', async () => {
    const input = enterpriseInput();
    await http(app).post('/api/v1/enterprises').set(bearer(caseworker)).send(input).expect(201);
    const duplicate = await http(app)
      .post('/api/v1/enterprises')
      .set(bearer(supervisor))
      .send(enterpriseInput({ creditCode: input.creditCode }))
      .expect(409);
    expect(duplicate.body.type).toMatch(/duplicate-credit-code$/);
  });

  it('refuses unknown fields and bad enum values, changing nothing', async () => {
    const input = enterpriseInput();
    const unknown = await http(app)
      .post('/api/v1/enterprises')
      .set(bearer(caseworker))
      .send({ ...input, rating: 'AAA' })
      .expect(400);
    expect(unknown.body.errors).toEqual([{ field: 'rating', message: 'rating is not an accepted field' }]);
    await http(app)
      .post('/api/v1/enterprises')
      .set(bearer(caseworker))
      .send({ ...input, industry: 'mining' })
      .expect(400);
    const search = await http(app)
      .get('/api/v1/enterprises')
      .query({ q: input.creditCode })
      .set(bearer(admin))
      .expect(200);
    expect(search.body.items).toEqual([]);
  });

  it('edits with the version read; a stale version is 409 and changes nothing', async () => {
    const created = await http(app)
      .post('/api/v1/enterprises')
      .set(bearer(caseworker))
      .send(enterpriseInput())
      .expect(201);
    const { id } = created.body as { id: string };
    const edited = await http(app)
      .patch(`/api/v1/enterprises/${id}`)
      .set(bearer(supervisor))
      .send({ version: 1, size: 'medium', contactName: 'Zhang San' })
      .expect(200);
    expect(edited.body).toMatchObject({ size: 'medium', contactName: 'Zhang San', version: 2 });
    await http(app)
      .patch(`/api/v1/enterprises/${id}`)
      .set(bearer(caseworker))
      .send({ version: 1, size: 'large' })
      .expect(409);
    const current = await http(app).get(`/api/v1/enterprises/${id}`).set(bearer(admin)).expect(200);
    expect(current.body).toMatchObject({ size: 'medium', version: 2 });
    await http(app).patch(`/api/v1/enterprises/${id}`).set(bearer(caseworker)).send({ size: 'large' }).expect(400);
  });

  it('lists by industry, size and text, walking every page once', async () => {
    const marker = `Keyset${Date.now()}`;
    const created = new Set<string>();
    for (let index = 0; index < 25; index++) {
      const response = await http(app)
        .post('/api/v1/enterprises')
        .set(bearer(caseworker))
        .send(
          enterpriseInput({
            name: `${marker} ${index}`,
            industry: index % 5 === 0 ? 'internet' : 'biomedicine',
            size: 'micro',
          }),
        )
        .expect(201);
      created.add((response.body as { id: string }).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await http(app)
        .get('/api/v1/enterprises')
        .query({ q: marker.toLowerCase(), limit: 7, ...(cursor === null ? {} : { cursor }) })
        .set(bearer(supervisor))
        .expect(200);
      const body = response.body as { items: { id: string; createdAt: string }[]; nextCursor: string | null };
      seen.push(...body.items.map((item) => item.id));
      cursor = body.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(25);
    expect(new Set(seen)).toEqual(created);

    const internet = await http(app)
      .get('/api/v1/enterprises')
      .query({ q: marker, industry: 'internet', size: 'micro', limit: 100 })
      .set(bearer(admin))
      .expect(200);
    expect(internet.body.items).toHaveLength(5);
    expect(internet.body.nextCursor).toBeNull();
  });

  it('refuses a limit outside 1–100 and a cursor it did not issue', async () => {
    for (const limit of [0, 101, 'ten']) {
      const refused = await http(app).get('/api/v1/enterprises').query({ limit }).set(bearer(admin)).expect(400);
      expect(refused.body.errors[0].field).toBe('limit');
    }
    const badCursor = await http(app)
      .get('/api/v1/enterprises')
      .query({ cursor: 'bm9wZQ' })
      .set(bearer(admin))
      .expect(400);
    expect(badCursor.body.errors).toEqual([{ field: 'cursor', message: expect.any(String) }]);
  });
});
