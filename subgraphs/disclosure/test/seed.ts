/** Test rows in the national format, valid unless a test breaks them on purpose. */
import { makeIdNumber, makeUscc } from '@credit-hub/kit/testing';
import { AUTHORITIES } from '../src/authorities/rules.ts';

export const MARKET_AUTHORITY = AUTHORITIES.find((a) => a.department === 'market')!;
export const TAX_AUTHORITY = AUTHORITIES.find((a) => a.department === 'tax')!;
export const subjectUscc = (body: string) => makeUscc('91', '330106', body);
export const PERSON_ID = makeIdNumber('330106', '19800101', '123');

export function penaltyRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    CF_XDR_MC: '杭州示例科技有限公司',
    CF_XDR_LB: '法人及非法人组织',
    CF_XDR_SHXYM: subjectUscc('MA2B3C4D'),
    CF_FRDB: '张三',
    CF_WSH: '杭市监罚〔2025〕1号',
    CF_WFXW: '销售不合格产品',
    CF_SY: '经查，当事人销售不合格产品。',
    CF_YJ: '《中华人民共和国产品质量法》第四十九条',
    CF_CFLB: '罚款',
    CF_NR: '罚款人民币2万元',
    CF_NR_FK: '2',
    CF_JDRQ: '2025-03-10',
    CF_YXQ: '2026-03-10',
    CF_CFJG: MARKET_AUTHORITY.name,
    CF_CFJGDM: MARKET_AUTHORITY.code,
    CF_SJLY: MARKET_AUTHORITY.name,
    CF_SJLYDM: MARKET_AUTHORITY.code,
    ...overrides,
  };
}

export function licenceRow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    XK_XDR_MC: '杭州示例科技有限公司',
    XK_XDR_LB: '法人及非法人组织',
    XK_XDR_SHXYM: subjectUscc('MA2B3C4D'),
    XK_XKWS: '食品经营许可决定书',
    XK_WSH: '杭市监许〔2025〕1号',
    XK_XKLB: '01',
    XK_XKZS: '食品经营许可证',
    XK_XKBH: 'JY13301060000001',
    XK_NR: '预包装食品销售',
    XK_JDRQ: '2025-03-10',
    XK_YXQZ: '2025-03-10',
    XK_YXQZI: '2030-03-09',
    XK_XKJG: MARKET_AUTHORITY.name,
    XK_XKJGDM: MARKET_AUTHORITY.code,
    XK_ZT: '1',
    XK_LYDW: MARKET_AUTHORITY.name,
    XK_LYDWDM: MARKET_AUTHORITY.code,
    ...overrides,
  };
}
