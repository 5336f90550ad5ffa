import { ConflictError, NotFoundError, ValidationError } from "../../sdk/errors";
import { WEBHOOK_EVENTS, type WebhookInput } from "../../sdk/webhook-types";
import { caught, clientFor, scriptedTarget, startScriptedServer, useRecordingEmulator } from "./support";

const { emu, seen, forgetSeen } = useRecordingEmulator();

const input: WebhookInput = {
  name: "backend",
  url: "https://hooks.example.com/rtk",
  events: ["meeting.started", "meeting.participantJoined"],
};

describe("client.webhooks", () => {
  test("create answers the webhook in camelCase, enabled by default; get returns the same", async () => {
    const client = clientFor(emu);
    const created = await client.webhooks.create(input);

    expect(created).toEqual({
      ...input,
      id: expect.any(String),
      enabled: true,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(await client.webhooks.get(created.id)).toEqual(created);
  });

  test("list returns every webhook; an app with none answers 404, which list turns into []", async () => {
    const client = clientFor(emu);

    const none = await client.webhooks.list();
    const noneRequests = seen();
    const created = await client.webhooks.create(input);
    forgetSeen();
    const some = await client.webhooks.list();

    expect(none).toEqual([]);
    expect(noneRequests).toEqual(["GET /webhooks -> 404", "GET /presets -> 200"]);
    expect(some).toEqual([created]);
    expect(seen()).toEqual(["GET /webhooks -> 200"]);
  });

  test("list answers [] without a second request when the API answers an empty list", async () => {
    emu.control.setSettings({ emptyWebhookList: "empty" });

    expect(await clientFor(emu).webhooks.list()).toEqual([]);
    expect(seen()).toEqual(["GET /webhooks -> 200"]);
  });

  test("list of an unknown app still throws the NotFoundError", async () => {
    const client = clientFor({ ...emu, appId: "00000000-0000-4000-8000-000000000000" });

    const error = await caught(client.webhooks.list());

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.message).toContain("GET /webhooks failed: 404");
  });

  test("update PATCHes the given fields; replace PUTs and reads again after the partial answer", async () => {
    const client = clientFor(emu);
    const created = await client.webhooks.create(input);
    forgetSeen();

    const disabled = await client.webhooks.update(created.id, { enabled: false });
    const replaced = await client.webhooks.replace(created.id, {
      ...input,
      events: ["meeting.ended"],
      enabled: true,
    });

    expect(disabled).toMatchObject({ id: created.id, enabled: false, events: input.events });
    expect(replaced).toMatchObject({ id: created.id, enabled: true, events: ["meeting.ended"] });
    expect(seen()).toEqual([
      `PATCH /webhooks/${created.id} -> 200`,
      `PUT /webhooks/${created.id} -> 200`,
      `GET /webhooks/${created.id} -> 200`,
    ]);
  });

  test("replace takes a whole PUT answer as it is", async () => {
    emu.control.setSettings({ webhookPutAnswer: "whole" });
    const client = clientFor(emu);
    const created = await client.webhooks.create(input);
    forgetSeen();

    await client.webhooks.replace(created.id, { ...input, name: "renamed" });

    expect(seen()).toEqual([`PUT /webhooks/${created.id} -> 200`]);
  });

  test("delete answers the webhook; a second delete is a NotFoundError", async () => {
    const client = clientFor(emu);
    const created = await client.webhooks.create(input);

    expect(await client.webhooks.delete(created.id)).toEqual(created);
    expect(await caught(client.webhooks.delete(created.id))).toBeInstanceOf(NotFoundError);
  });

  test("a name already used is a ConflictError; an unknown event a ValidationError", async () => {
    const client = clientFor(emu);
    await client.webhooks.create(input);

    const conflict = await caught(client.webhooks.create(input));
    const invalid = await caught(
      client.webhooks.create({ ...input, name: "x", events: ["meeting.exploded" as never] }),
    );

    expect(conflict).toBeInstanceOf(ConflictError);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect(invalid.message).toContain('"events[0]" must be one of');
  });

  test("bodies go out in wire form", async () => {
    const server = await startScriptedServer(() => ({ status: 500 }));
    try {
      const client = clientFor(scriptedTarget(server), { retry: false });
      await caught(client.webhooks.update("w1", { enabled: false, url: "https://h.example.com" }));

      expect(server.requests.map((r) => [r.method, r.url, JSON.parse(r.body)])).toEqual([
        [
          "PATCH",
          "/client/v4/accounts/acc/realtime/kit/app/webhooks/w1",
          { enabled: false, url: "https://h.example.com" },
        ],
      ]);
    } finally {
      await server.close();
    }
  });

  test("the nine events are exported as data", () => {
    expect(WEBHOOK_EVENTS).toHaveLength(9);
    expect(WEBHOOK_EVENTS).toContain("meeting.participantLeft");
  });
});
