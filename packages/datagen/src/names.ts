/**
 * Organisation names as they are registered: 行政区划 + 字号 + 行业 + 组织形式 for market subjects
 * (杭州华创信息科技有限公司), the official title for public bodies (杭州市西湖区市场监督管理局). The industry
 * section returned with each name is the one the name implies, so that a search for 科技 and a filter on
 * section I agree.
 */
import type { County, City } from './places.ts';
import { placeName, townName } from './places.ts';
import { Weighted, type Rng } from './random.ts';

export interface OrgName {
  name: string;
  /** GB/T 4754 section letter. */
  industry: string;
}

/** Characters that make up 字号 (trade names): auspicious, modern, or simply common in registers. */
const BRAND_CHARS = Array.from(
  new Set(
    '华创恒丰大成鑫瑞盛达泰宏远新海天中金信安嘉和通顺利德汇聚博康凯隆昌荣兴佳美永正力诚源优捷卓越星辰宇联合友' +
      '银鼎晟弘铭骏奥辉明东方浙光耀锦绣云峰启航领先科亿万千百致品尚立伟宝福旺发旭日景润泽鸿运晨阳春秋升腾飞龙' +
      '麒麟凤祥吉富豪强盈蓝绿青朗悦誉威翔迅道商杰冠群英智慧灵晶磊森林川江湖山洋图拓维',
  ),
);

export function brand(rng: Rng): string {
  const a = rng.pick(BRAND_CHARS);
  let b = rng.pick(BRAND_CHARS);
  while (b === a) b = rng.pick(BRAND_CHARS);
  return a + b;
}

const NATURE_FIRST = '绿青金丰禾田园山水源溪竹茗香鲜果润农乡春秋碧翠稻丰硕惠富兴'.split('');
const NATURE_SECOND = '源野园丰田禾山乡泉溪林谷川农品香鲜润岭湾'.split('');

function natureBrand(rng: Rng): string {
  const a = rng.pick(NATURE_FIRST);
  let b = rng.pick(NATURE_SECOND);
  while (b === a) b = rng.pick(NATURE_SECOND);
  return a + b;
}

const CN_DIGITS = '零一二三四五六七八九';

/** 1 → 一, 14 → 十四, 23 → 二十三: school and hospital numbers are written in Chinese. */
export function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 === 0 ? '' : CN_DIGITS[n % 10]);
  return CN_DIGITS[Math.floor(n / 10)] + '十' + (n % 10 === 0 ? '' : CN_DIGITS[n % 10]);
}

// ---------------------------------------------------------------------------------------------
// Enterprises (91)

interface Trade {
  words: readonly string[];
  /** Words that take the form 厂 (old-style factories), for manufacturing only. */
  factories?: readonly string[];
  /** Words that are usually a limited partnership (funds). */
  partnerships?: readonly string[];
}

