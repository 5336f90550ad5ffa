import { RealtimeKitClient } from "../../sdk/client";
import { useRecordingEmulator } from "./support";

const { emu, seen } = useRecordingEmulator();

/** A client that knows only the account, as when no app exists yet. */
function accountClient(): RealtimeKitClient {
  return new RealtimeKitClient({
    apiToken: emu.apiToken,
    accountId: emu.accountId,
    baseUrl: emu.baseUrl,
    rateLimit: false,
  });
}

describe("client.apps", () => {
  test("list reads the account-level apps endpoint", async () => {
    const page = await accountClient().apps.list();
    expect(seen()).toEqual([`GET /client/v4/accounts/${emu.accountId}/realtime/kit/apps -> 200`]);
    expect(page.items).toEqual([{ id: emu.appId, name: expect.any(String), createdAt: expect.any(String) }]);
    expect(page.paging.totalCount).toBe(1);
  });

  test("create POSTs a name and unwraps the app from data.app; listAll then finds it", async () => {
    const client = accountClient();
    const created = await client.apps.create({ name: "Staging" });
    expect(created).toEqual({ id: expect.any(String), name: "Staging", createdAt: expect.any(String) });
    expect(emu.control.snapshot().apps.map((a) => a.id)).toContain(created.id);
    const all = await client.apps.listAll({ perPage: 1, sortOrder: "DESC" });
    expect(all.map((a) => a.id)).toEqual([created.id, emu.appId]);
  });
});
