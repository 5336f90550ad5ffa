/**
 * Webhook endpoints on the wire: create, list, get, update (PATCH), replace (PUT), delete, validation, and
 * the settings for what the live API is reported to do (409 on a duplicate name, 404 for an empty list, a
 * partial PUT answer).
 */
import { callApi, useEmulator } from "../helpers/emulator";

const emu = useEmulator();

type Webhook = { id: string; name: string; url: string; events: string[]; enabled: boolean };

const BODY = { name: "backend", url: "https://hooks.example.com/rtk", events: ["meeting.started"] };

async function create(body: Record<string, unknown> = BODY): Promise<Webhook> {
  const result = await callApi(emu, "POST", "/webhooks", body);
  expect(result.status).toBe(201);
  return result.body.data as Webhook;
}

function errorMessage(result: { body: Record<string, unknown> }): string {
  return (result.body.error as { message: string }).message;
}

describe("webhooks", () => {
  test("create answers the webhook, enabled by default, with no secret; get and list show it", async () => {
    const created = await create();

    expect(created).toEqual({
      ...BODY,
      id: expect.any(String),
      enabled: true,
      created_at: expect.any(String),
      updated_at: expect.any(String),
    });
    expect((await callApi(emu, "GET", `/webhooks/${created.id}`)).body.data).toEqual(created);
    const list = await callApi(emu, "GET", "/webhooks");
    expect(list.body).toEqual({ success: true, data: [created] });
  });

  test("the list of an app with none answers 404, or [] with emptyWebhookList empty", async () => {
    const missing = await callApi(emu, "GET", "/webhooks");
    emu.control.setSettings({ emptyWebhookList: "empty" });
    const empty = await callApi(emu, "GET", "/webhooks");

    expect(missing.status).toBe(404);
    expect(empty.body).toEqual({ success: true, data: [] });
  });

  test.each([
    [{ ...BODY, events: ["meeting.exploded"] }, '"events[0]" must be one of [meeting.started,'],
    [{ ...BODY, events: [] }, '"events" must contain at least 1 items'],
    [{ ...BODY, url: "not a url" }, '"url" must be a valid uri'],
    [{ ...BODY, secret: "s" }, '"secret" is not allowed'],
    [{ name: "x", url: BODY.url }, '"events" is required'],
    [{ ...BODY, enabled: "yes" }, '"enabled" must be a boolean'],
  ])("create of %j answers 400 naming the field", async (body, message) => {
    const result = await callApi(emu, "POST", "/webhooks", body);

    expect(result.status).toBe(400);
    expect(errorMessage(result)).toContain(message);
  });

  test("a name already used answers 409, on create and on rename; duplicateNames allow lifts that", async () => {
    const first = await create();
    const other = await create({ ...BODY, name: "other" });

    const onCreate = await callApi(emu, "POST", "/webhooks", BODY);
    const onRename = await callApi(emu, "PATCH", `/webhooks/${other.id}`, { name: "backend" });
    const sameName = await callApi(emu, "PATCH", `/webhooks/${first.id}`, { name: "backend" });
    emu.control.setSettings({ duplicateNames: "allow" });
    const allowed = await callApi(emu, "POST", "/webhooks", BODY);

    expect([onCreate.status, errorMessage(onCreate)]).toEqual([
      409,
      "Webhook with name backend already exists",
    ]);
    expect(onRename.status).toBe(409);
    expect(sameName.status).toBe(200);
    expect(allowed.status).toBe(201);
  });

  test("PATCH changes only the given fields and answers the whole webhook", async () => {
    const created = await create();

    const result = await callApi(emu, "PATCH", `/webhooks/${created.id}`, { enabled: false });
    const badEvent = await callApi(emu, "PATCH", `/webhooks/${created.id}`, { events: ["nope"] });

    expect(result.body.data).toEqual({ ...created, enabled: false, updated_at: expect.any(String) });
    expect(badEvent.status).toBe(400);
  });

  test("PUT needs name, url and events, and answers only id, name and url unless webhookPutAnswer is whole", async () => {
    const created = await create();
    const events = ["meeting.ended", "meeting.started"];

    const partialBody = await callApi(emu, "PUT", `/webhooks/${created.id}`, { name: "renamed" });
    const partial = await callApi(emu, "PUT", `/webhooks/${created.id}`, {
      ...BODY,
      name: "renamed",
      events,
    });
    emu.control.setSettings({ webhookPutAnswer: "whole" });
    const whole = await callApi(emu, "PUT", `/webhooks/${created.id}`, { ...BODY, events, enabled: false });

    expect(partialBody.status).toBe(400);
    expect(partial.body.data).toEqual({ id: created.id, name: "renamed", url: BODY.url });
    expect((await callApi(emu, "GET", `/webhooks/${created.id}`)).body.data).toMatchObject({ events });
    expect(whole.body.data).toMatchObject({ id: created.id, name: "backend", events, enabled: false });
  });

  test("DELETE answers the webhook; then get is 404", async () => {
    const created = await create();

    const deleted = await callApi(emu, "DELETE", `/webhooks/${created.id}`);
    const gone = await callApi(emu, "GET", `/webhooks/${created.id}`);

    expect(deleted.body.data).toEqual(created);
    expect([gone.status, errorMessage(gone)]).toEqual([404, `No webhook found with id ${created.id}`]);
  });

  test("webhooks of another app are not reachable through this one", async () => {
    const created = await create();
    const apps = `/accounts/${emu.accountId}/realtime/kit/apps`;
    const appId = ((await callApi(emu, "POST", apps, { name: "other" })).body.data as { app: { id: string } })
      .app.id;

    const result = await callApi({ ...emu, appId }, "GET", `/webhooks/${created.id}`);

    expect(result.status).toBe(404);
  });

  test("a reset removes webhooks", async () => {
    await create();

    emu.control.reset();

    expect(emu.control.snapshot().webhooks).toEqual([]);
  });
});
