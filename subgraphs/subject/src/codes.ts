import { badInput } from '@credit-hub/kit';
import { isPersonKey, PERSON_KEY_PREFIX, validateUscc } from '@credit-hub/kit/codes';

/**
 * Validates a subject key given by a caller: a person key (NP…) or a USCC. Throws BAD_USER_INPUT with
 * the failed rule (LENGTH, ILLEGAL_CHARACTER, ORGANISATION_CODE_CHECK, CHECK_CHARACTER, ...).
 */
export function checkSubjectCode(raw: string, field = 'code'): string {
  const code = raw.trim().toUpperCase();
  if (code.startsWith(PERSON_KEY_PREFIX) && code.length !== 18) {
    if (isPersonKey(code)) return code;
    throw badInput(
      field,
      'PERSON_KEY_FORMAT',
      `\`${field}\`: a person key is NP followed by 20 hexadecimal characters, got ${JSON.stringify(raw)}`,
    );
  }
  const result = validateUscc(code);
  if (!result.valid)
    throw badInput(field, result.reason, `\`${field}\`: ${result.message}`, { position: result.position });
  return result.code;
}