const TRADES: Record<string, Trade> = {
  A: { words: ['农业开发', '生态农业', '茶业', '水产养殖', '花卉苗木', '牧业', '林业', '果蔬种植', '家庭农场'] },
  B: { words: ['矿业', '石料', '萤石矿业'] },
  C: {
    words: [
      '五金制品',
      '机械制造',
      '机械设备',
      '服饰',
      '纺织',
      '织造',
      '印染',
      '电子',
      '电器',
      '塑料制品',
      '包装材料',
      '汽车零部件',
      '食品',
      '化工',
      '新材料',
      '家具',
      '阀门',
      '轴承',
      '工艺品',
      '印刷',
      '眼镜',
      '鞋业',
      '针织',
      '丝绸',
      '皮革',
      '电机',
      '泵业',
      '橡胶制品',
      '模具',
      '电线电缆',
      '照明电器',
      '卫浴',
      '水暖器材',
      '工具',
      '智能装备',
      '光伏科技',
      '医疗器械',
      '制药',
      '服装',
      '袜业',
    ],
    factories: [
      '五金制品厂',
      '机械厂',
      '服装厂',
      '塑料制品厂',
      '印刷厂',
      '电器厂',
      '针织厂',
      '纸箱厂',
      '模具厂',
      '工艺品厂',
      '橡胶制品厂',
      '标准件厂',
      '阀门厂',
      '轴承厂',
      '食品厂',
      '家具厂',
      '包装厂',
      '铸造厂',
      '五金厂',
      '袜厂',
    ],
  },
  D: { words: ['新能源', '电力', '燃气', '水务', '热电', '能源'] },
  E: {
    words: [
      '建设',
      '建筑工程',
      '装饰工程',
      '建筑装饰工程',
      '市政工程',
      '机电安装工程',
      '钢结构工程',
      '幕墙工程',
      '水利建设',
      '土石方工程',
      '路桥建设',
      '建工',
      '园林建设',
    ],
  },
  F: {
    words: [
      '贸易',
      '商贸',
      '进出口',
      '电子商务',
      '建材',
      '医药',
      '汽车销售服务',
      '日用品',
      '五金机电',
      '农副产品',
      '化工原料',
      '钢材',
      '纺织品',
      '文具',
      '酒业',
      '百货',
      '超市',
      '通讯器材',
      '进出口贸易',
      '服装贸易',
    ],
  },
  G: { words: ['物流', '运输', '货运代理', '快递', '仓储', '汽车运输', '航运', '船务', '国际货运代理'] },
  H: { words: ['餐饮管理', '酒店管理', '酒店', '餐饮', '大酒店'] },
  I: {
    words: [
      '信息科技',
      '网络科技',
      '软件',
      '数据科技',
      '智能科技',
      '信息技术',
      '网络技术',
      '物联网科技',
      '数字科技',
      '通信技术',
    ],
  },
  J: { words: ['小额贷款', '融资担保', '保险代理', '典当'], partnerships: ['股权投资', '创业投资'] },
  K: { words: ['房地产开发', '置业', '物业管理', '房地产营销策划', '房产经纪'] },
  L: {
    words: [
      '企业管理咨询',
      '商务信息咨询',
      '人力资源',
      '广告',
      '会展服务',
      '企业管理',
      '供应链管理',
      '旅行社',
      '设备租赁',
      '财务咨询',
      '文化传播',
      '品牌管理',
    ],
    partnerships: ['投资管理', '企业管理咨询'],
  },
  M: {
    words: [
      '科技',
      '检测技术',
      '工程设计',
      '生物科技',
      '技术服务',
      '工程咨询',
      '建筑设计',
      '勘察设计',
      '医药科技',
      '新能源科技',
      '环境科技',
      '测绘',
      '农业科技',
    ],
  },
  N: { words: ['环境工程', '园林绿化', '环卫服务', '水处理', '环境治理'] },
  O: { words: ['家政服务', '汽车维修', '保洁服务', '美容美发', '洗涤服务', '搬家服务'] },
  P: { words: ['教育科技', '教育咨询', '职业技能培训', '文化艺术培训'] },
  Q: { words: ['口腔门诊部', '门诊部', '医院', '康复医院', '养老服务'] },
  R: { words: ['文化传媒', '影视传媒', '文化创意', '体育发展', '文化艺术', '传媒', '健身'] },
};

/** Sections of 浙江's enterprises, roughly: trade and manufacturing dominate, finance is rare. */
const ENTERPRISE_SECTIONS = new Weighted<string>([
  ['C', 22],
  ['F', 24],
  ['I', 8],
  ['L', 10],
  ['M', 8],
  ['E', 7],
  ['K', 3],
  ['G', 5],
  ['H', 3],
  ['A', 2],
  ['D', 1],
  ['N', 1.5],
  ['O', 2],
  ['P', 1],
  ['Q', 1],
  ['R', 2],
  ['J', 0.7],
  ['B', 0.3],
]);

const COMPANY_FORMS = new Weighted<string>([
  ['有限公司', 84],
  ['有限责任公司', 11],
  ['股份有限公司', 5],
]);

/** 农业开发有限公司 is normal; 小额贷款 and 典当 have forms fixed by their regulators. */
function companyForm(rng: Rng, word: string): string {
  if (word === '小额贷款') return rng.chance(0.6) ? '股份有限公司' : '有限公司';
  if (word === '典当') return '有限责任公司';
  return COMPANY_FORMS.pick(rng);
}

