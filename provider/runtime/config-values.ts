/**
 * The checks a configured value passes before any request (config.ts runs them in resolution, so a bad value
 * fails once, naming where it was set): the base URL, and the account and app ids, which follow the very
 * rule of the resource arguments of the same name (their description in inputs/common.ts).
 *
 * The base URL carries the API token on every request, so it must be https; plain http is allowed only to a
 * loopback host (the emulator). A query, fragment or user info would change where requests go or how they
 * are authenticated (a `#` cuts every path off; user info replaces the Bearer header), so none is allowed.
 */
import type { TString } from "@sinclair/typebox";
import { accountId, appId } from "./inputs/common";

/** Either the normalised value or what is wrong with it (never the value itself: it may hold a secret). */
export type ValueCheck = { ok: true; value: string } | { ok: false; expected: string };

const BASE_URL_EXPECTED =
  "an absolute https URL such as https://api.cloudflare.com/client/v4 (http only for a loopback host such as " +
  "http://127.0.0.1:8787/client/v4), without query, fragment or user info";

/** Hosts plain http may reach: the machine itself, where the emulator runs. */
function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    host === "[::1]" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)
  );
}

/** Checks a base URL and returns it without trailing slashes. */
export function checkBaseUrl(raw: string): ValueCheck {
  const fail = (problem: string): ValueCheck => ({ ok: false, expected: `${BASE_URL_EXPECTED}; ${problem}` });
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail("this one is not a URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return fail(`this one is a ${url.protocol} URL`);
  if (url.protocol === "http:" && !isLoopback(url.hostname)) {
    return fail("plain http would send the API token in cleartext to a host other than this machine");
  }
  if (url.username !== "" || url.password !== "") return fail("this one has user info");
  // Checked on the text too: `URL` drops an empty `?` or `#`.
  if (url.search !== "" || raw.includes("?")) return fail("this one has a query");
  if (url.hash !== "" || raw.includes("#")) return fail("this one has a fragment");
  return { ok: true, value: `${url.origin}${url.pathname.replace(/\/+$/, "")}` };
}

/** Checks a value against a string description's length and pattern, and words the failure its way. */
function checkLikeArgument(schema: TString, raw: string): ValueCheck {
  const { minLength = 0, maxLength = Infinity, pattern } = schema;
  const expected = String(schema["x-expected"]);
  if (raw.length < minLength || raw.length > maxLength) {
    return { ok: false, expected: `${expected}, at most ${maxLength} characters` };
  }
  if (pattern !== undefined && !new RegExp(pattern, "u").test(raw)) return { ok: false, expected };
  return { ok: true, value: raw };
}

const ACCOUNT_ID = accountId("");
const APP_ID = appId("");

/** The account id from config or the environment, checked like the resource argument `accountId`. */
export const checkAccountId = (raw: string): ValueCheck => checkLikeArgument(ACCOUNT_ID, raw);
/** The app id from config or the environment, checked like the resource argument `appId`. */
export const checkAppId = (raw: string): ValueCheck => checkLikeArgument(APP_ID, raw);
