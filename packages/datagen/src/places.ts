/**
 * Where subjects live: weighted county-level divisions of 浙江, and the place, road and authority
 * names built from them.
 */
import { REGIONS, regionFullName } from '@credit-hub/kit/reference';
import { Weighted, type Rng } from './random.ts';

export interface City {
  code: string;
  name: string;
  /** 杭州 for 杭州市: enterprise names and 杭州第十四中学-style titles drop the 市. */
  short: string;
}

export interface County {
  code: string;
  name: string;
  /** 西湖 for 西湖区, 景宁 for 景宁畲族自治县. */
  short: string;
  /** How it is written in an official title: 杭州市西湖区, 桐庐县, 建德市. */
  full: string;
  type: 'district' | 'county' | 'county-city';
  city: City;
  /** The old city centre: few farms, many shops. */
  urbanCore: boolean;
}

/**
 * Rough shares of registered market subjects per county within its city, and of each city within the
 * province. Not official statistics: enough to make 杭州 and 宁波 dominate, 义乌 outweigh its
 * neighbours, and 嵊泗 stay small, as anyone who knows the province would expect.
 */
const CITY_WEIGHT: Record<string, number> = {
  '330100': 25,
  '330200': 17,
  '330300': 13,
  '330400': 8,
  '330500': 5.5,
  '330600': 8,
  '330700': 11,
  '330800': 3,
  '330900': 2,
  '331000': 9,
  '331100': 3,
};

const COUNTY_WEIGHT: Record<string, number> = {
  '330102': 9,
  '330105': 9,
  '330106': 10,
  '330108': 7,
  '330109': 14,
  '330110': 15,
  '330111': 6,
  '330112': 5,
  '330113': 7,
  '330114': 6,
  '330122': 3,
  '330127': 2.5,
  '330182': 3,
  '330203': 10,
  '330205': 6,
  '330206': 9,
  '330211': 5,
  '330212': 16,
  '330213': 5,
  '330225': 5,
  '330226': 6,
  '330281': 9,
  '330282': 12,
  '330302': 12,
  '330303': 7,
  '330304': 10,
  '330305': 1.5,
  '330324': 6,
  '330326': 6,
  '330327': 5,
  '330328': 2,
  '330329': 2,
  '330381': 12,
  '330382': 12,
  '330383': 4,
  '330402': 6,
  '330411': 5,
  '330421': 5,
  '330424': 3.5,
  '330481': 6,
  '330482': 5,
  '330483': 7,
  '330502': 6,
  '330503': 4,
  '330521': 4,
  '330522': 5,
  '330523': 4,
  '330602': 7,
  '330603': 9,
  '330604': 6,
  '330624': 3,
  '330681': 9,
  '330683': 4,
  '330702': 6,
  '330703': 4,
  '330723': 3,
  '330726': 3.5,
  '330727': 1.5,
  '330781': 3,
  '330782': 20,
  '330783': 6,
  '330784': 6,
  '330802': 4,
  '330803': 3,
  '330822': 2,
  '330824': 2,
  '330825': 2.5,
  '330881': 3,
  '330902': 5,
  '330903': 4,
  '330921': 2,
  '330922': 1,
  '331002': 6,
  '331003': 5,
  '331004': 5.5,
  '331022': 2.5,
  '331023': 3,
  '331024': 2.5,
  '331081': 9,
  '331082': 6.5,
  '331083': 4.5,
  '331102': 5,
  '331121': 3,
  '331122': 3,
  '331123': 2,
  '331124': 2,
  '331125': 1,
  '331126': 1,
  '331127': 1,
  '331181': 2.5,
};

const URBAN_CORE = new Set([
  '330102',
  '330105',
  '330106',
  '330108',
  '330203',
  '330205',
  '330302',
  '330402',
  '330502',
  '330602',
  '330702',
  '330802',
  '330902',
  '331002',
  '331102',
]);

function shortName(name: string): string {
  if (name.endsWith('自治县')) return name.slice(0, 2);
  return name.length > 2 ? name.slice(0, -1) : name;
}

export const CITIES: readonly City[] = REGIONS.filter((r) => r.level === 2).map((r) => ({
  code: r.code,
  name: r.name,
  short: shortName(r.name),
}));

const CITY_BY_CODE = new Map(CITIES.map((c) => [c.code, c]));

export const COUNTIES: readonly County[] = REGIONS.filter((r) => r.level === 3).map((r) => {
  const city = CITY_BY_CODE.get(r.parentCode!)!;
  const type = r.name.endsWith('区') ? 'district' : r.name.endsWith('市') ? 'county-city' : 'county';
  return {
    code: r.code,
    name: r.name,
    short: shortName(r.name),
    full: regionFullName(r.code)!,
    type,
    city,
    urbanCore: URBAN_CORE.has(r.code),
  };
});

const COUNTY_BY_CODE = new Map(COUNTIES.map((c) => [c.code, c]));

