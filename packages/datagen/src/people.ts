/**
 * Chinese personal names. Surnames follow their national frequency (per mille of the population,
 * rounded from the 2020 census rankings) so that a page of legal representatives looks like a real
 * register: many 王, 李, 张, the occasional 欧阳. Given names follow the fashions of the birth decade.
 */
import { Weighted, type Rng } from './random.ts';

export type Sex = 'MALE' | 'FEMALE';

const SURNAMES = new Weighted<string>(
  (
    [
      ['王', 71],
      ['李', 70],
      ['张', 66],
      ['刘', 54],
      ['陈', 46],
      ['杨', 31],
      ['黄', 25],
      ['赵', 23],
      ['吴', 21],
      ['周', 20],
      ['徐', 17],
      ['孙', 15],
      ['马', 15],
      ['朱', 13],
      ['胡', 13],
      ['郭', 12],
      ['何', 12],
      ['林', 11],
      ['高', 11],
      ['罗', 11],
      ['郑', 10],
      ['梁', 9],
      ['谢', 8],
      ['宋', 7],
      ['唐', 7],
      ['许', 7],
      ['韩', 7],
      ['冯', 7],
      ['邓', 7],
      ['曹', 6],
      ['彭', 6],
      ['曾', 6],
      ['肖', 6],
      ['田', 5],
      ['董', 5],
      ['袁', 5],
      ['潘', 5],
      ['于', 5],
      ['蒋', 5],
      ['蔡', 5],
      ['余', 5],
      ['杜', 5],
      ['叶', 4],
      ['程', 4],
      ['苏', 4],
      ['魏', 4],
      ['吕', 4],
      ['丁', 4],
      ['任', 4],
      ['沈', 4],
      ['姚', 4],
      ['卢', 4],
      ['姜', 3],
      ['崔', 3],
      ['钟', 3],
      ['谭', 3],
      ['陆', 3],
      ['汪', 3],
      ['范', 3],
      ['金', 3],
      ['石', 3],
      ['廖', 3],
      ['贾', 3],
      ['夏', 3],
      ['韦', 3],
      ['付', 3],
      ['方', 3],
      ['白', 3],
      ['邹', 3],
      ['孟', 3],
      ['熊', 3],
      ['秦', 3],
      ['邱', 3],
      ['江', 3],
      ['尹', 3],
      ['薛', 2],
      ['闫', 2],
      ['段', 2],
      ['雷', 2],
      ['侯', 2],
      ['龙', 2],
      ['史', 2],
      ['陶', 2],
      ['黎', 2],
      ['贺', 2],
      ['顾', 2],
      ['毛', 2],
      ['郝', 2],
      ['龚', 2],
      ['邵', 2],
      ['万', 2],
      ['钱', 2],
      ['严', 2],
      ['覃', 1.5],
      ['武', 1.5],
      ['戴', 1.5],
      ['莫', 1.5],
      ['孔', 1.5],
      ['向', 1.5],
      ['汤', 1.5],
      ['章', 1.2],
      ['俞', 0.8],
      ['应', 0.6],
      ['楼', 0.5],
      ['鲍', 0.5],
      ['屠', 0.3],
      ['欧阳', 0.5],
      ['司马', 0.1],
      ['诸葛', 0.1],
      ['上官', 0.1],
    ] as const
  ).map(([s, w]) => [s, w] as const),
);

export function surname(rng: Rng): string {
  return SURNAMES.pick(rng);
}

interface NameStyle {
  first: readonly string[];
  second: readonly string[];
}

const split = (s: string) => s.split('');

const SINGLE: Record<Sex, readonly string[]> = {
  MALE: split('伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆旭宁龙林阳峰海东晨亮成洪锋彬坤毅翔瑞铭博豪'),
  FEMALE: split('芳娜敏静丽艳娟霞秀英玲燕萍红洁琳婷雪慧颖琴梅莉兰倩欣悦佳怡晶薇璐瑶蓉菲'),
};

/** Two-character given names by era: 建国 and 秀英 in the fifties, 浩然 and 欣怡 in the nineties. */
const STYLES: Record<'old' | 'mid' | 'young', Record<Sex, NameStyle>> = {
  old: {
    MALE: { first: split('建国志永德金卫红春学振庆世忠'), second: split('国华平明强军林成生根福荣民忠发') },
    FEMALE: { first: split('秀桂玉美春金淑彩凤丽月'), second: split('英兰芳华珍梅萍红霞娥琴娣') },
  },
  mid: {
    MALE: { first: split('晓海文明伟立俊志建宏小国'), second: split('东峰辉勇杰涛斌鹏飞波刚锋军华') },
    FEMALE: { first: split('晓丽美雅海小春静红燕'), second: split('燕娟玲丽琴婷霞敏洁艳芳萍') },
  },
  young: {
    MALE: { first: split('子浩宇家嘉一梓俊天博睿思'), second: split('轩航然博豪晨阳涵睿哲远翔泽宸') },
    FEMALE: { first: split('欣佳思雨子梦诗婉紫可梓一'), second: split('怡彤涵萱琪雯颖悦妍媛琳然') },
  },
};

function era(birthYear: number): 'old' | 'mid' | 'young' {
  return birthYear < 1970 ? 'old' : birthYear < 1988 ? 'mid' : 'young';
}

export function givenName(rng: Rng, sex: Sex, birthYear: number): string {
  // Single-character given names were far more common for the older generations.
  const single = birthYear < 1970 ? 0.3 : birthYear < 1988 ? 0.22 : 0.1;
  if (rng.chance(single)) return rng.pick(SINGLE[sex]);
  const style = STYLES[era(birthYear)][sex];
  const a = rng.pick(style.first);
  let b = rng.pick(style.second);
  if (b === a) b = rng.pick(style.second);
  return a + b;
}

export function personName(rng: Rng, sex: Sex, birthYear: number): string {
  return surname(rng) + givenName(rng, sex, birthYear);
}

export interface Representative {
  name: string;
  surname: string;
  sex: Sex;
  birthYear: number;
}

/**
 * A (current) legal representative: mostly men, as in real registers (about three in four). Founders
 * of a business were adults when they set it up; heads of public bodies are serving officials, whatever
 * the age of the body itself.
 */
export function representative(rng: Rng, establishedYear: number, official = false): Representative {
  const sex: Sex = rng.chance(official ? 0.8 : 0.74) ? 'MALE' : 'FEMALE';
  let birthYear: number;
  if (official) {
    birthYear = rng.range(1965, 1985);
  } else {
    const latest = Math.min(2002, Math.max(establishedYear, 1975) - 20);
    birthYear = rng.range(Math.max(1950, latest - 35), latest);
  }
  const family = surname(rng);
  return { name: family + givenName(rng, sex, birthYear), surname: family, sex, birthYear };
}
