"""The core of the plugin's YAML end-to-end test as a Python program on the generated Python SDK, run
through the Automation API's inline mode (the program runs in this process; no Python language host is
needed). tests/sdks/python.test.ts calls it once per step:

    python driver.py up|preview|destroy   (settings from RTK_* environment variables)

Each step prints one JSON line for the jest test to assert on, the same report as tests/sdks/go/main.go:
operation counts, and the stack outputs with each secret replaced by the SHA-256 of its (JSON) text.
"""

import hashlib
import json
import os
import sys

import pulumi
from pulumi import automation as auto

import pulumi_realtimekit as realtimekit

REQUIRED = [
    "RTK_WORK_DIR",
    "RTK_STACK",
    "RTK_PLUGIN_DIR",
    "RTK_BASE_URL",
    "RTK_ACCOUNT_ID",
    "RTK_APP_ID",
    "RTK_API_TOKEN",
    "RTK_PRESET",
]


def program() -> None:
    """A meeting, a Roster of two (the plugin's component, built by its construct), and a participant
    whose preset and tokenRotation come from RTK_PRESET and RTK_ROTATION; beside them an App, and a
    Preset and a Webhook in that app (its appId output)."""
    app = realtimekit.App("app", name="python-sdk-app")
    host = realtimekit.Preset(
        "host",
        name="host",
        app_id=app.app_id,
        permissions=realtimekit.PresetPermissionsArgs(can_record=True),
    )
    backend = realtimekit.Webhook(
        "backend",
        name="backend",
        app_id=app.app_id,
        url="https://hooks.example.com/realtimekit",
        events=["meeting.started", "meeting.participantJoined"],
    )
    meeting = realtimekit.Meeting("standup", title="Python SDK standup")
    team = realtimekit.Roster(
        "team",
        meeting_id=meeting.meeting_id,
        participants=[
            realtimekit.RosterEntryArgs(custom_participant_id="bob", name="Bob"),
            realtimekit.RosterEntryArgs(custom_participant_id="carol", name="Carol"),
        ],
        defaults=realtimekit.RosterDefaultsArgs(preset_name="webinar_viewer"),
    )
    alice = realtimekit.Participant(
        "alice",
        meeting_id=meeting.meeting_id,
        custom_participant_id="alice",
        preset_name=os.environ["RTK_PRESET"],
        name="Alice",
        token_rotation=os.environ.get("RTK_ROTATION", "1"),
    )
    pulumi.export("meetingId", meeting.meeting_id)
    pulumi.export("rosterIds", team.participant_ids)
    pulumi.export("rosterTokens", team.tokens)
    pulumi.export("participantId", alice.participant_id)
    pulumi.export("presetName", alice.preset_name)
    pulumi.export("token", alice.token)
    pulumi.export("appId", app.app_id)
    pulumi.export("presetId", host.preset_id)
    pulumi.export("webhookId", backend.webhook_id)


def write_project(work_dir: str, plugin_dir: str) -> str:
    """Pulumi.yaml with the plugin's folder: the Python Automation API has no setting for plugin paths, and
    it keeps a project file it finds in the work dir."""
    name = "sdk-python-e2e"
    project = {
        "name": name,
        "runtime": "python",
        "plugins": {"providers": [{"name": "realtimekit", "path": plugin_dir}]},
    }
    with open(os.path.join(work_dir, "Pulumi.yaml"), "w", encoding="utf-8") as file:
        json.dump(project, file)  # JSON is YAML
    return name


def outputs_of(outputs: auto.OutputMap) -> dict:
    result = {}
    for key, out in outputs.items():
        if out.secret:
            # Go's encoding/json sorts map keys and writes no spaces: the same text, the same hash.
            text = out.value if isinstance(out.value, str) else json.dumps(out.value, sort_keys=True, separators=(",", ":"))
            digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
            result[key] = {"sha256": digest, "secret": True}
        else:
            result[key] = {"value": out.value, "secret": out.secret}
    return result


def run(step: str) -> dict:
    missing = [name for name in REQUIRED if not os.environ.get(name)]
    if missing:
        raise SystemExit(f"driver: not set: {', '.join(missing)}")
    env = os.environ
    project = write_project(env["RTK_WORK_DIR"], env["RTK_PLUGIN_DIR"])
    stack = auto.create_or_select_stack(
        stack_name=env["RTK_STACK"],
        project_name=project,
        program=program,
        opts=auto.LocalWorkspaceOptions(work_dir=env["RTK_WORK_DIR"]),
    )
    stack.set_all_config(
        {
            "realtimekit:baseUrl": auto.ConfigValue(env["RTK_BASE_URL"]),
            "realtimekit:accountId": auto.ConfigValue(env["RTK_ACCOUNT_ID"]),
            "realtimekit:appId": auto.ConfigValue(env["RTK_APP_ID"]),
            "realtimekit:apiToken": auto.ConfigValue(env["RTK_API_TOKEN"], secret=True),
        }
    )
    # The engine's progress goes to stderr, so a failing step's jest message shows it.
    progress = lambda line: print(line, file=sys.stderr)  # noqa: E731
    if step == "up":
        result = stack.up(on_output=progress)
        changes = result.summary.resource_changes or {}
        return {"changes": changes, "outputs": outputs_of(result.outputs)}
    if step == "preview":
        preview = stack.preview(on_output=progress)
        # Keys are OpType members (str enums) in some SDK versions, plain strings in others.
        changes = {getattr(op, "value", op): n for op, n in preview.change_summary.items()}
        return {"changes": changes}
    if step == "destroy":
        result = stack.destroy(on_output=progress)
        return {"changes": result.summary.resource_changes or {}}
    raise SystemExit(f"driver: unknown step {step!r} (expected up, preview or destroy)")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: driver.py up|preview|destroy")
    print(json.dumps(run(sys.argv[1])))