export function enterpriseName(rng: Rng, county: County, establishedYear: number): OrgName {
  const industry = ENTERPRISE_SECTIONS.pick(rng);
  const trade = TRADES[industry]!;
  const b = brand(rng);

  const x = rng.next();
  let prefix: string;
  let provincial = false;
  if (x < 0.07) {
    prefix = '浙江';
    provincial = true;
  } else if (county.type === 'district') {
    prefix = x < 0.6 ? county.city.short : x < 0.72 ? county.city.short + county.short : county.full;
  } else {
    prefix = x < 0.25 ? county.city.short : county.full;
  }

  // Collective-era factories: common before the 2000s, rare for new registrations.
  if (trade.factories && !provincial && rng.chance(establishedYear < 2005 ? 0.35 : 0.06)) {
    return { name: prefix + b + rng.pick(trade.factories), industry };
  }
  // Limited partnerships exist only since the 2006 revision of the partnership law (in force mid-2007).
  if (trade.partnerships && establishedYear >= 2008 && rng.chance(0.35)) {
    return { name: prefix + b + rng.pick(trade.partnerships) + '合伙企业（有限合伙）', industry };
  }
  const word = rng.pick(trade.words);
  if (provincial && rng.chance(0.3) && industry !== 'J') {
    return { name: prefix + b + word + '集团有限公司', industry };
  }
  return { name: prefix + b + word + companyForm(rng, word), industry };
}

// ---------------------------------------------------------------------------------------------
// Individual businesses (92): 西湖区张记面馆, 鄞州区李氏五金店, 义乌市鑫旺日用品商行

interface ShopTrade {
  section: string;
  weight: number;
  shops: readonly string[];
  /** Whether 张记 / 李氏 style names fit (food and crafts, not internet studios). */
  family: boolean;
}

const SHOP_TRADES: readonly ShopTrade[] = [
  {
    section: 'F',
    weight: 40,
    family: true,
    shops: [
      '五金店',
      '便利店',
      '超市',
      '水果店',
      '烟酒店',
      '日用品商行',
      '服装店',
      '副食品店',
      '建材经营部',
      '通讯器材店',
      '母婴用品店',
      '茶叶店',
      '蔬菜店',
      '粮油店',
      '电动车行',
      '文具店',
      '眼镜店',
      '鞋店',
      '化妆品店',
      '家电商行',
      '灯具店',
      '花店',
      '海鲜店',
      '食品商行',
      '服饰商行',
    ],
  },
  {
    section: 'H',
    weight: 25,
    family: true,
    shops: [
      '面馆',
      '小吃店',
      '包子铺',
      '馄饨店',
      '快餐店',
      '饭店',
      '烧烤店',
      '大排档',
      '面包房',
      '奶茶店',
      '餐馆',
      '酒家',
      '小吃部',
      '牛肉面馆',
      '麻辣烫店',
      '饺子馆',
      '土菜馆',
    ],
  },
  {
    section: 'O',
    weight: 15,
    family: true,
    shops: [
      '理发店',
      '美发店',
      '美容店',
      '汽车修理部',
      '家电维修部',
      '洗衣店',
      '家政服务部',
      '摩托车修理店',
      '开锁服务部',
      '足浴店',
    ],
  },
  {
    section: 'C',
    weight: 5,
    family: true,
    shops: ['服装加工厂', '五金加工厂', '食品加工坊', '木制品加工厂', '袜子加工厂', '豆制品加工坊'],
  },
  { section: 'G', weight: 4, family: false, shops: ['货运部', '物流配送部', '搬运服务部'] },
  { section: 'A', weight: 3, family: true, shops: ['养殖场', '种植场', '家庭农场'] },
  { section: 'E', weight: 3, family: false, shops: ['装饰工作室', '水电安装部', '装修服务部'] },
  { section: 'R', weight: 2, family: false, shops: ['棋牌室', '台球室', '摄影工作室'] },
  { section: 'L', weight: 1.5, family: false, shops: ['广告工作室', '商务信息咨询服务部'] },
  { section: 'I', weight: 1, family: false, shops: ['网络工作室', '电脑服务部'] },
  { section: 'Q', weight: 0.5, family: false, shops: ['诊所', '中医诊所', '口腔诊所'] },
];

