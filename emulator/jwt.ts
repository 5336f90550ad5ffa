/**
 * Participant join tokens: HS256 JWTs signed with a per-emulator secret, so clients can read `exp` the way
 * they would read it from a real RealtimeKit token, and every token is different (random `jti`).
 */
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";

/** The claims the emulator puts into a participant token. */
export interface ParticipantTokenClaims {
  /** The participant id. */
  sub: string;
  participantId: string;
  meetingId: string;
  /** The app id (RealtimeKit apps are the former Dyte organizations). */
  orgId: string;
  presetId: string;
  iat: number;
  exp: number;
  jti: string;
}

/** What a token is minted for. */
export interface TokenSubject {
  participantId: string;
  meetingId: string;
  appId: string;
  presetId: string;
}

function base64url(input: string | Buffer): string {
  return Buffer.from(input).toString("base64url");
}

/** Signs a new token for `subject`, valid for `ttlSeconds` from its `iat`: now, or `issuedSecondsAgo` earlier. */
export function signParticipantToken(
  subject: TokenSubject,
  ttlSeconds: number,
  secret: string,
  issuedSecondsAgo = 0,
): string {
  const iat = Math.floor(Date.now() / 1000) - issuedSecondsAgo;
  const claims: ParticipantTokenClaims = {
    sub: subject.participantId,
    participantId: subject.participantId,
    meetingId: subject.meetingId,
    orgId: subject.appId,
    presetId: subject.presetId,
    iat,
    exp: iat + ttlSeconds,
    jti: randomUUID(),
  };
  const header = base64url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64url(JSON.stringify(claims));
  const signature = createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url");
  return `${header}.${payload}.${signature}`;
}

/** Returns the claims of a token signed with `secret`, or null when the signature does not verify. */
export function verifyParticipantToken(token: string, secret: string): ParticipantTokenClaims | null {
  const [header, payload, signature] = token.split(".");
  if (!header || !payload || !signature) return null;
  const expected = Buffer.from(
    createHmac("sha256", secret).update(`${header}.${payload}`).digest("base64url"),
  );
  const actual = Buffer.from(signature);
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as ParticipantTokenClaims;
}
