import fc from 'fast-check';
import { annualStatsView } from './annual-stats';
import { NOTHING_COUNTED } from './annual-counts';
import { csvField, toCsv } from './csv';

/** A reader of RFC 4180 records, to check that fields survive the round trip. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index++) {
    const char = text.charAt(index);
    if (quoted) {
      if (char === '"' && text.charAt(index + 1) === '"') {
        field += '"';
        index++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text.charAt(index + 1) === '\n') {
      records.push([...record, field]);
      record = [];
      field = '';
      index++;
    } else field += char;
  }
  return records;
}

describe('CSV', () => {
  it('quotes only the fields that need it', () => {
    expect(csvField('SZ-NS')).toBe('SZ-NS');
    expect(csvField(12)).toBe('12');
    expect(csvField(null)).toBe('');
    expect(csvField('SZ,NS')).toBe('"SZ,NS"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\r')).toBe('"cr\r"');
  });

  it('round-trips any field', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), (fields) => {
        expect(parseCsv(`${fields.map(csvField).join(',')}\r\n`)).toEqual([fields]);
      }),
    );
  });

  it('writes every figure as section,dimension,key,value, header first', () => {
    const view = annualStatsView(
      { year: 2026, timeZone: 'Asia/Shanghai', officeId: null, industry: null, visible: true },
      {
        ...NOTHING_COUNTED,
        offices: [{ id: '11111111-1111-4111-8111-111111111111', code: 'SZ,"FT"' }],
        assistanceRequests: [
          { dimension: 'total', key: 'all', count: 12 },
          { dimension: 'status', key: 'approved', count: 12 },
          { dimension: 'office', key: '11111111-1111-4111-8111-111111111111', count: 12 },
          { dimension: 'month', key: '12', count: 12 },
        ],
        filedCases: { thisYear: 5, lastYear: 4 },
      },
    );
    const csv = toCsv(view);
    const lines = csv.split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      'section,dimension,key,value',
      'query,parameter,year,2026',
      'query,parameter,office_id,',
      'query,parameter,industry,',
      'query,parameter,time_zone,Asia/Shanghai',
      'assistance_requests,total,all,12',
    ]);
    expect(lines).toEqual(
      expect.arrayContaining([
        'assistance_requests,status,approved,12',
        'assistance_requests,status,draft,0',
        'assistance_requests,type,training,0',
        'assistance_requests,industry,new_energy,0',
        'assistance_requests,office,"SZ,""FT""",12',
        'assistance_requests,month,2026-01,0',
        'assistance_requests,month,2026-12,12',
        'enforcement_cases,industry,unknown,0',
        'enforcement_cases,office,"SZ,""FT""",0',
        'enforcement_cases,ip_type,patent,0',
        'assisted_enterprises,total,all,0',
        'assisted_enterprises,industry,internet,0',
        'assisted_enterprises,month,2026-06,0',
        'filed_cases,year,2026,5',
        'filed_cases,year,2025,4',
        'filed_cases,growth,2025-2026,0.2500',
      ]),
    );
    expect(csv.endsWith('\r\n')).toBe(true);
    // Header and 4 query lines; 1+8+6+8+1+12 requests, 1+7+2+4+9+1+12 cases, 1+8+12 assisted, 3 filed.
    expect(parseCsv(csv)).toHaveLength(1 + 4 + 36 + 36 + 21 + 3);
    for (const record of parseCsv(csv)) expect(record).toHaveLength(4);
  });

  it('leaves growth empty when there is no last year', () => {
    const view = annualStatsView(
      { year: 2026, timeZone: 'Asia/Shanghai', officeId: null, industry: 'internet', visible: true },
      { ...NOTHING_COUNTED, filedCases: { thisYear: 3, lastYear: 0 } },
    );
    expect(toCsv(view)).toContain('\r\nquery,parameter,industry,internet\r\n');
    expect(toCsv(view)).toContain('\r\nfiled_cases,growth,2025-2026,\r\n');
  });
});
