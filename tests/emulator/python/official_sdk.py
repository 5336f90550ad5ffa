"""Cloudflare's official Python SDK (PyPI `cloudflare`, pinned in requirements.txt), unchanged, pointed at
the emulator: its preset, webhook and app calls, in the order a user would make them.
tests/emulator/cloudflare-python-sdk.test.ts runs it and asserts on what it prints:

    python official_sdk.py   (settings from RTK_BASE_URL, RTK_ACCOUNT_ID, RTK_APP_ID, RTK_API_TOKEN)

It prints one JSON object: for each call, by name, either {"data": ...} (the response as the SDK parsed it,
back to JSON) or {"error": <the SDK's exception class>, "status": <HTTP status>, "message": ...}.
"""

import functools
import json
import os
import sys

import cloudflare
from cloudflare import Cloudflare

REQUIRED = ["RTK_BASE_URL", "RTK_ACCOUNT_ID", "RTK_APP_ID", "RTK_API_TOKEN"]


def call(report, label, function, /, *args, **kwargs):
    """Runs one SDK call, records its parsed answer or its error under `label`, returns the answer's data."""
    try:
        response = function(*args, **kwargs)
    except cloudflare.APIStatusError as error:
        report[label] = {
            "error": type(error).__name__,
            "status": error.status_code,
            "message": str(error),
        }
        return None
    data = response.to_dict(mode="json")
    report[label] = data
    return data.get("data")


def presets(client, report, account_id, app_id):
    kit = client.realtime_kit.presets
    ids = {"account_id": account_id, "app_id": app_id}
    rows = call(report, "presets.get", kit.get, app_id, account_id=account_id, search="group_call_host")
    host = call(report, "presets.get_preset_by_id", kit.get_preset_by_id, rows[0]["id"], **ids)
    sections = {key: host[key] for key in ("config", "permissions", "ui")}

    create = functools.partial(kit.create, app_id, account_id=account_id)
    created = call(report, "presets.create", create, name="python", **sections)
    preset_id = created["id"]
    call(report, "presets.update", kit.update, preset_id, **ids, permissions={"can_record": False})
    webinar = {**sections, "config": {**sections["config"], "view_type": "WEBINAR"}}
    replace = functools.partial(kit.replace_preset_by_id, preset_id, **ids)
    call(report, "presets.replace_preset_by_id", replace, name="python-2", **webinar)
    call(report, "presets.get.search", kit.get, app_id, account_id=account_id, search="python", per_page=5)
    call(report, "presets.delete", kit.delete, preset_id, **ids)
    call(report, "presets.get_preset_by_id.deleted", kit.get_preset_by_id, preset_id, **ids)
    call(report, "presets.create.duplicate", create, name="group_call_host", **sections)
    party = {**sections, "config": {**sections["config"], "view_type": "PARTY"}}
    call(report, "presets.create.invalid", create, name="party", **party)


def webhooks(client, report, account_id, app_id):
    kit = client.realtime_kit.webhooks
    ids = {"account_id": account_id, "app_id": app_id}
    url = "https://hooks.example.com/rtk"
    call(report, "webhooks.get_webhooks.none", kit.get_webhooks, app_id, account_id=account_id)
    created = call(
        report,
        "webhooks.create_webhook",
        kit.create_webhook,
        app_id,
        account_id=account_id,
        name="python",
        url=url,
        events=["meeting.started", "meeting.participantJoined"],
    )
    webhook_id = created["id"]
    call(report, "webhooks.edit_webhook", kit.edit_webhook, webhook_id, **ids, enabled=False)
    replace = functools.partial(kit.replace_webhook, webhook_id, **ids)
    call(report, "webhooks.replace_webhook", replace, name="python-2", url=url, events=["meeting.ended"])
    call(report, "webhooks.get_webhook_by_id", kit.get_webhook_by_id, webhook_id, **ids)
    call(report, "webhooks.get_webhooks", kit.get_webhooks, app_id, account_id=account_id)
    call(report, "webhooks.delete_webhook", kit.delete_webhook, webhook_id, **ids)
    create = functools.partial(kit.create_webhook, app_id, account_id=account_id)
    call(report, "webhooks.create_webhook.invalid", create, name="x", url=url, events=["meeting.exploded"])


def apps(client, report, account_id):
    kit = client.realtime_kit.apps
    call(report, "apps.post", kit.post, account_id=account_id, name="python app")
    call(report, "apps.get", kit.get, account_id=account_id, search="python")


def main() -> None:
    missing = [name for name in REQUIRED if not os.environ.get(name)]
    if missing:
        sys.exit(f"official_sdk.py: set {', '.join(missing)}")
    account_id, app_id = os.environ["RTK_ACCOUNT_ID"], os.environ["RTK_APP_ID"]
    token, base_url = os.environ["RTK_API_TOKEN"], os.environ["RTK_BASE_URL"]
    client = Cloudflare(api_token=token, base_url=base_url, max_retries=0)
    report = {}
    presets(client, report, account_id, app_id)
    webhooks(client, report, account_id, app_id)
    apps(client, report, account_id)
    print(json.dumps(report))


if __name__ == "__main__":
    main()