const SHOP_TRADE = new Weighted(SHOP_TRADES.map((t) => [t, t.weight] as const));

export function individualBusinessName(rng: Rng, county: County, operator: { surname: string; name: string }): OrgName {
  const trade = SHOP_TRADE.pick(rng);
  const shop = rng.pick(trade.shops);
  const prefix = rng.chance(0.6) || county.type !== 'district' ? county.name : county.full;
  const x = rng.next();
  let middle: string;
  if (trade.family && x < 0.35) middle = operator.surname + (rng.chance(0.6) ? '记' : '氏');
  else if (x < 0.5) middle = operator.name;
  else middle = brand(rng);
  return { name: prefix + middle + shop, industry: trade.section };
}

// ---------------------------------------------------------------------------------------------
// Farmers' cooperatives (93): 桐庐县绿源茶叶专业合作社

const CROPS = [
  '茶叶',
  '果蔬',
  '蔬菜',
  '水果',
  '杨梅',
  '柑橘',
  '葡萄',
  '水蜜桃',
  '蓝莓',
  '草莓',
  '食用菌',
  '竹笋',
  '中药材',
  '花卉苗木',
  '粮油',
  '水稻',
  '香榧',
  '山核桃',
];
const LIVESTOCK = ['生猪', '家禽', '水产', '甲鱼', '湖羊', '蜜蜂', '黄牛', '鱼'];

export function cooperativeName(rng: Rng, county: County): OrgName {
  const where = rng.chance(0.25) ? townName(rng, county).replace(/(街道|镇|乡)$/, '') : natureBrand(rng);
  const x = rng.next();
  let what: string;
  if (x < 0.55) what = rng.pick(CROPS) + (rng.chance(0.4) ? '种植' : '');
  else if (x < 0.8) what = rng.pick(LIVESTOCK) + '养殖';
  else if (x < 0.9) what = '农机';
  else what = rng.pick(['植保', '粮食生产', '农产品', '农业']);
  return { name: `${county.full}${where}${what}专业合作社`, industry: 'A' };
}

// ---------------------------------------------------------------------------------------------
// Government bodies (11)

export interface BodyName extends OrgName {
  /** Earliest plausible year of establishment (e.g. 退役军人事务局 came with the 2018–2019 reform). */
  minYear: number;
}

type Title = readonly [weight: number, minYear: number, build: (c: County) => string];

const COUNTY_DEPARTMENTS: readonly Title[] = [
  [3, 1950, (c) => `${c.full}人民政府`],
  [2, 1950, (c) => `${c.full}人民政府办公室`],
  [1, 1950, (c) => `中国共产党${c.full}委员会`],
  [2, 2002, (c) => `${c.full}发展和改革局`],
  [2, 2010, (c) => `${c.full}经济和信息化局`],
  [2, 1950, (c) => `${c.full}教育局`],
  [2, 1978, (c) => `${c.full}科学技术局`],
  [2, 1950, (c) => `${c.full}民政局`],
  [2, 1980, (c) => `${c.full}司法局`],
  [2, 1950, (c) => `${c.full}财政局`],
  [2, 2010, (c) => `${c.full}人力资源和社会保障局`],
  [2, 2010, (c) => `${c.full}住房和城乡建设局`],
  [2, 2010, (c) => `${c.full}交通运输局`],
  [1.5, 1955, (c) => `${c.full}水利局`],
  [2, 2019, (c) => `${c.full}农业农村局`],
  [2, 2004, (c) => `${c.full}商务局`],
  [2, 2019, (c) => `${c.full}文化和广电旅游体育局`],
  [2, 2019, (c) => `${c.full}卫生健康局`],
  [2, 2019, (c) => `${c.full}退役军人事务局`],
  [2, 2019, (c) => `${c.full}应急管理局`],
  [2, 1984, (c) => `${c.full}审计局`],
  [3, 2015, (c) => `${c.full}市场监督管理局`],
  [1.5, 1955, (c) => `${c.full}统计局`],
  [1.5, 2019, (c) => `${c.full}医疗保障局`],
  [2, 2019, (c) => `${c.full}综合行政执法局`],
  [1, 1980, (c) => `${c.full}信访局`],
  [2, 1950, (c) => `${c.full}人民法院`],
  [2, 1978, (c) => `${c.full}人民检察院`],
  [2, 2018, (c) => `国家税务总局${c.full}税务局`],
  // Districts' police and environment offices are branches of the city's bureaus.
  [2, 1985, (c) => (c.type === 'district' ? `${c.city.name}公安局${c.short}分局` : `${c.full}公安局`)],
  [2, 2019, (c) => `${c.city.name}生态环境局${c.short}分局`],
  [
    2,
    2019,
    (c) => (c.type === 'district' ? `${c.city.name}规划和自然资源局${c.short}分局` : `${c.full}自然资源和规划局`),
  ],
];