export function countyOf(code: string): County | undefined {
  return COUNTY_BY_CODE.get(code);
}

export function cityOf(code: string): City | undefined {
  return CITY_BY_CODE.get(code);
}

function countyWeight(c: County): number {
  const withinCity = COUNTIES.filter((o) => o.city.code === c.city.code).reduce(
    (s, o) => s + (COUNTY_WEIGHT[o.code] ?? 1),
    0,
  );
  return ((CITY_WEIGHT[c.city.code] ?? 1) * (COUNTY_WEIGHT[c.code] ?? 1)) / withinCity;
}

/** Where market subjects, organisations and people are registered. */
export const ANY_COUNTY = new Weighted(COUNTIES.map((c) => [c, countyWeight(c)] as const));

/** Cooperatives sit in the countryside: counties weigh most, city centres hardly at all. */
export const RURAL_COUNTY = new Weighted(
  COUNTIES.map((c) => {
    const factor = c.urbanCore ? 0.05 : c.type === 'county' ? 3 : c.type === 'county-city' ? 2 : 0.7;
    return [c, countyWeight(c) * factor] as const;
  }),
);

export const ANY_CITY = new Weighted(CITIES.map((c) => [c, CITY_WEIGHT[c.code] ?? 1] as const));

// Two-character place names in the style of the province's towns and villages (西溪, 横店, 石桥…).
const PLACE_FIRST = '东西南北新长永丰青湖江山城桥塘溪石金龙凤白云花梅桃柳竹松横大小上下前后三双古安平宁和兴临'.split(
  '',
);
const PLACE_SECOND = '桥塘港溪山浦湾岭坞墩埠口头湖林园洲泾坪岗亭店庄田阳源川关门渡'.split('');

export function placeName(rng: Rng): string {
  const a = rng.pick(PLACE_FIRST);
  let b = rng.pick(PLACE_SECOND);
  while (b === a) b = rng.pick(PLACE_SECOND);
  return a + b;
}

/** A township-level unit: districts are divided into 街道, counties mostly into 镇 and 乡. */
export function townName(rng: Rng, county: County): string {
  const x = rng.next();
  if (county.type === 'district') return placeName(rng) + (x < 0.75 ? '街道' : '镇');
  return placeName(rng) + (x < 0.2 ? '街道' : x < 0.85 ? '镇' : '乡');
}

const ROAD_STEMS = [
  '人民',
  '解放',
  '中山',
  '建设',
  '新华',
  '文化',
  '学院',
  '工业',
  '科技',
  '创业',
  '环城',
  '滨江',
  '江南',
  '湖滨',
  '开发',
  '振兴',
  '兴业',
  '迎宾',
  '府前',
  '望江',
  '朝阳',
  '和平',
  '幸福',
  '光明',
  '青年',
  '育才',
  '长青',
  '金山',
  '银湖',
  '凤凰',
  '东方',
  '天目',
  '钱江',
  '丰收',
  '文昌',
  '市心',
  '世纪',
  '明珠',
];
const ROAD_SUFFIXES = ['路', '路', '路', '大道', '街', '东路', '西路', '南路', '北路', '中路'];

/** 浙江省杭州市西湖区人民路188号3幢1201室 — as registered addresses are written, city always included. */
export function address(rng: Rng, county: County): string {
  const town = rng.chance(0.35) ? townName(rng, county) : '';
  const road = rng.pick(ROAD_STEMS) + rng.pick(ROAD_SUFFIXES);
  const no = rng.chance(0.7) ? rng.range(1, 399) : rng.range(400, 1999);
  const x = rng.next();
  const unit =
    x < 0.35
      ? `${rng.range(1, 12)}幢${rng.range(1, 22)}0${rng.range(1, 9)}室`
      : x < 0.6
        ? `${rng.range(1, 9)}号楼${rng.range(1, 18)}层`
        : x < 0.7
          ? `${rng.range(1, 3)}楼`
          : '';
  return `浙江省${county.city.name}${county.name}${town}${road}${no}号${unit}`;
}

/** 国家税务总局杭州市西湖区税务局: the county-level bureau that rates a taxpayer (since the 2018 merger). */
export function taxBureauName(county: County): string {
  return `国家税务总局${county.full}税务局`;
}

/**
 * Inspection (稽查) has been organised at city level since the 2018 reform; the big three cities split
 * it into numbered bureaus. Returns the name and a variant number used for the bureau's code.
 */
export function inspectionBureau(rng: Rng, county: County): { name: string; variant: number } {
  const big = county.city.code === '330100' || county.city.code === '330200' || county.city.code === '330300';
  if (!big) return { name: `国家税务总局${county.city.name}税务局稽查局`, variant: 1 };
  const n = rng.range(1, 4);
  return { name: `国家税务总局${county.city.name}税务局第${'一二三四'[n - 1]}稽查局`, variant: n };
}
