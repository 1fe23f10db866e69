/**
 * The vocabulary of the market register (登记信息): 企业类型 as the register writes them, registered
 * capital in 万元, and 经营范围 items in the wording of the 经营范围登记规范表述目录, chosen to fit the
 * subject's name and industry section (a 软件 company develops software, a 面馆 serves food).
 */
import type { County } from './places.ts';
import { Weighted, type Rng } from './random.ts';

// ---------------------------------------------------------------------------------------------
// 企业类型

const COMPANY_TYPES = new Weighted<string>([
  ['有限责任公司（自然人投资或控股）', 62],
  ['有限责任公司（自然人独资）', 20],
  ['有限责任公司（非自然人投资或控股的法人独资）', 6],
  ['有限责任公司（自然人投资或控股的法人独资）', 5],
  ['其他有限责任公司', 3],
  ['有限责任公司（国有控股）', 1.5],
  ['有限责任公司（港澳台投资、非独资）', 1],
  ['有限责任公司（外国法人独资）', 1.5],
]);

const JOINT_STOCK_TYPES = new Weighted<string>([
  ['股份有限公司（非上市、自然人投资或控股）', 70],
  ['其他股份有限公司（非上市）', 15],
  ['股份有限公司（非上市、国有控股）', 7],
  ['股份有限公司（上市、自然人投资或控股）', 8],
]);

const OLD_FACTORY_TYPES = new Weighted<string>([
  ['集体所有制', 35],
  ['股份合作制', 25],
  ['个人独资企业', 40],
]);

const FACTORY_TYPES = new Weighted<string>([
  ['个人独资企业', 88],
  ['普通合伙企业', 12],
]);

export const INDIVIDUAL_BUSINESS_TYPE = '个体工商户';
export const COOPERATIVE_TYPE = '农民专业合作社';

/** 企业类型 of an enterprise, from its name's organisational form and its founding year. */
export function enterpriseType(rng: Rng, name: string, establishedYear: number): string {
  if (name.endsWith('合伙企业（有限合伙）')) return '有限合伙企业';
  if (name.endsWith('股份有限公司')) return JOINT_STOCK_TYPES.pick(rng);
  if (name.endsWith('厂')) return (establishedYear < 2000 ? OLD_FACTORY_TYPES : FACTORY_TYPES).pick(rng);
  if (name.endsWith('集团有限公司')) return rng.chance(0.8) ? '有限责任公司（自然人投资或控股）' : '其他有限责任公司';
  const type = COMPANY_TYPES.pick(rng);
  // One-person limited companies exist since the 2006 Company Law.
  return establishedYear < 2006 && type.includes('独资') ? '有限责任公司（自然人投资或控股）' : type;
}

/** Registered capital is mostly in yuan; foreign-invested companies often register in US dollars. */
export function currencyOf(rng: Rng, entityType: string): string {
  return entityType.includes('外国') || entityType.includes('港澳台')
    ? rng.chance(0.6)
      ? '美元'
      : rng.chance(0.5)
        ? '港元'
        : '人民币'
    : '人民币';
}

// ---------------------------------------------------------------------------------------------
// 注册资本 (万元)

function roundValues(values: readonly number[], weights: readonly number[]): Weighted<number> {
  return new Weighted(values.map((v, i) => [v, weights[i]!] as const));
}

const COMPANY_CAPITAL = roundValues(
  [3, 10, 30, 50, 100, 200, 300, 500, 1000, 2000, 3000, 5000, 10000],
  [2, 10, 6, 14, 22, 10, 7, 10, 9, 4, 2, 2, 1],
);
const GROUP_CAPITAL = roundValues([5000, 8000, 10000, 20000, 30000, 50000], [3, 2, 4, 2, 1, 1]);
const JOINT_STOCK_CAPITAL = roundValues(
  [500, 1000, 2000, 3000, 5000, 6000, 8000, 10000, 20000, 50000],
  [3, 6, 5, 5, 6, 3, 2, 3, 1.5, 0.5],
);
const SOLE_CAPITAL = roundValues([1, 3, 5, 10, 20, 30, 50, 100], [3, 3, 5, 8, 4, 3, 3, 2]);
const FUND_CAPITAL = roundValues([100, 500, 1000, 3000, 5000, 10000, 20000, 50000], [2, 3, 5, 4, 4, 3, 2, 1]);
const COLLECTIVE_CAPITAL = roundValues([5, 10, 20, 50, 100, 200], [3, 4, 3, 3, 2, 1]);
const SHOP_CAPITAL = roundValues([0.5, 1, 2, 3, 5, 10, 20, 30, 50], [2, 6, 4, 4, 6, 5, 2, 1, 1]);
const COOPERATIVE_CAPITAL = roundValues(
  [3, 5, 10, 20, 50, 100, 200, 300, 500, 1000, 2000],
  [1, 3, 5, 5, 6, 7, 4, 3, 2, 1, 0.3],
);
/** Financial firms have statutory minimums (小额贷款公司 5,000 万元 for a joint-stock company in 浙江). */
const FINANCE_CAPITAL = roundValues([5000, 10000, 20000, 30000, 50000], [3, 4, 3, 1, 1]);