const CITY_DEPARTMENTS: readonly (readonly [weight: number, minYear: number, build: (c: City) => string])[] = [
  [2, 1950, (c) => `${c.name}人民政府`],
  [1, 1950, (c) => `${c.name}人民政府办公厅`],
  [2, 2002, (c) => `${c.name}发展和改革委员会`],
  [2, 2010, (c) => `${c.name}经济和信息化局`],
  [2, 1950, (c) => `${c.name}教育局`],
  [2, 1950, (c) => `${c.name}公安局`],
  [2, 1950, (c) => `${c.name}财政局`],
  [2, 2019, (c) => `${c.name}生态环境局`],
  [2, 2019, (c) => `${c.name}规划和自然资源局`],
  [2, 2015, (c) => `${c.name}市场监督管理局`],
  [2, 2018, (c) => `国家税务总局${c.name}税务局`],
  [2, 1950, (c) => `${c.name}中级人民法院`],
  [2, 1978, (c) => `${c.name}人民检察院`],
  [1, 2019, (c) => `${c.name}医疗保障局`],
  [1, 2010, (c) => `${c.name}城市管理局`],
  [1, 2019, (c) => `${c.name}退役军人事务局`],
  [1, 2019, (c) => `${c.name}应急管理局`],
];

const COUNTY_DEPARTMENT = new Weighted(COUNTY_DEPARTMENTS.map((t) => [t, t[0]] as const));
const CITY_DEPARTMENT = new Weighted(CITY_DEPARTMENTS.map((t) => [t, t[0]] as const));

export function countyBodyName(rng: Rng, county: County): BodyName {
  if (rng.chance(0.35)) {
    const town = townName(rng, county);
    return { name: county.full + town + (town.endsWith('街道') ? '办事处' : '人民政府'), industry: 'S', minYear: 1984 };
  }
  const [, minYear, build] = COUNTY_DEPARTMENT.pick(rng);
  return { name: build(county), industry: 'S', minYear };
}

export function cityBodyName(rng: Rng, city: City): BodyName {
  const [, minYear, build] = CITY_DEPARTMENT.pick(rng);
  return { name: build(city), industry: 'S', minYear };
}

// ---------------------------------------------------------------------------------------------
// Public institutions (12)

type InstitutionTitle = readonly [
  weight: number,
  industry: string,
  minYear: number,
  build: (rng: Rng, c: County) => string,
];

