import 'reflect-metadata';
import { type DynamicModule, type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AssistanceModule, AssistanceService } from '#libs/assistance';
import type { CaseActor } from '#libs/casework';
import { ClockModule, SettableClock, startOfLocalDay } from '#libs/common';
import { type AppConfig, ConfigError, ConfigModule, loadConfig } from '#libs/config';
import { DatabaseModule, prepareDatabase } from '#libs/database';
import { type CaseOutcome, EnforcementModule, EnforcementService } from '#libs/enforcement';
import { EnterprisesModule, EnterprisesService } from '#libs/enterprises';
import { OfficesService, OfficesUsersModule, UsersService } from '#libs/offices-users';
import {
  DEMO_CALENDARS,
  DEMO_OFFICES,
  DEMO_PASSWORD,
  DemoRandom,
  demoEnterprises,
  demoUsers,
  MONTH_WEIGHTS,
} from './demo-data';

@Module({})
class SeedModule {
  static forRoot(config: AppConfig, clock: SettableClock): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(clock),
        DatabaseModule,
        OfficesUsersModule,
        EnterprisesModule,
        AssistanceModule,
        EnforcementModule,
      ],
    };
  }
}

/** Steps of many records, run in time order with the clock set to each step's moment. */
class Timeline {
  private readonly steps: { at: number; run: () => Promise<void> }[] = [];

  constructor(
    private readonly clock: SettableClock,
    private readonly until: number,
  ) {}

  at(at: number, run: () => Promise<void>): void {
    if (at > this.until) return;
    let index = this.steps.length;
    while (index > 0 && (this.steps[index - 1] as { at: number }).at > at) index--;
    this.steps.splice(index, 0, { at, run });
  }

  async play(): Promise<number> {
    let played = 0;
    for (let step = this.steps.shift(); step !== undefined; step = this.steps.shift()) {
      this.clock.set(new Date(step.at));
      await step.run();
      played++;
    }
    return played;
  }
}

interface Staff {
  caseworkers: CaseActor[];
  supervisors: CaseActor[];
}

/** A working-hours moment (09:00–17:59 Shanghai) on a weekday of the given month. */
function workingMoment(random: DemoRandom, year: number, month: number, timeZone: string): number {
  for (;;) {
    const day = random.integer(1, 28);
    const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) continue;
    return startOfLocalDay(date, timeZone).getTime() + random.integer(9 * 60, 17 * 60 + 59) * 60_000;
  }
}

function monthlyCounts(annual: number): number[] {
  const total = MONTH_WEIGHTS.reduce((sum, weight) => sum + weight, 0);
  return MONTH_WEIGHTS.map((weight) => Math.round((annual * weight) / total));
}

