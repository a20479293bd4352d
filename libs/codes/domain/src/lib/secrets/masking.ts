/**
 * An account number as logs and events may show it: the first three and last four characters of a
 * mobile number (138****5678), the last four of anything else.
 */
export function maskAccount(account: string): string {
  if (/^1\d{10}$/.test(account)) return `${account.slice(0, 3)}****${account.slice(-4)}`;
  if (account.length <= 4) return '*'.repeat(account.length);
  return `${'*'.repeat(Math.min(account.length - 4, 8))}${account.slice(-4)}`;
}
