/**
 * The one cleaning step for text that comes from the network. Anything an answer carries that can reach a
 * message, a log line or an error property (the API's error `code` and `message`, the `cf-ray` and
 * `Retry-After` headers, an HTML error page) goes through {@link fromNetwork} before it is used: a server,
 * a proxy or a misbehaving gateway can echo the request's Authorization header or a join token anywhere.
 */

/** Network text longer than this is cut: an HTML error page says nothing useful past its start. */
export const MAX_NETWORK_TEXT = 300;

/**
 * The shape of a JWT (participant tokens included): base64url JSON (`eyJ` is `{"`) and at least one more
 * dot-separated segment, so a token cut short by the server still matches.
 */
const JWT_PATTERN = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]*)?/g;

/** Replaces every secret and every JWT in `text` with `[redacted]`. */
export function redact(text: string, secrets: readonly string[]): string {
  let clean = text.replace(JWT_PATTERN, "[redacted]");
  for (const secret of secrets) {
    if (secret.length > 0) clean = clean.split(secret).join("[redacted]");
  }
  return clean;
}

/**
 * Whether a secret or a JWT runs across the point where `first` and `second` meet: each piece alone is
 * clean, yet a message that puts them side by side (an error's code, then its message) would show the
 * token's pieces. The caller then withholds both pieces.
 */
export function spansJoin(first: string, second: string, secrets: readonly string[]): boolean {
  const joined = first + second;
  const boundary = first.length;
  const across = (start: number, length: number): boolean => start < boundary && start + length > boundary;
  for (const match of joined.matchAll(JWT_PATTERN)) if (across(match.index, match[0].length)) return true;
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (let at = joined.indexOf(secret); at !== -1; at = joined.indexOf(secret, at + 1)) {
      if (across(at, secret.length)) return true;
    }
  }
  return false;
}

/**
 * Makes a string from the network safe to use: redacts `secrets` (the API token) and every JWT, then cuts
 * it to {@link MAX_NETWORK_TEXT} characters. Redaction comes first: a cut through a secret would leave a
 * prefix that no pattern matches any more.
 */
export function fromNetwork(text: string, secrets: readonly string[]): string {
  const clean = redact(text, secrets);
  // The ellipsis counts towards the limit, so cleaning a cleaned string changes nothing.
  return clean.length > MAX_NETWORK_TEXT ? `${clean.slice(0, MAX_NETWORK_TEXT - 1)}…` : clean;
}