/** 万元 as a decimal string, without trailing zeros: "100", "12.5", "1285.7143". */
function wan(value: number): string {
  return String(Math.round(value * 10000) / 10000);
}

/**
 * Registered capital in 万元, or null: many 个体工商户 register no 资金数额. A tenth of the amounts are
 * not round (capital paid in kind, or converted from another currency).
 */
export function registeredCapital(rng: Rng, kind: string, name: string, entityType: string): string | null {
  let table: Weighted<number>;
  if (kind === 'INDIVIDUAL_BUSINESS') {
    if (rng.chance(0.55)) return null;
    table = SHOP_CAPITAL;
  } else if (kind === 'FARMERS_COOPERATIVE') {
    table = COOPERATIVE_CAPITAL;
  } else if (/小额贷款|融资担保|典当/.test(name)) {
    table = FINANCE_CAPITAL;
  } else if (entityType === '有限合伙企业') {
    table = FUND_CAPITAL;
  } else if (entityType.startsWith('股份有限公司') || entityType.startsWith('其他股份')) {
    table = JOINT_STOCK_CAPITAL;
  } else if (name.endsWith('集团有限公司')) {
    table = GROUP_CAPITAL;
  } else if (entityType === '个人独资企业' || entityType === '普通合伙企业') {
    table = SOLE_CAPITAL;
  } else if (entityType === '集体所有制' || entityType === '股份合作制') {
    table = COLLECTIVE_CAPITAL;
  } else {
    table = COMPANY_CAPITAL;
  }
  const round = table.pick(rng);
  if (!rng.chance(0.1)) return wan(round);
  const odd = round * (0.55 + rng.next() * 0.9);
  return wan(rng.chance(0.5) ? Math.round(odd * 100) / 100 : odd);
}

// ---------------------------------------------------------------------------------------------
// 经营范围

const TECH = '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广';
const TRADE = ['货物进出口', '技术进出口'];

