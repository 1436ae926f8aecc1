/**
 * The one form of a username the hub compares and counts by: Unicode NFKC (full-width letters,
 * no-break and ideographic spaces become their plain forms), surrounding white space trimmed,
 * lower case. Sign-in looks the account up by it and its rate limits count by it, so
 * `"Lead "`, `" lead"`, `"lead\t"` and `"lead\u00a0"` are one account and one bucket.
 */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').trim().toLowerCase();
}
