import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, type EnterpriseSize, type Industry } from '#libs/enterprises';

/** A small deterministic PRNG (mulberry32), so the demo data is the same on every machine. */
export class DemoRandom {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  integer(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(choices: readonly T[]): T {
    return choices[Math.floor(this.next() * choices.length)] as T;
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  /** Picks a key with probability proportional to its weight. */
  weighted<T extends string>(weights: Readonly<Record<T, number>>): T {
    const entries = Object.entries(weights) as [T, number][];
    let roll = this.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return (entries.at(-1) as [T, number])[0];
  }
}

export const DEMO_PASSWORD = 'demo-password-2026';

export const DEMO_OFFICES = [
  { code: 'SZ-IPPC', name: 'China (Shenzhen) IP Protection Center', district: 'Futian', slug: 'ippc' },
  { code: 'SZ-FT', name: 'Futian District Office', district: 'Futian', slug: 'ft' },
  { code: 'SZ-NS', name: 'Nanshan District Office', district: 'Nanshan', slug: 'ns' },
  { code: 'SZ-LG', name: 'Longgang District Office', district: 'Longgang', slug: 'lg' },
  { code: 'SZ-BA', name: "Bao'an District Office", district: "Bao'an", slug: 'ba' },
] as const;

/** Two caseworkers and two supervisors per office; the second supervisor covers four eyes. */
export function demoUsers(): { email: string; name: string; role: 'caseworker' | 'supervisor'; officeCode: string }[] {
  return DEMO_OFFICES.flatMap((office) => [
    {
      email: `caseworker1.${office.slug}@demo.ipr.local`,
      name: `${office.code} Caseworker 1`,
      role: 'caseworker' as const,
      officeCode: office.code,
    },
    {
      email: `caseworker2.${office.slug}@demo.ipr.local`,
      name: `${office.code} Caseworker 2`,
      role: 'caseworker' as const,
      officeCode: office.code,
    },
    {
      email: `supervisor1.${office.slug}@demo.ipr.local`,
      name: `${office.code} Supervisor 1`,
      role: 'supervisor' as const,
      officeCode: office.code,
    },
    {
      email: `supervisor2.${office.slug}@demo.ipr.local`,
      name: `${office.code} Supervisor 2`,
      role: 'supervisor' as const,
      officeCode: office.code,
    },
  ]);
}

const NAME_STEMS = [
  'Huaxin',
  'Pengcheng',
  'Qianhai',
  'Xinghe',
  'Longhua',
  'Jinsheng',
  'Tianyu',
  'Haina',
  'Zhongke',
  'Ruitai',
  'Boyuan',
  'Kaida',
  'Minghui',
  'Yuanwang',
  'Shenlan',
];
const INDUSTRY_WORDS: Readonly<Record<Industry, readonly string[]>> = {
  new_energy: ['Battery', 'Solar', 'New Energy Vehicle', 'Energy Storage'],
  internet: ['Network', 'Cloud', 'Internet', 'Digital Commerce'],
  biomedicine: ['Biotech', 'Pharmaceutical', 'Medical Device', 'Genomics'],
  new_materials: ['Advanced Materials', 'Graphene', 'Polymer'],
  high_end_equipment: ['Robotics', 'Precision Machinery', 'Drone', 'Semiconductor Equipment'],
  digital_creative: ['Animation', 'Game', 'Design', 'Media'],
  energy_saving: ['Green Building', 'Energy Saving', 'Environmental'],
  other: ['Trading', 'Garment', 'Food', 'Furniture'],
};
const INDUSTRY_WEIGHTS: Readonly<Record<Industry, number>> = {
  new_energy: 18,
  internet: 22,
  biomedicine: 12,
  new_materials: 8,
  high_end_equipment: 14,
  digital_creative: 8,
  energy_saving: 6,
  other: 12,
};
const SIZE_WEIGHTS: Readonly<Record<EnterpriseSize, number>> = { micro: 30, small: 40, medium: 20, large: 10 };

export interface DemoEnterprise {
  name: string;
  creditCode: string;
  industry: Industry;
  size: EnterpriseSize;
  district: string;
  contactName: string;
  contactPhone: string;
}

/** A code of the shape of Shenzhen companies' (registered in 440300), with a correct check character. */
function demoCreditCode(random: DemoRandom): string {
  let organisation = '';
  for (let index = 0; index < 9; index++) organisation += CREDIT_CODE_ALPHABET.charAt(random.integer(0, 30));
  const body = `91440300${organisation}`;
  return body + creditCodeCheckCharacter(body);
}

export function demoEnterprises(random: DemoRandom, count: number): DemoEnterprise[] {
  const enterprises: DemoEnterprise[] = [];
  const codes = new Set<string>();
  const surnames = ['Li', 'Wang', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou'];
  while (enterprises.length < count) {
    const industry = random.weighted(INDUSTRY_WEIGHTS);
    const creditCode = demoCreditCode(random);
    if (codes.has(creditCode)) continue;
    codes.add(creditCode);
    enterprises.push({
      name: `Shenzhen ${random.pick(NAME_STEMS)} ${random.pick(INDUSTRY_WORDS[industry])} Co., Ltd. (${enterprises.length + 1})`,
      creditCode,
      industry,
      size: random.weighted(SIZE_WEIGHTS),
      district: random.pick(DEMO_OFFICES).district,
      contactName: `${random.pick(surnames)} ${random.pick(['Wei', 'Fang', 'Min', 'Jing', 'Lei', 'Yan', 'Tao'])}`,
      contactPhone: `+86 755 ${random.integer(2000, 8999)} ${random.integer(1000, 9999)}`,
    });
  }
  return enterprises;
}

/** Relative case volume by month: the Spring Festival lull, the National Day dip, the year-end push. */
export const MONTH_WEIGHTS = [0.9, 0.5, 1.0, 1.0, 1.0, 1.1, 1.0, 0.9, 1.1, 0.8, 1.3, 1.3] as const;

/** China's public holidays and make-up working days (State Council notices) for the demo years. */
export const DEMO_CALENDARS: Readonly<Record<number, { holidays: string[]; workdays: string[] }>> = {
  2025: {
    holidays: [
      '2025-01-01',
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
      '2025-02-03',
      '2025-02-04',
      '2025-04-04',
      '2025-05-01',
      '2025-05-02',
      '2025-05-05',
      '2025-06-02',
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  2026: {
    holidays: [
      '2026-01-01',
      '2026-01-02',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-23',
      '2026-04-06',
      '2026-05-01',
      '2026-05-04',
      '2026-05-05',
      '2026-06-19',
      '2026-09-25',
      '2026-10-01',
      '2026-10-02',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
};
