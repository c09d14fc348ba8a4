// ids.mjs - valid Chinese identifiers for the HTTP tests, computed, never
// hand-written: GB 32100 unified social credit codes, GB 11643 citizen ID
// numbers and Luhn bank-card numbers. Also fill(), which turns a fixture
// template ({{uscc:E1}}, {{id:W1}}, {{card:W1}}) into a CSV.

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 32100 check character of the first 17 characters. */
export function usccCheck(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  return USCC_ALPHABET[(31 - (sum % 31)) % 31];
}

/** A valid USCC for a small integer n: 91 (enterprise), Binhai 120116, org code. */
export function uscc(n) {
  const first17 = '91120116' + String(100000000 + n * 7919).slice(-9);
  return first17 + usccCheck(first17);
}

/** GB 11643 (ISO 7064 MOD 11-2) check character. */
export function idCheck(first17) {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return '10X98765432'[sum % 11];
}

/** A valid 18-digit ID: region, birth date YYYYMMDD, sequence (odd = male). */
export function idNumber(region, birth, seq) {
  const first17 = region + birth + String(seq).padStart(3, '0');
  return first17 + idCheck(first17);
}

/** Luhn check digit for a digit string. */
export function luhnDigit(digits) {
  let sum = 0;
  let dbl = true;
  for (let i = digits.length - 1; i >= 0; i--, dbl = !dbl) {
    let v = Number(digits[i]);
    if (dbl) v = v * 2 > 9 ? v * 2 - 9 : v * 2;
    sum += v;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A valid 19-digit bank card for a small integer n. */
export function card(n) {
  const d = '622848' + String(100000000000 + n * 104729).slice(-12);
  return d + luhnDigit(d);
}

/** The identifiers the fixtures name: E1..E9 enterprises, W1..W9 workers. */
export function table() {
  const t = {};
  for (let i = 1; i <= 9; i++) {
    t[`uscc:E${i}`] = uscc(i);
    // Odd sequence = male, even = female; born 1980-1990.
    t[`id:W${i}`] = idNumber('120116', `19${80 + i}0${(i % 9) + 1}1${i}`, 100 + i);
    t[`card:W${i}`] = card(i);
  }
  return t;
}

/** Replaces every {{name}} of text with table()[name] (throws if unknown). */
export function fill(text, t = table()) {
  return text.replace(/\{\{([^}]+)\}\}/g, (_, k) => {
    if (!(k in t)) throw new Error(`fixture names unknown identifier ${k}`);
    return t[k];
  });
}
