import { lastFour } from '@/lib/flinks/redact';

/**
 * What identifies the account holder never reaches the store or the screen in clear: this masks a
 * Flinks body (any shape; keys matched case-insensitively, like redact()) into the view that is
 * stored in steps.response and sent to the browser. The unmasked body is only kept sealed.
 *
 * Rules, chosen to keep tables useful while giving nothing to copy:
 * - Holder.Name and any other text of a Holder: each word → first character + "•••" ("J••• D•••");
 * - Email → first character of the local part, then the top-level domain ("j•••@•••.io");
 * - PhoneNumber → the last 2 digits ("••••••77");
 * - Address: CivicAddress and POBox word-masked, PostalCode → its first 3 characters (the area),
 *   City, Province and Country kept (they place the customer, they do not identify them);
 * - AccountNumber and TransitNumber (anywhere, e.g. StatementsByAccount) → "••••" + last 4;
 * - transaction Description → word-masked (merchant names and e-Transfer names are personal).
 * Balances, amounts, dates, titles and ids are not personal and stay as they are.
 */

const BULLETS = '•••';

export function maskWords(value: string): string {
  // Bullets count as part of a word so that an already masked "J•••" stays "J•••".
  return value.replace(/[\p{L}\p{N}][\p{L}\p{N}•]*/gu, (w) => `${[...w][0]}${BULLETS}`);
}

export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return maskWords(value);
  const tld = value.slice(at + 1).split('.').at(-1);
  return `${[...value][0]}${BULLETS}@${BULLETS}${tld && tld !== value.slice(at + 1) ? `.${tld}` : ''}`;
}

export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  // >= 2, not > 2: masking a masked value must give it back unchanged (steps are re-masked on read).
  return digits.length >= 2 ? `••••••${digits.slice(-2)}` : '••••••';
}

export function maskPostalCode(value: string): string {
  const area = value.replace(/[^0-9A-Za-z]/g, '').slice(0, 3);
  return area.length === 3 ? `${area} ${BULLETS}` : BULLETS;
}

/** "••••" + the last four characters: the same form redact() gives account numbers. */
export function maskAccountNumber(value: string): string {
  return lastFour(value.replace(/[\s-]/g, ''));
}

type Rule = (value: string) => string;

const EVERYWHERE: Record<string, Rule> = {
  accountnumber: maskAccountNumber,
  transitnumber: maskAccountNumber,
  email: maskEmail,
  phonenumber: maskPhone,
  description: maskWords,
};

const IN_HOLDER: Record<string, Rule | 'keep'> = {
  name: maskWords,
  email: maskEmail,
  phonenumber: maskPhone,
  civicaddress: maskWords,
  pobox: maskWords,
  postalcode: maskPostalCode,
  city: 'keep',
  province: 'keep',
  country: 'keep',
};

/** Inside a Holder every string is masked: an unknown field (a date of birth…) is personal too. */
function maskHolder(value: unknown): unknown {
  if (typeof value === 'string') return maskWords(value);
  if (Array.isArray(value)) return value.map(maskHolder);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => {
      const rule = IN_HOLDER[key.toLowerCase()];
      if (rule === 'keep') return [key, v];
      if (rule && typeof v === 'string') return [key, rule(v)];
      return [key, maskHolder(v)];
    }),
  );
}

/** Deep copy of a JSON-like value with personal data masked; idempotent (a masked value stays as is). */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const lower = key.toLowerCase();
    const rule = EVERYWHERE[lower];
    if (lower === 'holder' || lower === 'holders') out[key] = maskHolder(v);
    else if (rule && typeof v === 'string') out[key] = rule(v);
    else out[key] = maskPersonalData(v);
  }
  return out;
}
