/** The adapter's pure parts: secret envelopes, import ids, config from a ConfigureRequest, URN types. */
import { isImportRead, parseMeetingImportId, parseParticipantImportId } from "../../plugin/import-ids";
import { realtimekitProvider, typeOfUrn } from "../../plugin/provider";
import { participantClaims } from "../../provider/runtime/participant/claims";
import { SECRET_SIG, SPECIAL_SIG_KEY, unwrapBag, unwrapDeep, wrapBag } from "../../plugin/secrets";
import { configFromRequest } from "../../plugin/server";
import { resourceDescriptions } from "../../provider/runtime";
import { secretOutputs } from "../../provider/runtime/inputs";

const secret = (value: unknown) => ({ [SPECIAL_SIG_KEY]: SECRET_SIG, value });

describe("secret envelopes", () => {
  test("unwrapping removes envelopes at any depth and remembers the top-level keys that held one", () => {
    const { plain, secretKeys } = unwrapBag({
      name: secret("Alice"),
      recordingConfig: { storageConfig: { secret: secret("s3cr3t") } },
      title: "plain",
    });
    expect(plain).toEqual({
      name: "Alice",
      recordingConfig: { storageConfig: { secret: "s3cr3t" } },
      title: "plain",
    });
    expect([...secretKeys].sort()).toEqual(["name", "recordingConfig"]);
    expect(unwrapDeep([secret(secret(1))])).toEqual([1]);
  });

  test("wrapping marks the named keys and always the token (a secret output by its description); absent values stay absent, envelopes are not doubled", () => {
    const secretOutputsOfParticipant = secretOutputs(resourceDescriptions.participant);
    expect(secretOutputsOfParticipant).toEqual(["token"]);
    expect(
      wrapBag({ name: "Alice", token: "jwt", title: "t", picture: undefined }, [
        "name",
        "picture",
        ...secretOutputsOfParticipant,
      ]),
    ).toEqual({
      name: secret("Alice"),
      token: secret("jwt"),
      title: "t",
      picture: undefined,
    });
    expect(wrapBag({ token: secret("jwt") }, [])).toEqual({ token: secret("jwt") });
    expect(wrapBag(undefined, ["token"])).toBeUndefined();
  });
});

describe("import ids", () => {
  const MEETING = "6c2a7b1e-1f0e-4a55-9a53-2f3c8e1d9b40";
  test("a participant id is <meetingId>/<participantId>; other shapes name the id and the expected form", () => {
    expect(parseParticipantImportId(`${MEETING}/p-1`)).toEqual({ meetingId: MEETING, participantId: "p-1" });
    for (const bad of ["p-1", "m/", "/p", "a/b/c", ""]) {
      expect(() => parseParticipantImportId(bad)).toThrow(
        `Cannot import Participant "${bad}": the import id must be <meetingId>/<participantId>`,
      );
    }
  });

  test("a meeting id is the meeting's id, a UUID", () => {
    expect(parseMeetingImportId(` ${MEETING} `)).toBe(MEETING);
    expect(() => parseMeetingImportId(`${MEETING}/p-1`)).toThrow(
      `Cannot import Meeting "${MEETING}/p-1": the import id must be the meeting's id (a UUID`,
    );
    expect(() => parseMeetingImportId("m\n1")).toThrow('Cannot import Meeting "m\\n1"');
  });

  test("a read without recorded state is an import", () => {
    expect(isImportRead(undefined)).toBe(true);
    expect(isImportRead({})).toBe(true);
    expect(isImportRead({ meetingId: "m" })).toBe(false);
  });
});

test("config comes from the request's variables (either key form) and its args, variables first", () => {
  const config = configFromRequest(
    new Map([
      ["realtimekit:config:apiToken", "from-variables"],
      ["realtimekit:appId", "app"],
    ]),
    { apiToken: secret("from-args"), accountId: secret("acct"), baseUrl: "http://localhost/client/v4" },
  );
  expect(config.get("realtimekit:apiToken")).toBe("from-variables");
  expect(config.get("realtimekit:appId")).toBe("app");
  expect(config.get("realtimekit:accountId")).toBe("acct");
  expect(config.get("realtimekit:baseUrl")).toBe("http://localhost/client/v4");
  expect(config.get("cloudflare:apiToken")).toBeUndefined();
  expect(() => config.require("realtimekit:other")).toThrow("realtimekit:other");
});

test("the resource type of a URN, parent types stripped", () => {
  expect(
    typeOfUrn("urn:pulumi:dev::p::realtimekit:index:Roster$realtimekit:index:Participant::team/u-1"),
  ).toBe("realtimekit:index:Participant");
  expect(typeOfUrn("urn:pulumi:dev::p::realtimekit:index:Meeting::m")).toBe("realtimekit:index:Meeting");
});

describe("participant claims", () => {
  test("check names each Participant by its request URN, so a second claimant of one id fails naming both", async () => {
    participantClaims.clear();
    const provider = realtimekitProvider({ version: "0.0.0", schema: () => "{}" });
    const urn = (name: string) => `urn:pulumi:dev::app::realtimekit:index:Participant::${name}`;
    const declared = {
      meetingId: "4f9c6a1e-8d2b-4c3a-9e7f-1a2b3c4d5e6f",
      customParticipantId: "host-1",
      presetName: "group_call_host",
    };
    const first = await provider.check!(urn("host"), {}, declared);
    expect(first.failures).toEqual([]);
    expect(first.inputs).toEqual(declared);
    const second = await provider.check!(urn("cohost"), {}, declared);
    expect(second.failures).toEqual([
      {
        property: "",
        reason: expect.stringContaining(
          `already declared by "${urn("host")}"; "${urn("cohost")}" declares it too`,
        ),
      },
    ]);
    participantClaims.clear();
  });
});
