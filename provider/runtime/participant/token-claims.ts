/** The join token's claims: `exp` and `iat` read from the JWT (never verified: only the API needs to trust it). */
import { isRecord } from "../values";

/** Whether the token's `exp` is within `refreshBeforeExpiry` seconds of `now` (false when either is unknown). */
export function tokenExpiring(token: string, refreshBeforeExpiry: unknown, now: number): boolean {
  if (typeof refreshBeforeExpiry !== "number") return false;
  const expiresAt = tokenExpiry(token);
  return expiresAt !== undefined && expiresAt.getTime() - now <= refreshBeforeExpiry * 1000;
}

/** The JWT's `exp` claim as a Date, or undefined for a token without one (or not a JWT). */
export function tokenExpiry(token: string): Date | undefined {
  const { exp } = tokenClaims(token);
  return exp === undefined ? undefined : new Date(exp * 1000);
}

/** How long the token is valid from issue, in seconds (`exp - iat`); undefined when either claim is missing. */
export function tokenLifetime(token: string): number | undefined {
  const { exp, iat } = tokenClaims(token);
  return exp === undefined || iat === undefined ? undefined : exp - iat;
}

/** The largest time, in seconds either side of 1970, that a JavaScript Date holds (8.64e15 ms). */
const MAX_DATE_SECONDS = 8.64e12;

/**
 * The numeric `exp` and `iat` claims of a JWT (absent when the token is not a JWT or lacks them). A claim
 * outside the range of a Date counts as absent: it would make `tokenExpiresAt` throw after the add, before
 * the participant is recorded, and on every later run.
 */
function tokenClaims(token: string): { exp?: number; iat?: number } {
  const payload = token.split(".")[1];
  if (payload === undefined) return {};
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return {};
  }
  if (!isRecord(claims)) return {};
  const numeric = (value: unknown): number | undefined =>
    typeof value === "number" && Number.isFinite(value) && Math.abs(value) <= MAX_DATE_SECONDS
      ? value
      : undefined;
  return { exp: numeric(claims.exp), iat: numeric(claims.iat) };
}