/** General items of a GB/T 4754 section, drawn after the items the name itself calls for. */
const SECTION_ITEMS: Record<string, readonly string[]> = {
  A: [
    '谷物种植',
    '蔬菜种植',
    '水果种植',
    '茶叶种植',
    '花卉种植',
    '林木育苗',
    '牲畜饲养',
    '家禽饲养',
    '水产养殖',
    '农业机械服务',
    '初级农产品收购',
    '食用农产品批发',
    '休闲观光活动',
    '农业科学研究和试验发展',
  ],
  B: ['建筑用石加工', '非金属矿物制品制造', '非金属矿及制品销售', '选矿', '矿山机械销售', '土石方工程施工'],
  C: [
    ...TRADE,
    '金属材料销售',
    TECH,
    '机械零件、零部件加工',
    '五金产品批发',
    '模具销售',
    '包装材料及制品销售',
    '机械设备销售',
    '新材料技术研发',
    '日用品销售',
  ],
  D: [
    '发电业务、输电业务、供（配）电业务',
    '太阳能发电技术服务',
    '合同能源管理',
    '储能技术服务',
    '新兴能源技术研发',
    '热力生产和供应',
    '燃气经营',
    '光伏设备及元器件销售',
  ],
  E: [
    '建设工程施工',
    '房屋建筑和市政基础设施项目工程总承包',
    '住宅室内装饰装修',
    '建筑装饰材料销售',
    '园林绿化工程施工',
    '土石方工程施工',
    '普通机械设备安装服务',
    '建筑劳务分包',
    '市政设施管理',
    '建筑材料销售',
    '工程管理服务',
  ],
  F: [
    '日用百货销售',
    '五金产品批发',
    '建筑材料销售',
    '针纺织品销售',
    '电子产品销售',
    '化工产品销售（不含许可类化工产品）',
    ...TRADE,
    '食品销售（仅销售预包装食品）',
    '互联网销售（除销售需要许可的商品）',
    '办公用品销售',
    '家用电器销售',
    '服装服饰批发',
    '金属材料销售',
  ],
  G: [
    '道路货物运输（不含危险货物）',
    '普通货物仓储服务（不含危险化学品等需许可审批的项目）',
    '国内货物运输代理',
    '国际货物运输代理',
    '装卸搬运',
    '供应链管理服务',
    '信息咨询服务（不含许可类信息咨询服务）',
  ],
  H: ['餐饮服务', '食品销售', '餐饮管理', '酒店管理', '会议及展览服务', '外卖递送服务', '住宿服务'],
  I: [
    '软件开发',
    '信息系统集成服务',
    '信息技术咨询服务',
    '网络技术服务',
    '数据处理和存储支持服务',
    '计算机软硬件及辅助设备零售',
    '人工智能应用软件开发',
    TECH,
    '互联网数据服务',
    '物联网技术服务',
  ],
  J: ['企业管理咨询', '财务咨询', '信息咨询服务（不含许可类信息咨询服务）'],
  K: ['房地产开发经营', '物业管理', '房地产经纪', '房地产咨询', '住房租赁', '非居住房地产租赁', '停车场服务'],
  L: [
    '企业管理咨询',
    '信息咨询服务（不含许可类信息咨询服务）',
    '市场营销策划',
    '广告设计、代理',
    '广告制作',
    '会议及展览服务',
    '组织文化艺术交流活动',
    '供应链管理服务',
    '财务咨询',
    '品牌管理',
    '礼仪服务',
  ],
  M: [
    TECH,
    '工程和技术研究和试验发展',
    '检验检测服务',
    '工程管理服务',
    '建设工程设计',
    '环保咨询服务',
    '信息咨询服务（不含许可类信息咨询服务）',
    '软件开发',
    '专业设计服务',
  ],
  N: [
    '环境保护专用设备销售',
    '园林绿化工程施工',
    '城市绿化管理',
    '水污染治理',
    '大气污染治理',
    '固体废物治理',
    '污水处理及其再生利用',
    '环境卫生公共设施安装服务',
  ],
  O: [
    '家政服务',
    '专业保洁、清洗、消毒服务',
    '机动车修理和维护',
    '日用电器修理',
    '理发服务',
    '生活美容服务',
    '洗染服务',
    '搬家服务',
  ],
  P: [
    '教育咨询服务（不含涉许可审批的教育培训活动）',
    '业务培训（不含教育培训、职业技能培训等需取得许可的培训）',
    '组织文化艺术交流活动',
    '教育软件开发',
    '职业技能培训',
  ],
  Q: ['医疗服务', '养老服务', '健康咨询服务（不含诊疗服务）', '远程健康管理服务', '第二类医疗器械销售'],
  R: [
    '组织文化艺术交流活动',
    '广播电视节目制作经营',
    '电影摄制服务',
    '文艺创作',
    '体育竞赛组织',
    '健身休闲活动',
    '数字文化创意内容应用服务',
    '摄影扩印服务',
  ],
};

/**
 * Items a word in the name calls for; where two words end at the same place the earlier entry wins
 * (针织 before 织). A trade word appears in the name of most enterprises and shops, so most scopes open
 * with what the name says.
 */
