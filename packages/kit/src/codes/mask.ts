/**
 * Masking for anything shown to the public. Published credit lists must expose the least personal
 * information needed to identify a record (个人信息保护法), so these err towards hiding more.
 */

/**
 * 张三 → 张*, 张小三 → 张*三, 欧阳小明 → 欧**明, 买买提·艾力 → 买****力.
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

const ID_KEEP_HEAD = 10;
const ID_KEEP_TAIL = 4;

/**
 * 342301196401013224 → 3423011964****3224: region and birth year/month stay visible, as on
 * published lists. Anything that is not 18 characters long is masked completely, because we
 * cannot tell which of its parts would be safe to show.
 */
export function maskIdNumber(id: string): string {
  const chars = Array.from(id.trim().toUpperCase());
  if (chars.length !== 18) return '*'.repeat(chars.length);
  return (
    chars.slice(0, ID_KEEP_HEAD).join('') +
    '*'.repeat(chars.length - ID_KEEP_HEAD - ID_KEEP_TAIL) +
    chars.slice(-ID_KEEP_TAIL).join('')
  );
}