const COUNTY_INSTITUTIONS: readonly InstitutionTitle[] = [
  [14, 'P', 1950, (r, c) => `${c.full}${placeName(r)}小学`],
  [7, 'P', 1955, (r, c) => `${c.full}${placeName(r)}${r.chance(0.5) ? '中学' : '初级中学'}`],
  [10, 'P', 1980, (r, c) => `${c.full}${placeName(r)}幼儿园`],
  [1, 'P', 1955, (_r, c) => `${c.full}实验小学`],
  [2, 'P', 1958, (r, c) => `${c.full}${placeName(r)}高级中学`],
  [1, 'P', 1985, (_r, c) => `${c.full}职业技术学校`],
  [1.5, 'Q', 1950, (_r, c) => `${c.full}人民医院`],
  [1, 'Q', 1956, (_r, c) => `${c.full}中医院`],
  [1, 'Q', 1965, (_r, c) => `${c.full}第二人民医院`],
  [1, 'Q', 1975, (_r, c) => `${c.full}妇幼保健院`],
  [1, 'Q', 2002, (_r, c) => `${c.full}疾病预防控制中心`],
  [
    12,
    'Q',
    1958,
    (r, c) => {
      const town = townName(r, c);
      return town.endsWith('街道') ? `${c.full}${town}社区卫生服务中心` : `${c.full}${town}卫生院`;
    },
  ],
  [1, 'R', 1955, (_r, c) => `${c.full}图书馆`],
  [1, 'R', 1955, (_r, c) => `${c.full}文化馆`],
  [0.6, 'R', 1980, (_r, c) => `${c.full}博物馆`],
  [1, 'R', 1960, (_r, c) => `${c.full}档案馆`],
  [1, 'R', 2019, (_r, c) => `${c.full}融媒体中心`],
  [1.5, 'M', 1960, (_r, c) => `${c.full}农业技术推广中心`],
  [1, 'M', 2000, (_r, c) => `${c.full}检验检测中心`],
  [2, 'S', 2012, (_r, c) => `${c.full}公共资源交易中心`],
  [2, 'S', 2016, (_r, c) => `${c.full}不动产登记服务中心`],
  [1.5, 'S', 1990, (_r, c) => `${c.full}机关事务服务中心`],
  [2, 'S', 2005, (r, c) => `${c.full}${townName(r, c)}便民服务中心`],
  [1.5, 'N', 1980, (_r, c) => `${c.full}环境卫生管理处`],
  [1.5, 'N', 1970, (_r, c) => `${c.full}水利工程管理中心`],
  [1, 'Q', 1960, (_r, c) => `${c.full}社会福利院`],
  [0.6, 'O', 1960, (_r, c) => `${c.full}殡仪馆`],
  [1.5, 'N', 2005, (_r, c) => `${c.full}城市管理服务中心`],
];

const CITY_INSTITUTIONS: readonly (readonly [
  weight: number,
  industry: string,
  minYear: number,
  build: (rng: Rng, c: City) => string,
])[] = [
  [6, 'P', 1950, (r, c) => `${c.name}第${chineseNumber(r.range(1, 18))}中学`],
  [2, 'P', 1980, (r, c) => `${c.name}${placeName(r)}${r.chance(0.5) ? '小学' : '实验学校'}`],
  [1, 'P', 1998, (_r, c) => `${c.name.slice(0, -1)}职业技术学院`],
  [4, 'Q', 1950, (r, c) => `${c.name}第${chineseNumber(r.range(1, 7))}人民医院`],
  [1, 'Q', 1956, (_r, c) => `${c.name}中医院`],
  [1, 'Q', 1975, (_r, c) => `${c.name}妇幼保健院`],
  [1, 'Q', 2002, (_r, c) => `${c.name}疾病预防控制中心`],
  [1, 'Q', 1990, (_r, c) => `${c.name}急救中心`],
  [1, 'Q', 1985, (_r, c) => `${c.name}中心血站`],
  [1, 'M', 1960, (_r, c) => `${c.name}农业科学研究院`],
  [1, 'M', 1980, (_r, c) => `${c.name}城市规划设计研究院`],
  [1, 'M', 1975, (_r, c) => `${c.name}建筑设计研究院`],
  [1, 'M', 1985, (_r, c) => `${c.name}质量技术监督检测研究院`],
  [0.7, 'M', 2005, (_r, c) => `${c.name}标准化研究院`],
  [1, 'R', 1955, (_r, c) => `${c.name}图书馆`],
  [1, 'R', 1958, (_r, c) => `${c.name}博物馆`],
  [1, 'R', 1958, (_r, c) => `${c.name}档案馆`],
  [1, 'S', 2008, (_r, c) => `${c.name}公共资源交易中心`],
];

