import { statsScope } from './stats-scope';

const OWN = '11111111-1111-4111-8111-111111111111';
const OTHER = '22222222-2222-4222-8222-222222222222';
const ZONE = 'Asia/Shanghai';

describe('the scope of statistics', () => {
  it('lets admins count the whole city or any office', () => {
    const admin = { role: 'admin', officeId: null };
    expect(statsScope(admin, { year: 2026 }, ZONE)).toEqual({
      year: 2026,
      timeZone: ZONE,
      officeId: null,
      industry: null,
      visible: true,
    });
    expect(statsScope(admin, { year: 2026, officeId: OTHER, industry: 'internet' }, ZONE)).toMatchObject({
      officeId: OTHER,
      industry: 'internet',
      visible: true,
    });
  });

  it("keeps caseworkers and supervisors to their own office, and shows zeros for another's", () => {
    for (const role of ['caseworker', 'supervisor']) {
      const actor = { role, officeId: OWN };
      expect(statsScope(actor, { year: 2026 }, ZONE)).toMatchObject({ officeId: OWN, visible: true });
      expect(statsScope(actor, { year: 2026, officeId: OWN }, ZONE)).toMatchObject({ officeId: OWN, visible: true });
      expect(statsScope(actor, { year: 2026, officeId: OTHER }, ZONE)).toMatchObject({
        officeId: OTHER,
        visible: false,
      });
    }
    expect(statsScope({ role: 'caseworker', officeId: null }, { year: 2026 }, ZONE).visible).toBe(false);
  });
});