const NAME_ITEMS: readonly (readonly [string, readonly string[]])[] = [
  ['五金', ['五金产品制造', '五金产品批发', '五金产品零售']],
  ['日用品', ['日用百货销售', '日用品销售']],
  ['百货', ['日用百货销售', '针纺织品销售']],
  ['进出口', ['货物进出口', '技术进出口']],
  ['电子商务', ['互联网销售（除销售需要许可的商品）', '电子产品销售']],
  ['机械', ['通用设备制造（不含特种设备制造）', '机械设备销售', '机械零件、零部件加工']],
  ['智能装备', ['智能基础制造装备制造', '工业机器人制造']],
  ['针织', ['针织或钩针编织物及其制品制造', '针纺织品销售']],
  ['袜', ['袜子制造（针织或钩针编织物及其制品制造）', '针纺织品销售', '服装服饰批发']],
  ['服装贸易', ['服装服饰批发', '服装服饰零售']],
  ['服装店', ['服装服饰零售', '鞋帽零售']],
  ['服饰商行', ['服装服饰零售', '服装服饰批发']],
  ['服装', ['服装制造', '服饰制造', '服装服饰批发', '服装服饰零售']],
  ['服饰', ['服饰制造', '服装制造', '服装服饰批发', '服装服饰零售']],
  ['印染', ['面料印染加工', '针纺织品及原料销售']],
  ['丝绸', ['面料纺织加工', '丝绸制品销售（服装服饰零售）', '针纺织品及原料销售']],
  ['纺织品', ['针纺织品销售', '针纺织品及原料销售']],
  ['织', ['面料纺织加工', '针纺织品及原料销售']],
  ['纺织', ['面料纺织加工', '针纺织品及原料销售']],
  ['照明电器', ['照明器具制造', '照明器具销售']],
  ['照明', ['照明器具制造', '照明器具销售']],
  ['电线电缆', ['电线、电缆制造', '电线、电缆经营']],
  ['电机', ['电机制造', '电气设备销售']],
  ['电器', ['家用电器制造', '家用电器销售', '日用电器修理']],
  ['电子', ['电子元器件制造', '电子产品销售']],
  ['塑料', ['塑料制品制造', '塑料制品销售']],
  ['橡胶', ['橡胶制品制造', '橡胶制品销售']],
  ['纸箱', ['纸制品制造', '包装材料及制品销售']],
  ['包装', ['纸制品制造', '包装材料及制品销售', '包装服务']],
  ['汽车零部件', ['汽车零部件及配件制造', '汽车零配件批发']],
  ['汽车销售', ['汽车新车销售', '汽车零配件零售', '二手车经纪']],
  ['汽车维修', ['机动车修理和维护', '汽车零配件零售']],
  ['汽车修理', ['机动车修理和维护', '汽车零配件零售']],
  ['摩托车', ['摩托车及零配件零售', '摩托车修理']],
  ['电动车', ['电动自行车销售', '助动自行车、代步车及零配件销售']],
  ['食品加工', ['食品生产（许可）', '食品小作坊经营']],
  ['豆制品', ['豆制品制造', '食品小作坊经营']],
  ['食品', ['食品生产（许可）', '食品销售（仅销售预包装食品）']],
  ['化工', ['化工产品生产（不含许可类化工产品）', '化工产品销售（不含许可类化工产品）']],
  ['新材料', ['新材料技术研发', '合成材料制造（不含危险化学品）']],
  ['家具', ['家具制造', '家具销售', '家具零配件生产']],
  ['木制品', ['木制品制造', '木制品销售']],
  ['阀门', ['阀门和旋塞研发', '阀门和旋塞销售', '通用设备制造（不含特种设备制造）']],
  ['轴承', ['轴承制造', '轴承销售']],
  ['工艺品', ['工艺美术品及礼仪用品制造（象牙及其制品除外）', '工艺美术品及收藏品批发（象牙及其制品除外）']],
  ['印刷', ['包装装潢印刷品印刷', '专业设计服务']],
  ['眼镜', ['眼镜制造', '眼镜销售（不含隐形眼镜）']],
  ['鞋', ['鞋制品制造', '鞋帽批发', '鞋帽零售']],
  ['皮革', ['皮革制品制造', '皮革制品销售']],
  ['泵', ['泵及真空设备制造', '泵及真空设备销售']],
  ['模具', ['模具制造', '模具销售']],
  ['卫浴', ['卫生洁具制造', '卫生洁具销售']],
  ['水暖', ['建筑装饰、水暖管道零件及其他建筑用金属制品制造', '卫生洁具销售']],
  ['工具', ['金属工具制造', '金属工具销售']],
  ['光伏', ['光伏设备及元器件制造', '光伏设备及元器件销售', '太阳能发电技术服务']],
  ['医疗器械', ['第一类医疗器械生产', '第二类医疗器械销售', '第一类医疗器械销售']],
  ['制药', ['药品生产', '药品批发']],
  ['铸造', ['黑色金属铸造', '有色金属铸造']],
  ['标准件', ['紧固件制造', '紧固件销售']],
  ['矿业', ['矿产资源（非煤矿山）开采', '选矿']],
  ['石料', ['建筑用石加工', '非金属矿及制品销售']],
  ['燃气', ['燃气经营', '燃气器具安装、维修服务']],
  ['水务', ['自来水生产与供应', '污水处理及其再生利用']],
  ['热电', ['热力生产和供应', '发电业务、输电业务、供（配）电业务']],
  ['装饰', ['住宅室内装饰装修', '建筑装饰材料销售']],
  ['装修', ['住宅室内装饰装修', '建筑装饰材料销售']],
  ['水电安装', ['住宅水电安装维护服务', '普通机械设备安装服务']],
  ['市政', ['市政设施管理', '建设工程施工']],
  ['幕墙', ['建设工程施工', '金属门窗工程施工']],
  ['钢结构', ['金属结构制造', '建设工程施工']],
  ['园林', ['园林绿化工程施工', '城市绿化管理']],
  ['路桥', ['公路管理与养护', '建设工程施工']],
  ['建材', ['建筑材料销售', '轻质建筑材料销售']],
  ['医药科技', ['医学研究和试验发展', TECH]],
  ['医药', ['药品批发', '第二类医疗器械销售']],
  ['钢材', ['金属材料销售', '建筑用钢筋产品销售']],
  ['通讯', ['通讯设备销售', '移动终端设备销售']],
  ['文具', ['文具用品批发', '文具用品零售']],
  ['农副产品', ['食用农产品批发', '初级农产品收购']],
  ['超市', ['食品销售', '日用百货销售', '烟草制品零售']],
  ['便利店', ['食品销售', '日用百货销售', '烟草制品零售']],
  ['烟酒', ['烟草制品零售', '酒类经营', '食品销售']],
  ['水果', ['新鲜水果零售', '食用农产品零售']],
  ['蔬菜', ['新鲜蔬菜零售', '食用农产品零售']],
  ['海鲜', ['水产品零售', '食用农产品零售']],
  ['粮油', ['粮油仓储服务', '食用农产品零售', '食品销售']],
  ['茶叶店', ['茶叶零售（食品销售）', '食用农产品零售']],
  ['母婴', ['母婴用品销售', '婴幼儿配方乳粉及其他婴幼儿配方食品销售']],
  ['化妆品', ['化妆品零售', '个人卫生用品销售']],
  ['家电', ['家用电器销售', '日用电器修理']],
  ['灯具', ['照明器具销售', '灯具销售']],
  ['花店', ['花卉零售', '礼品花卉销售']],
  ['物流', ['道路货物运输（不含危险货物）', '普通货物仓储服务（不含危险化学品等需许可审批的项目）']],
  ['货运代理', ['国内货物运输代理', '国际货物运输代理']],
  ['货运', ['道路货物运输（不含危险货物）', '装卸搬运']],
  ['快递', ['快递服务', '国内货物运输代理']],
  ['仓储', ['普通货物仓储服务（不含危险化学品等需许可审批的项目）', '装卸搬运']],
  ['航运', ['国内水路运输', '国际船舶代理']],
  ['船务', ['国内船舶代理', '国际船舶代理']],
  ['搬运', ['装卸搬运', '搬家服务']],
  ['搬家', ['搬家服务', '装卸搬运']],
  ['大酒店', ['住宿服务', '餐饮服务']],
  ['酒店', ['住宿服务', '酒店管理']],
  ['餐饮', ['餐饮服务', '餐饮管理']],
  ['面', ['餐饮服务', '食品小作坊经营']],
  ['小吃', ['餐饮服务', '食品小作坊经营']],
  ['包子', ['餐饮服务', '食品小作坊经营']],
  ['馄饨', ['餐饮服务']],
  ['饺子', ['餐饮服务']],
  ['快餐', ['餐饮服务']],
  ['饭店', ['餐饮服务']],
  ['烧烤', ['餐饮服务']],
  ['排档', ['餐饮服务']],
  ['麻辣烫', ['餐饮服务']],
  ['菜馆', ['餐饮服务']],
  ['餐馆', ['餐饮服务']],
  ['酒家', ['餐饮服务']],
  ['酒', ['酒类经营', '食品销售']],
  ['奶茶', ['餐饮服务', '食品销售（仅销售预包装食品）']],
  ['软件', ['软件开发', '软件销售', '信息系统集成服务']],
  ['数据', ['数据处理和存储支持服务', '大数据服务']],
  ['物联网', ['物联网技术服务', '物联网应用服务']],
  ['通信', ['通信设备销售', '5G通信技术服务']],
  ['网络', ['网络技术服务', '互联网销售（除销售需要许可的商品）']],
  ['电脑', ['计算机软硬件及辅助设备零售', '计算机及办公设备维修']],
  ['小额贷款', ['办理各项小额贷款', '办理小企业发展、管理、财务等咨询业务']],
  ['融资担保', ['融资担保业务', '非融资担保服务']],
  ['保险代理', ['保险代理业务']],
  [
    '典当',
    ['动产质押典当业务', '房地产（外省、自治区、直辖市的房地产或者未取得商品房预售许可证的在建工程除外）抵押典当业务'],
  ],
  [
    '股权投资',
    [
      '股权投资',
      '私募股权投资基金管理、创业投资基金管理服务（须在中国证券投资基金业协会完成登记备案后方可从事经营活动）',
    ],
  ],
  [
    '创业投资',
    [
      '创业投资（限投资未上市企业）',
      '以私募基金从事股权投资、投资管理、资产管理等活动（须在中国证券投资基金业协会完成登记备案后方可从事经营活动）',
    ],
  ],
  [
    '投资管理',
    ['投资管理（未经金融等监管部门批准，不得从事向公众融资存款、融资担保、代客理财等金融服务）', '股权投资'],
  ],
  ['房地产开发', ['房地产开发经营', '物业管理']],
  ['置业', ['房地产开发经营', '非居住房地产租赁']],
  ['物业', ['物业管理', '停车场服务', '专业保洁、清洗、消毒服务']],
  ['营销策划', ['房地产咨询', '市场营销策划']],
  ['房产经纪', ['房地产经纪', '房地产咨询', '住房租赁']],
  ['人力资源', ['人力资源服务（不含职业中介活动、劳务派遣服务）', '劳务派遣服务', '职业中介活动']],
  ['广告', ['广告设计、代理', '广告制作', '广告发布']],
  ['会展', ['会议及展览服务', '组织文化艺术交流活动']],
  ['供应链', ['供应链管理服务', '国内货物运输代理']],
  ['旅行社', ['旅游业务', '旅行社服务网点旅游招徕、咨询服务']],
  ['租赁', ['机械设备租赁', '建筑工程机械与设备租赁']],
  ['财务咨询', ['财务咨询', '税务服务']],
  ['文化传播', ['组织文化艺术交流活动', '文艺创作', '广告设计、代理']],
  ['品牌', ['品牌管理', '市场营销策划']],
  ['检测', ['检验检测服务', '计量技术服务']],
  ['工程设计', ['建设工程设计', '工程管理服务']],
  ['建筑设计', ['建设工程设计', '规划设计管理']],
  ['勘察', ['建设工程勘察', '建设工程设计']],
  ['测绘', ['测绘服务', '地理遥感信息服务']],
  ['工程咨询', ['工程管理服务', '工程造价咨询业务']],
  ['生物科技', ['生物化工产品技术研发', '生物基材料技术研发']],
  ['环境', ['环保咨询服务', '水污染治理', '大气污染治理']],
  ['环卫', ['城乡市容管理', '专业保洁、清洗、消毒服务', '生活垃圾处理装备销售']],
  ['水处理', ['污水处理及其再生利用', '水环境污染防治服务']],
  ['家政', ['家政服务', '专业保洁、清洗、消毒服务']],
  ['保洁', ['专业保洁、清洗、消毒服务', '家政服务']],
  ['美容', ['生活美容服务', '化妆品零售']],
  ['美发', ['理发服务', '生活美容服务']],
  ['理发', ['理发服务']],
  ['洗涤', ['洗染服务', '洗烫服务']],
  ['洗衣', ['洗染服务', '洗烫服务']],
  ['足浴', ['足浴服务', '养生保健服务（非医疗）']],
  ['维修', ['日用电器修理', '家用电器安装服务']],
  ['开锁', ['开锁服务', '五金产品零售']],
  ['教育', ['教育咨询服务（不含涉许可审批的教育培训活动）', '教育软件开发']],
  ['技能培训', ['职业技能培训', '业务培训（不含教育培训、职业技能培训等需取得许可的培训）']],
  ['艺术培训', ['文艺培训（不含涉许可审批的教育培训活动）', '组织文化艺术交流活动']],
  ['口腔', ['医疗服务（口腔科）', '第二类医疗器械销售']],
  ['诊所', ['诊所服务', '医疗服务']],
  ['门诊', ['医疗服务', '健康咨询服务（不含诊疗服务）']],
  ['医院', ['医疗服务', '养老服务']],
  ['养老', ['养老服务', '护理机构服务（不含医疗服务）']],
  ['影视', ['广播电视节目制作经营', '电影摄制服务']],
  ['传媒', ['广播电视节目制作经营', '组织文化艺术交流活动']],
  ['体育', ['体育竞赛组织', '体育用品及器材零售']],
  ['健身', ['健身休闲活动', '体育用品及器材零售']],
  ['棋牌', ['棋牌室服务', '食品销售（仅销售预包装食品）']],
  ['台球', ['台球活动', '食品销售（仅销售预包装食品）']],
  ['摄影', ['摄影扩印服务', '婚庆礼仪服务']],
  ['茶业', ['茶叶种植', '茶叶制品生产', '茶叶制品销售']],
  ['水产', ['水产养殖', '水产品批发']],
  ['花卉', ['花卉种植', '林木育苗', '园艺产品销售']],
  ['牧业', ['牲畜饲养', '饲料原料销售']],
  ['林业', ['林木育苗', '林业产品销售']],
  ['果蔬', ['蔬菜种植', '水果种植', '食用农产品批发']],
  ['家庭农场', ['谷物种植', '蔬菜种植', '家禽饲养']],
  ['养殖', ['牲畜饲养', '家禽饲养', '水产养殖']],
  ['种植', ['蔬菜种植', '水果种植', '谷物种植']],
  ['农业', ['农业机械服务', '农业科学研究和试验发展', '初级农产品收购']],
  ['能源', ['新兴能源技术研发', '合同能源管理']],
  ['电力', ['发电业务、输电业务、供（配）电业务', '电力设施器材销售']],
];