const COUNTY_INSTITUTION = new Weighted(COUNTY_INSTITUTIONS.map((t) => [t, t[0]] as const));
const CITY_INSTITUTION = new Weighted(CITY_INSTITUTIONS.map((t) => [t, t[0]] as const));

export function countyInstitutionName(rng: Rng, county: County): BodyName {
  const [, industry, minYear, build] = COUNTY_INSTITUTION.pick(rng);
  return { name: build(rng, county), industry, minYear };
}

export function cityInstitutionName(rng: Rng, city: City): BodyName {
  const [, industry, minYear, build] = CITY_INSTITUTION.pick(rng);
  return { name: build(rng, city), industry, minYear };
}

// ---------------------------------------------------------------------------------------------
// Social organisations (51 社会团体, 52 民办非企业单位, 53 基金会)

const TRADE_ASSOCIATIONS = [
  '软件行业协会',
  '餐饮行业协会',
  '建筑业协会',
  '服装行业协会',
  '物流协会',
  '电子商务协会',
  '汽车行业协会',
  '家具行业协会',
  '五金行业协会',
  '茶叶行业协会',
  '旅游协会',
  '房地产业协会',
  '纺织行业协会',
  '印刷行业协会',
  '食品行业协会',
  '美容美发行业协会',
  '饭店业协会',
  '建筑装饰行业协会',
  '民宿行业协会',
  '个体私营企业协会',
];
const CHAMBERS = [
  '温州',
  '台州',
  '宁波',
  '金华',
  '绍兴',
  '安徽',
  '福建',
  '江西',
  '湖南',
  '河南',
  '四川',
  '江苏',
  '山东',
  '湖北',
  '广东',
];
const SOCIETIES = [
  '医学会',
  '计算机学会',
  '教育学会',
  '会计学会',
  '法学会',
  '护理学会',
  '药学会',
  '土木建筑学会',
  '律师协会',
  '注册会计师协会',
];
const CLUBS = [
  '羽毛球协会',
  '围棋协会',
  '篮球协会',
  '登山协会',
  '老年体育协会',
  '书法家协会',
  '摄影家协会',
  '作家协会',
  '志愿者协会',
  '个体劳动者协会',
  '慈善总会',
];

export type SocialCategory = '1' | '2' | '3';

/** Association names at county level use the full title; at city level the city's. */
export function socialOrganisationName(
  rng: Rng,
  category: SocialCategory,
  where: { prefix: string; own: string },
): OrgName {
  const p = where.prefix;
  if (category === '1') {
    const x = rng.next();
    if (x < 0.35) return { name: `${p}${rng.pick(TRADE_ASSOCIATIONS)}`, industry: 'S' };
    if (x < 0.5) {
      let from = rng.pick(CHAMBERS);
      if (where.own.startsWith(from)) from = '安徽';
      return { name: `${p}${from}商会`, industry: 'S' };
    }
    if (x < 0.68) return { name: `${p}${rng.pick(SOCIETIES)}`, industry: 'S' };
    return { name: `${p}${rng.pick(CLUBS)}`, industry: 'S' };
  }
  if (category === '3') {
    const kind = rng.pick(['慈善基金会', '教育基金会', '公益基金会', '教育发展基金会', '见义勇为基金会']);
    return {
      name: `${p}${kind.startsWith('慈善') || kind.startsWith('公益') ? brand(rng) : ''}${kind}`,
      industry: 'S',
    };
  }
  const x = rng.next();
  const b = brand(rng);
  if (x < 0.35)
    return {
      name: `${p}${b}${rng.pick(['培训学校', '艺术培训学校', '职业技能培训学校', '文化艺术培训学校'])}`,
      industry: 'P',
    };
  if (x < 0.55) return { name: `${p}${b}幼儿园`, industry: 'P' };
  if (x < 0.72) return { name: `${p}${b}${rng.pick(['养老院', '颐养院', '居家养老服务中心'])}`, industry: 'Q' };
  if (x < 0.85) return { name: `${p}${b}社会工作服务中心`, industry: 'Q' };
  if (x < 0.93) return { name: `${p}${b}康复中心`, industry: 'Q' };
  return { name: `${p}${b}文化艺术中心`, industry: 'R' };
}
