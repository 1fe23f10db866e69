import { REGIONS, INDUSTRIES } from '@credit-hub/kit/reference';
import { DEPARTMENTS } from '@credit-hub/kit';
import { SUBJECT_KIND_LABELS } from '@credit-hub/kit/codes';
import type { DimensionResolvers } from '../__generated__/resolvers-types.ts';
import type { Context } from '../context.ts';
import { DIMENSIONS, VALUE_LABELS } from '../rules.ts';

const LIST_VALUES = [
  'DISHONEST_DEBTOR',
  'CONSUMPTION_RESTRICTED',
  'MAJOR_TAX_VIOLATOR',
  'SERIOUS_ILLEGAL',
  'ENVIRONMENTAL_BLACKLIST',
  'ENVIRONMENTAL_WATCH',
  'ABNORMAL_OPERATION',
  'HIGH_FREQUENCY_OFFENDER',
  'A_LEVEL_TAXPAYER',
  'ENVIRONMENTAL_INTEGRITY',
];

export const Dimension: DimensionResolvers<Context> = {
  label: (d) => DIMENSIONS[d.id].label,
  hierarchy: (d) => {
    const h = DIMENSIONS[d.id].hierarchy;
    return h ? [...h] : null;
  },
  values: (d, { parent }) => {
    if (d.id === 'province' || d.id === 'city' || d.id === 'district') {
      const level = { province: 1, city: 2, district: 3 }[d.id];
      return REGIONS.filter((r) => r.level === level && (!parent || r.parentCode === parent)).map((r) => ({
        value: r.code,
        label: r.name,
        parent: r.parentCode,
      }));
    }
    if (d.id === 'industry') return INDUSTRIES.map((i) => ({ value: i.code, label: i.name, parent: null }));
    if (d.id === 'department')
      return Object.entries(DEPARTMENTS).map(([value, label]) => ({ value, label, parent: null }));
    if (d.id === 'subjectKind')
      return Object.entries(SUBJECT_KIND_LABELS).map(([value, label]) => ({ value, label, parent: null }));
    if (d.id === 'list')
      return LIST_VALUES.map((value) => ({ value, label: VALUE_LABELS[value] ?? value, parent: null }));
    return [];
  },
};
