import { badInput } from './errors.ts';

/**
 * A region filter is a GB/T 2260 code; its trailing "00" pairs mean "the whole province / city".
 * 330000 → prefix 33, 330100 → 3301, 330106 → 330106. Every list filters by this prefix so that a
 * city's figures include its districts.
 */
export function regionPrefix(regionCode: string, field = 'regionCode'): string {
  if (!/^\d{6}$/.test(regionCode)) {
    throw badInput(
      field,
      'FORMAT',
      `\`${field}\` must be a six-digit administrative division code (行政区划代码), got ${JSON.stringify(regionCode)}`,
    );
  }
  let prefix = regionCode;
  while (prefix.length > 2 && prefix.endsWith('00')) prefix = prefix.slice(0, -2);
  return prefix;
}
