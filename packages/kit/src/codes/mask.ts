/**
 * Masking for anything shown to the public. Published credit lists must expose the least personal
 * information needed to identify a record (个人信息保护法), so these err towards hiding more.
 */

/**
 * NAME — 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明, 买买提·艾力 → 买****力. The lists the hub serves publish
 * names (法释〔2017〕7号 第六条 names the debtor; 54号令 the responsible person); the public site masks them anyway,
 * as the minimum necessary of 个人信息保护法 第六条, and full names go to government users with a stated purpose
 * (each list's rule: docs/rules/codes.md).
 * The middle dot of ethnic names is masked too: keeping it would reveal the given-name/surname
 * split and make short transliterated names easier to re-identify.
 * Code points, not UTF-16 units, so rare characters outside the BMP (e.g. 𠮷) count as one.
 */
export function maskPersonName(name: string): string {
  const chars = Array.from(name.trim());
  const n = chars.length;
  if (n === 0) return '';
  // A one-character value is either a data error or a name we cannot partly reveal; show nothing.
  if (n === 1) return '*';
  if (n === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(n - 2)}${chars[n - 1]}`;
}

/**
 * ID_NUMBER — 342301196401013224 → 3423011964****3224: the region (positions 1–6), the birth **year** (7–10) and the
 * last four characters stay visible; the birth month and day (11–14) are hidden. This is how 中国执行信息公开网
 * shows a 失信被执行人's 身份证号码, which 法释〔2017〕7号 第六条 requires to be published (to tell namesakes apart);
 * the hub uses the same form for every other public ID number (to verify per list, docs/rules/codes.md). A 15-digit
 * first-generation number keeps region, two-digit year and its last three digits (110105491231002 →
 * 11010549****002). Anything else (other documents) is hidden completely: we cannot tell which part is safe.
 */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id.trim().toUpperCase());
  if (chars.length === 18) return hide(chars, 10, 14);
  if (chars.length === 15) return hide(chars, 8, 12);
  return '*'.repeat(chars.length);
}

/**
 * ID_NUMBER_BIRTH_DATE_HIDDEN — 342301196401013224 → 342301********3224: the whole birth date (year, month and day,
 * positions 7–14) hidden. 国家税务总局令第54号 publishes the responsible persons of a 重大税收违法失信主体 with their
 * 身份证件号码 "隐去出生年、月、日号码段". 15 digits: 110105491231002 → 110105******002. Other documents: hidden.
 */
export function maskIdNumberBirthDate(id: string): string {
  const chars = Array.from(id.trim().toUpperCase());
  if (chars.length === 18) return hide(chars, 6, 14);
  if (chars.length === 15) return hide(chars, 6, 12);
  return '*'.repeat(chars.length);
}

/** The characters with positions [from, to) replaced by *. */
function hide(chars: string[], from: number, to: number): string {
  return chars.map((c, i) => (i >= from && i < to ? '*' : c)).join('');
}