/** NAME_ITEMS by the first character of the word, with the word's rank (a million names are scanned). */
const BY_FIRST_CHAR = new Map<string, { word: string; rank: number }[]>();
NAME_ITEMS.forEach(([word], rank) => {
  const list = BY_FIRST_CHAR.get(word[0]!) ?? [];
  list.push({ word, rank });
  BY_FIRST_CHAR.set(word[0]!, list);
});

const PLACE_PREFIXES = new Map<County, readonly string[]>();

/** The name without its place (路桥区王记饭店 sells no 路桥 works). */
function tradePart(name: string, county: County): string {
  let prefixes = PLACE_PREFIXES.get(county);
  if (prefixes === undefined) {
    const c = county;
    prefixes = [c.full, c.city.name + c.name, c.name, c.city.short + c.short, c.city.name, c.city.short, '浙江'];
    PLACE_PREFIXES.set(county, prefixes);
  }
  for (const prefix of prefixes) if (name.startsWith(prefix)) return name.slice(prefix.length);
  return name;
}

/**
 * The NAME_ITEMS entry of the word that ends last in the name, the first among those ending there:
 * the trade word follows the trade name (a 字号 like 航运 or 美发 must not decide), and 针织 beats 织.
 */
function nameItemRank(name: string): number | null {
  let best = NAME_ITEMS.length;
  let bestEnd = -1;
  for (let i = 0; i < name.length; i++) {
    const candidates = BY_FIRST_CHAR.get(name[i]!);
    if (candidates === undefined) continue;
    for (const { word, rank } of candidates) {
      const end = i + word.length;
      if ((end > bestEnd || (end === bestEnd && rank < best)) && name.startsWith(word, i)) {
        best = rank;
        bestEnd = end;
      }
    }
  }
  return best < NAME_ITEMS.length ? best : null;
}

