import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { enterpriseInput } from './factories';
import { bearer, http, type Session } from './test-app';

/** Builds casework through the API, as users would: registered enterprises, approved requests, filed cases. */
export class CaseworkBuilder {
  constructor(
    private readonly app: NestFastifyApplication,
    private readonly caseworker: Session,
    private readonly supervisor: Session,
  ) {}

  async enterprise(overrides: Record<string, unknown> = {}): Promise<string> {
    const response = await http(this.app)
      .post('/api/v1/enterprises')
      .set(bearer(this.caseworker))
      .send(enterpriseInput(overrides))
      .expect(201);
    return (response.body as { id: string }).id;
  }

  /** A request for the enterprise, walked to `approved` at the clock's current time. */
  async approvedRequest(enterpriseId: string): Promise<string> {
    let request = (
      await http(this.app)
        .post('/api/v1/assistance-requests')
        .set(bearer(this.caseworker))
        .send({ enterpriseId, type: 'expert_consultation', title: 'Patent landscape advice' })
        .expect(201)
    ).body as { id: string; version: number };
    for (const [session, action] of [
      [this.caseworker, 'submit'],
      [this.supervisor, 'start_review'],
      [this.supervisor, 'approve'],
    ] as const) {
      request = (await this.transition('assistance-requests', session, request, action)).body as {
        id: string;
        version: number;
      };
    }
    return request.id;
  }

  /** A case received and filed at the clock's current time. */
  async filedCase(overrides: Record<string, unknown> = {}): Promise<{ id: string; version: number }> {
    const created = (
      await http(this.app)
        .post('/api/v1/enforcement-cases')
        .set(bearer(this.caseworker))
        .send({
          ipType: 'trademark',
          category: 'counterfeiting',
          source: 'inspection',
          respondentName: 'Copycat Ltd.',
          ...overrides,
        })
        .expect(201)
    ).body as { id: string; version: number };
    return (await this.transition('enforcement-cases', this.supervisor, created, 'file')).body as {
      id: string;
      version: number;
    };
  }

  transition(
    collection: string,
    session: Session,
    record: { id: string; version: number },
    action: string,
    extra: Record<string, unknown> = {},
  ) {
    return http(this.app)
      .post(`/api/v1/${collection}/${record.id}/transitions`)
      .set(bearer(session))
      .send({ action, version: record.version, ...extra })
      .expect(200);
  }
}
