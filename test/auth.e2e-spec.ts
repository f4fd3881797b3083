import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createOffice, createUser, signIn } from './support/factories';
import { ADMIN, bearer, createTestSystem, http, login, type Session, type TestSystem } from './support/test-app';

describe('authentication', () => {
  let system: TestSystem;
  let app: NestFastifyApplication;
  let admin: Session;

  beforeAll(async () => {
    system = await createTestSystem({ env: { LOGIN_MAX_FAILURES: '3' } });
    app = await system.startApi();
    admin = await login(app, ADMIN.email, ADMIN.password);
  });

  afterAll(() => system.close());

  it('logs the initial admin in and tells who they are', async () => {
    expect(admin).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
      expiresIn: 900,
      user: expect.objectContaining({ email: ADMIN.email, role: 'admin', active: true }),
    });
    expect(admin.user).not.toHaveProperty('passwordHash');
    const me = await http(app).get('/api/v1/auth/me').set(bearer(admin)).expect(200);
    expect(me.body).toMatchObject({ id: admin.user.id, email: ADMIN.email, role: 'admin' });
  });

  it('accepts the e-mail in any case', async () => {
    await login(app, ADMIN.email.toUpperCase(), ADMIN.password);
  });

  it('gives one and the same 401 for an unknown e-mail and a wrong password', async () => {
    const unknown = await http(app)
      .post('/api/v1/auth/login')
      .send({ email: 'nobody@test.local', password: 'whatever-1' })
      .expect(401);
    const wrong = await http(app)
      .post('/api/v1/auth/login')
      .send({ email: ADMIN.email, password: 'wrong-password' })
      .expect(401);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body).toMatchObject({ status: 401, title: 'Unauthorized', detail: 'Invalid email or password' });
  });

  it('refuses requests without a valid access token', async () => {
    await http(app).get('/api/v1/auth/me').expect(401);
    await http(app).get('/api/v1/auth/me').set({ authorization: 'Bearer not-a-jwt' }).expect(401);
    const forged = admin.accessToken.slice(0, -4) + (admin.accessToken.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    await http(app)
      .get('/api/v1/auth/me')
      .set({ authorization: `Bearer ${forged}` })
      .expect(401);
  });

  describe('refresh tokens', () => {
    it('rotate: the new pair works and the spent refresh token is refused', async () => {
      const first = await login(app, ADMIN.email, ADMIN.password);
      const rotated = await http(app)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200);
      const second = rotated.body as Session;
      expect(second.refreshToken).not.toEqual(first.refreshToken);
      await http(app).get('/api/v1/auth/me').set(bearer(second)).expect(200);
      await http(app).post('/api/v1/auth/refresh').send({ refreshToken: second.refreshToken }).expect(200);
    });

    it('reused, revoke the whole family: the thief and the owner are both logged out', async () => {
      const original = await login(app, ADMIN.email, ADMIN.password);
      const ownersPair = (
        await http(app).post('/api/v1/auth/refresh').send({ refreshToken: original.refreshToken }).expect(200)
      ).body as Session;
      // Someone replays the spent token.
      await http(app).post('/api/v1/auth/refresh').send({ refreshToken: original.refreshToken }).expect(401);
      await http(app).post('/api/v1/auth/refresh').send({ refreshToken: ownersPair.refreshToken }).expect(401);
      await http(app).get('/api/v1/auth/me').set(bearer(ownersPair)).expect(401);
    });

    it('refuses made-up tokens with 401 and malformed bodies with 400', async () => {
      await http(app).post('/api/v1/auth/refresh').send({ refreshToken: 'made-up' }).expect(401);
      await http(app)
        .post('/api/v1/auth/refresh')
        .send({ refreshToken: `${admin.user.id}.${'A'.repeat(43)}` })
        .expect(401);
      await http(app).post('/api/v1/auth/refresh').send({}).expect(400);
    });
  });

  it('logout ends the session: its access and refresh tokens stop working', async () => {
    const session = await login(app, ADMIN.email, ADMIN.password);
    await http(app)
      .post('/api/v1/auth/logout')
      .set(bearer(session))
      .send({ refreshToken: session.refreshToken })
      .expect(204);
    await http(app).get('/api/v1/auth/me').set(bearer(session)).expect(401);
    await http(app).post('/api/v1/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
    // Other sessions of the same user go on.
    await http(app).get('/api/v1/auth/me').set(bearer(admin)).expect(200);
  });

  it('logs out with the refresh token alone, and refuses a logout that names no session', async () => {
    const session = await login(app, ADMIN.email, ADMIN.password);
    await http(app).post('/api/v1/auth/logout').send({ refreshToken: session.refreshToken }).expect(204);
    await http(app).get('/api/v1/auth/me').set(bearer(session)).expect(401);
    await http(app).post('/api/v1/auth/logout').send({}).expect(401);
    await http(app).post('/api/v1/auth/logout').set({ authorization: 'Bearer forged' }).send({}).expect(401);
  });

  describe('roles', () => {
    it('lets only admins manage offices and users', async () => {
      const office = await createOffice(app, admin);
      const caseworker = await signIn(app, admin, 'caseworker', office.id);
      const supervisor = await signIn(app, admin, 'supervisor', office.id);
      for (const session of [caseworker, supervisor]) {
        const refused = await http(app)
          .post('/api/v1/offices')
          .set(bearer(session))
          .send({ code: 'SZ-X', name: 'X' })
          .expect(403);
        expect(refused.body).toMatchObject({ status: 403, title: 'Forbidden' });
        await http(app).get('/api/v1/users').set(bearer(session)).expect(403);
      }
      await http(app).get('/api/v1/offices').set(bearer(caseworker)).expect(200);
    });
  });

  describe('deactivation', () => {
    it('takes effect at once: the next request with an old access token is 401 and the refresh token is refused', async () => {
      const office = await createOffice(app, admin);
      const caseworker = await signIn(app, admin, 'caseworker', office.id);
      await http(app).get('/api/v1/auth/me').set(bearer(caseworker)).expect(200);

      await http(app)
        .patch(`/api/v1/users/${caseworker.account.id}`)
        .set(bearer(admin))
        .send({ version: caseworker.account.version, active: false })
        .expect(200)
        .expect((response) =>
          expect(response.body).toMatchObject({ active: false, version: caseworker.account.version + 1 }),
        );

      await http(app).get('/api/v1/auth/me').set(bearer(caseworker)).expect(401);
      await http(app).post('/api/v1/auth/refresh').send({ refreshToken: caseworker.refreshToken }).expect(401);
      await http(app)
        .post('/api/v1/auth/login')
        .send({ email: caseworker.account.email, password: caseworker.account.password })
        .expect(401);
    });

    it('stays in force when the user is reactivated: old tokens remain dead, a new login works', async () => {
      const office = await createOffice(app, admin);
      const supervisor = await signIn(app, admin, 'supervisor', office.id);
      const deactivated = await http(app)
        .patch(`/api/v1/users/${supervisor.account.id}`)
        .set(bearer(admin))
        .send({ version: supervisor.account.version, active: false })
        .expect(200);
      await http(app)
        .patch(`/api/v1/users/${supervisor.account.id}`)
        .set(bearer(admin))
        .send({ version: (deactivated.body as { version: number }).version, active: true })
        .expect(200);
      await http(app).get('/api/v1/auth/me').set(bearer(supervisor)).expect(401);
      await login(app, supervisor.account.email, supervisor.account.password);
    });
  });

  describe('throttling', () => {
    it('answers 429 with Retry-After after repeated failures, even for the right password', async () => {
      const user = await createUser(app, admin, 'admin');
      for (let attempt = 0; attempt < 3; attempt++) {
        await http(app).post('/api/v1/auth/login').send({ email: user.email, password: 'wrong-password' }).expect(401);
      }
      const throttled = await http(app)
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: user.password })
        .expect(429);
      expect(throttled.headers['retry-after']).toMatch(/^\d+$/);
      expect(throttled.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
      // Other accounts are not affected.
      await login(app, ADMIN.email, ADMIN.password);
    });

    it('forgets failures after a successful login', async () => {
      const user = await createUser(app, admin, 'admin');
      for (let round = 0; round < 2; round++) {
        for (let attempt = 0; attempt < 2; attempt++) {
          await http(app)
            .post('/api/v1/auth/login')
            .send({ email: user.email, password: 'wrong-password' })
            .expect(401);
        }
        await login(app, user.email, user.password);
      }
    });
  });
});
