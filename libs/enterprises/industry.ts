export const INDUSTRIES = [
  'new_energy',
  'internet',
  'biomedicine',
  'new_materials',
  'high_end_equipment',
  'digital_creative',
  'energy_saving',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const ENTERPRISE_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];