async function seed(app: INestApplicationContext, config: AppConfig, clock: SettableClock): Promise<void> {
  const random = new DemoRandom(20_181_023);
  const offices = app.get(OfficesService);
  const users = app.get(UsersService);
  const enterprises = app.get(EnterprisesService);
  const assistance = app.get(AssistanceService);
  const enforcement = app.get(EnforcementService);
  const timeZone = config.timezone;
  const now = Date.now();

  clock.set(new Date('2025-01-02T01:00:00Z'));
  for (const year of Object.keys(DEMO_CALENDARS).map(Number)) {
    const days = DEMO_CALENDARS[year] as { holidays: string[]; workdays: string[] };
    await enforcement.replaceCalendarYear(year, {
      holidays: days.holidays.map((date) => ({ date, name: 'Public holiday' })),
      workdays: days.workdays.map((date) => ({ date, name: 'Make-up working day' })),
    });
  }

  const staffByOffice = new Map<string, Staff>();
  for (const office of DEMO_OFFICES) {
    const created = await offices.create({ code: office.code, name: office.name });
    staffByOffice.set(office.code, { caseworkers: [], supervisors: [] });
    for (const user of demoUsers().filter((candidate) => candidate.officeCode === office.code)) {
      const account = await users.create({ ...user, officeId: created.id, password: DEMO_PASSWORD });
      const staff = staffByOffice.get(office.code) as Staff;
      (user.role === 'caseworker' ? staff.caseworkers : staff.supervisors).push(account);
    }
  }
  const everyone = [...staffByOffice.values()];
  const registrar = (everyone[0] as Staff).caseworkers[0] as CaseActor;
  const enterpriseIds: string[] = [];
  for (const enterprise of demoEnterprises(random, 320))
    enterpriseIds.push((await enterprises.create(registrar.id, enterprise)).id);

  const timeline = new Timeline(clock, now);
  const plan = { assistance: { 2025: 190, 2026: 168 }, enforcement: { 2025: 152, 2026: 190 } } as const;

  for (const year of [2025, 2026] as const) {
    const yearsEnterprises = [...enterpriseIds].sort(() => random.next() - 0.5);
    let nextEnterprise = 0;
    monthlyCounts(plan.assistance[year]).forEach((count, monthIndex) => {
      for (let index = 0; index < count; index++) {
        const staff = random.pick(everyone);
        const enterpriseId =
          random.chance(0.1) && nextEnterprise > 0
            ? random.pick(yearsEnterprises.slice(0, nextEnterprise))
            : (yearsEnterprises[nextEnterprise++ % yearsEnterprises.length] as string);
        scheduleAssistance(
          timeline,
          random,
          assistance,
          staff,
          enterpriseId,
          workingMoment(random, year, monthIndex + 1, timeZone),
        );
      }
    });
    monthlyCounts(plan.enforcement[year]).forEach((count, monthIndex) => {
      for (let index = 0; index < count; index++) {
        scheduleCase(
          timeline,
          random,
          enforcement,
          random.pick(everyone),
          enterpriseIds,
          workingMoment(random, year, monthIndex + 1, timeZone),
        );
      }
    });
  }
  const played = await timeline.play();
  console.log(`[seed] ${played} steps written through the workflows, up to ${new Date(now).toISOString()}`);
}

function scheduleAssistance(
  timeline: Timeline,
  random: DemoRandom,
  assistance: AssistanceService,
  staff: Staff,
  enterpriseId: string,
  createdAt: number,
): void {
  const caseworker = random.pick(staff.caseworkers);
  const supervisor = random.pick(staff.supervisors);
  let id = '';
  let version = 1;
  const act = async (
    actor: CaseActor,
    action: Parameters<AssistanceService['transition']>[2]['action'],
    extra: { comment?: string; outcome?: string } = {},
  ) => {
    version = (await assistance.transition(actor, id, { action, version, ...extra })).version;
  };
  let at = createdAt;
  const later = (minDays: number, maxDays: number) => (at += random.integer(minDays * 24, maxDays * 24) * 3_600_000);
  timeline.at(at, async () => {
    const type = random.pick([
      'infringement_dispute',
      'overseas_dispute',
      'expert_consultation',
      'fast_track_examination',
      'pledge_financing',
      'training',
    ] as const);
    const request = await assistance.create(caseworker, {
      enterpriseId,
      type,
      title: `${type.replaceAll('_', ' ')} support`,
      description: 'Logged at the service window.',
    });
    ({ id, version } = request);
  });
  timeline.at(later(0, 3), () => act(caseworker, 'submit'));
  timeline.at(later(1, 5), () => act(supervisor, 'start_review'));
  const decision = random.weighted({ approve: 80, reject: 8, return: 6, withdraw: 6 });
  if (decision === 'return') {
    timeline.at(later(1, 6), () =>
      act(supervisor, 'return', { comment: 'Please attach the registration certificates.' }),
    );
    timeline.at(later(2, 6), () => act(caseworker, 'submit'));
    timeline.at(later(1, 4), () => act(supervisor, 'start_review'));
  }
  if (decision === 'reject') {
    timeline.at(later(1, 6), () =>
      act(supervisor, 'reject', { comment: 'Outside the scope of protection assistance.' }),
    );
    return;
  }
  if (decision === 'withdraw') {
    timeline.at(later(1, 6), () => act(caseworker, 'withdraw', { comment: 'The enterprise settled privately.' }));
    return;
  }
  timeline.at(later(1, 7), () => act(supervisor, 'approve'));
  timeline.at(later(1, 10), () => act(caseworker, 'start_service'));
  timeline.at(later(10, 60), () =>
    act(caseworker, 'complete', {
      outcome: random.pick([
        'Infringing listings removed.',
        'Expert opinion delivered.',
        'Mediation agreement signed.',
        'Fast-track examination granted.',
      ]),
    }),
  );
}