/** What every 农民专业合作社 registers (农民专业合作社法 第三条), after what it produces. */
const COOPERATIVE_ITEMS = [
  '组织采购、供应成员所需的农业生产资料',
  '组织收购、销售成员及同类生产经营者的产品',
  '开展成员所需的运输、贮藏、加工、包装等服务',
  '引进新技术、新品种，开展技术培训、技术交流和信息咨询服务',
];

const COOPERATIVE_PRODUCT =
  /(茶叶|果蔬|蔬菜|水果|杨梅|柑橘|葡萄|水蜜桃|蓝莓|草莓|食用菌|竹笋|中药材|花卉苗木|粮油|水稻|香榧|山核桃|生猪|家禽|水产|甲鱼|湖羊|蜜蜂|黄牛|鱼|农机|植保|粮食生产)(种植|养殖)?专业合作社$/;

/** What a cooperative named 桐庐县绿源茶叶专业合作社 produces: 茶叶种植、销售. */
function cooperativeProduct(name: string): string {
  const match = COOPERATIVE_PRODUCT.exec(name);
  const what = match?.[1];
  if (what === undefined) return '农产品的生产、销售、加工、运输、贮藏及其他相关服务';
  if (what === '农机') return '农业机械服务';
  if (what === '植保') return '农作物病虫害防治服务';
  if (what === '粮食生产' || what === '粮油' || what === '水稻') return '谷物种植；油料种植';
  if (match?.[2] === '养殖' || /生猪|家禽|水产|甲鱼|湖羊|蜜蜂|黄牛|鱼/.test(what)) return `${what}养殖、销售`;
  return `${what}种植、销售`;
}

