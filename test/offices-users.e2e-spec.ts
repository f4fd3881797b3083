import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createOffice, signIn } from './support/factories';
import { ADMIN, bearer, createTestSystem, http, login, type Session, type TestSystem } from './support/test-app';

describe('offices and users', () => {
  let system: TestSystem;
  let app: NestFastifyApplication;
  let admin: Session;

  beforeAll(async () => {
    system = await createTestSystem();
    app = await system.startApi();
    admin = await login(app, ADMIN.email, ADMIN.password);
  });

  afterAll(() => system.close());

  describe('offices', () => {
    it('are created, read, renamed with the version read, and refused a duplicate code', async () => {
      const created = await http(app)
        .post('/api/v1/offices')
        .set(bearer(admin))
        .send({ code: 'SZ-NS', name: 'Nanshan District Office' })
        .expect(201);
      expect(created.body).toEqual({
        id: expect.any(String),
        code: 'SZ-NS',
        name: 'Nanshan District Office',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      const { id } = created.body as { id: string };
      await http(app).get(`/api/v1/offices/${id}`).set(bearer(admin)).expect(200);

      const renamed = await http(app)
        .patch(`/api/v1/offices/${id}`)
        .set(bearer(admin))
        .send({ version: 1, name: 'Nanshan Office' })
        .expect(200);
      expect(renamed.body).toMatchObject({ name: 'Nanshan Office', version: 2 });

      const stale = await http(app)
        .patch(`/api/v1/offices/${id}`)
        .set(bearer(admin))
        .send({ version: 1, name: 'Lost update' })
        .expect(409);
      expect(stale.body).toMatchObject({
        type: expect.stringMatching(/stale-version$/),
        status: 409,
        currentVersion: 2,
      });

      const duplicate = await http(app)
        .post('/api/v1/offices')
        .set(bearer(admin))
        .send({ code: 'SZ-NS', name: 'Again' })
        .expect(409);
      expect(duplicate.body.type).toMatch(/duplicate-office-code$/);
      await http(app)
        .post('/api/v1/offices')
        .set(bearer(admin))
        .send({ code: 'sz-ns', name: 'Same, lower case' })
        .expect(409);
    });

    it('answers 404 for an unknown or malformed id', async () => {
      await http(app).get('/api/v1/offices/00000000-0000-4000-8000-000000000000').set(bearer(admin)).expect(404);
      await http(app).get('/api/v1/offices/not-an-id').set(bearer(admin)).expect(404);
    });
  });

  describe('users', () => {
    it('are created without ever showing a password hash', async () => {
      const office = await createOffice(app, admin);
      const response = await http(app)
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({
          email: 'Li.Na@Example.org',
          name: 'Li Na',
          role: 'caseworker',
          officeId: office.id,
          password: 'a-password',
        })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        email: 'li.na@example.org',
        name: 'Li Na',
        role: 'caseworker',
        officeId: office.id,
        active: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      const stored = await http(app)
        .get(`/api/v1/users/${(response.body as { id: string }).id}`)
        .set(bearer(admin))
        .expect(200);
      expect(JSON.stringify(stored.body)).not.toMatch(/password|argon/i);
    });

    it('refuse a second account for the same e-mail in another case', async () => {
      const office = await createOffice(app, admin);
      const input = { name: 'Wang Wei', role: 'supervisor', officeId: office.id, password: 'a-password' };
      await http(app)
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({ ...input, email: 'wang.wei@example.org' })
        .expect(201);
      const duplicate = await http(app)
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({ ...input, email: 'WANG.WEI@example.org' })
        .expect(409);
      expect(duplicate.body.type).toMatch(/duplicate-email$/);
    });

    it('need an existing office unless they are admins', async () => {
      const missing = await http(app)
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({ email: 'no.office@example.org', name: 'No Office', role: 'caseworker', password: 'a-password' })
        .expect(400);
      expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'officeId' })]);
      const unknown = await http(app)
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({
          email: 'ghost.office@example.org',
          name: 'Ghost',
          role: 'caseworker',
          officeId: '00000000-0000-4000-8000-000000000000',
          password: 'a-password',
        })
        .expect(400);
      expect(unknown.body.errors).toEqual([{ field: 'officeId', message: 'does not name an existing office' }]);
      await http(app)
        .post('/api/v1/users')
        .set(bearer(admin))
        .send({ email: 'second.admin@example.org', name: 'Second Admin', role: 'admin', password: 'a-password' })
        .expect(201);
    });

    it('list with filters, one page at a time', async () => {
      const office = await createOffice(app, admin);
      for (let index = 0; index < 5; index++)
        await signIn(app, admin, index % 2 === 0 ? 'caseworker' : 'supervisor', office.id);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await http(app)
          .get('/api/v1/users')
          .query({ officeId: office.id, limit: 2, ...(cursor === null ? {} : { cursor }) })
          .set(bearer(admin))
          .expect(200);
        const body = page.body as { items: { id: string; officeId: string }[]; nextCursor: string | null };
        expect(body.items.length).toBeLessThanOrEqual(2);
        for (const item of body.items) expect(item.officeId).toBe(office.id);
        seen.push(...body.items.map((item) => item.id));
        cursor = body.nextCursor;
      } while (cursor !== null);
      expect(seen).toHaveLength(5);
      expect(new Set(seen).size).toBe(5);

      const supervisors = await http(app)
        .get('/api/v1/users')
        .query({ officeId: office.id, role: 'supervisor' })
        .set(bearer(admin))
        .expect(200);
      expect((supervisors.body as { items: unknown[] }).items).toHaveLength(2);
    });

    it('cannot have an admin deactivate themselves', async () => {
      const me = await http(app).get('/api/v1/auth/me').set(bearer(admin)).expect(200);
      const refused = await http(app)
        .patch(`/api/v1/users/${admin.user.id}`)
        .set(bearer(admin))
        .send({ version: (me.body as { version: number }).version, active: false })
        .expect(409);
      expect(refused.body.type).toMatch(/self-deactivation$/);
    });
  });
});