function scheduleCase(
  timeline: Timeline,
  random: DemoRandom,
  enforcement: EnforcementService,
  staff: Staff,
  enterpriseIds: readonly string[],
  createdAt: number,
): void {
  const caseworker = random.pick(staff.caseworkers);
  const supervisor = random.pick(staff.supervisors);
  let id = '';
  let version = 1;
  const act = async (actor: CaseActor, command: Omit<Parameters<EnforcementService['transition']>[2], 'version'>) => {
    version = (await enforcement.transition(actor, id, { ...command, version })).version;
  };
  let at = createdAt;
  const later = (minDays: number, maxDays: number) => (at += random.integer(minDays * 24, maxDays * 24) * 3_600_000);
  const source = random.weighted({ complaint: 45, inspection: 30, referral: 15, campaign: 10 });
  const ipType = random.chance(0.35) ? 'patent' : 'trademark';
  timeline.at(at, async () => {
    const created = await enforcement.create(caseworker, {
      ipType,
      category:
        ipType === 'patent'
          ? random.weighted({ infringement: 70, counterfeiting: 20, other: 10 })
          : random.weighted({ counterfeiting: 50, infringement: 30, passing_off: 15, other: 5 }),
      source,
      respondentName: `Respondent ${random.integer(1000, 9999)} Trading Co.`,
      respondentEnterpriseId: random.chance(0.4) ? random.pick(enterpriseIds) : undefined,
      complainantEnterpriseId: source === 'complaint' ? random.pick(enterpriseIds) : undefined,
      receivedAt: new Date(createdAt - random.integer(0, 36) * 3_600_000).toISOString(),
    });
    ({ id, version } = created);
  });
  if (random.chance(0.14)) {
    timeline.at(later(1, 5), () => act(supervisor, { action: 'decline', comment: 'No prima facie infringement.' }));
    return;
  }
  timeline.at(later(1, ipType === 'patent' && source === 'complaint' ? 4 : 12), () =>
    act(supervisor, { action: 'file' }),
  );
  timeline.at(later(1, 5), () => act(caseworker, { action: 'start_investigation' }));
  if (random.chance(0.1)) {
    timeline.at(later(10, 30), () =>
      act(caseworker, { action: 'suspend', comment: 'Awaiting a technical appraisal.' }),
    );
    timeline.at(later(5, 20), () => act(caseworker, { action: 'resume' }));
  }
  if (random.chance(0.08))
    timeline.at(later(20, 40), () => act(supervisor, { action: 'extend', comment: 'Several sites to inspect.' }));
  const outcome = random.weighted<CaseOutcome>({
    penalty: 45,
    cease_order: 25,
    mediated: 15,
    no_violation: 10,
    transferred: 5,
  });
  const fineAmount = outcome === 'penalty' ? `${random.integer(10, 1000) * 500}.00` : undefined;
  timeline.at(later(20, 70), () => act(supervisor, { action: 'decide', outcome, fineAmount }));
  timeline.at(later(3, 15), () => act(caseworker, { action: 'close' }));
}

/** `npm run seed:demo`: offices, users of every role, enterprises and two years of casework. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await prepareDatabase(config, (message) => console.log(`[seed] ${message}`));
  const clock = new SettableClock(new Date());
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(database.config, clock), {
    logger: ['error', 'warn'],
  });
  try {
    const alreadySeeded = (await app.get(OfficesService).list({ limit: 100 })).items.some(
      (office) => office.code === 'SZ-FT',
    );
    if (alreadySeeded) {
      console.log('[seed] demo data is already present; nothing written');
    } else {
      const started = Date.now();
      await seed(app, database.config, clock);
      console.log(`[seed] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    console.log(`\nDemo logins (password "${DEMO_PASSWORD}" for all):`);
    for (const user of demoUsers()) console.log(`  ${user.role.padEnd(10)} ${user.officeCode.padEnd(8)} ${user.email}`);
    console.log('  admin: the initial admin (ADMIN_EMAIL, or admin@ipr.local from .data/initial-admin.json)');
  } finally {
    await app.close();
    await database.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