const NOT_FOR_SHOPS = /管理|进出口|开发|工程|批发|住宿|会议/;
const MAKING_SECTIONS = new Set(['A', 'B', 'C', 'D']);
const MAKING = /制造|生产|加工$/;
/** Prepared once: the section items a shop may have, and the name items of those that make nothing. */
const SHOP_ITEMS: Record<string, readonly string[]> = Object.fromEntries(
  Object.entries(SECTION_ITEMS).map(([section, items]) => [section, items.filter((i) => !NOT_FOR_SHOPS.test(i))]),
);
const SELLING_ITEMS: readonly (readonly string[])[] = NAME_ITEMS.map(([, items]) =>
  items.filter((i) => !MAKING.test(i)),
);

/**
 * 经营范围: the name's own items first, then the section's, 2–6 items for enterprises (2–3 for shops),
 * joined with ；as the register writes them.
 */
export function businessScope(rng: Rng, kind: string, name: string, industry: string | null, county: County): string {
  if (kind === 'FARMERS_COOPERATIVE') {
    const items = [cooperativeProduct(name), ...COOPERATIVE_ITEMS.slice(0, rng.range(2, 4))];
    return items.join('；');
  }
  const items: string[] = [];
  // A shop or a trading company named after goods sells them: it does not make them.
  const rank = nameItemRank(tradePart(name, county));
  if (rank !== null) {
    const own = MAKING_SECTIONS.has(industry ?? '') ? NAME_ITEMS[rank]![1] : SELLING_ITEMS[rank]!;
    for (let i = 0; i < own.length && i < 3; i++) items.push(own[i]!);
  }
  // A shop registers what it does and little else; a company adds the section's usual items.
  const shop = kind === 'INDIVIDUAL_BUSINESS';
  const wanted = shop ? Math.max(2, Math.min(3, items.length)) : rng.range(Math.max(2, items.length), 6);
  const pool = (shop ? SHOP_ITEMS : SECTION_ITEMS)[industry ?? ''] ?? (shop ? SHOP_ITEMS : SECTION_ITEMS).F!;
  const rest = items.length === 0 ? pool.slice() : pool.filter((item) => !items.includes(item));
  while (items.length < wanted && rest.length > 0) items.push(rest.splice(rng.int(rest.length), 1)[0]!);
  if (items.length > wanted) items.length = Math.max(2, wanted);
  return items.join('；');
}
