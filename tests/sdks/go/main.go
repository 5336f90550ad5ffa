// Command driver runs the core of the plugin's YAML end-to-end test as a Go program on the generated Go
// SDK, through the Automation API's inline mode (the Go language host is not available on these machines,
// so the program runs in this process). tests/sdks/go.test.ts builds it once and calls it per step:
//
//	driver up|preview|destroy   (settings from RTK_* environment variables, see settingsFromEnv)
//
// Each step prints one JSON line (see report) for the jest test to assert on. Tokens are reported as a
// hash and a secret flag, never as plain text.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optdestroy"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optpreview"
	"github.com/pulumi/pulumi/sdk/v3/go/auto/optup"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	"pulumi-realtimekit/sdk/go/realtimekit"
)

type settings struct {
	workDir, stack, pluginDir           string
	baseURL, accountID, appID, apiToken string
	preset, rotation                    string
}

func settingsFromEnv() (settings, error) {
	s := settings{
		workDir: os.Getenv("RTK_WORK_DIR"), stack: os.Getenv("RTK_STACK"), pluginDir: os.Getenv("RTK_PLUGIN_DIR"),
		baseURL: os.Getenv("RTK_BASE_URL"), accountID: os.Getenv("RTK_ACCOUNT_ID"), appID: os.Getenv("RTK_APP_ID"),
		apiToken: os.Getenv("RTK_API_TOKEN"), preset: os.Getenv("RTK_PRESET"), rotation: os.Getenv("RTK_ROTATION"),
	}
	for name, value := range map[string]string{
		"RTK_WORK_DIR": s.workDir, "RTK_STACK": s.stack, "RTK_PLUGIN_DIR": s.pluginDir, "RTK_BASE_URL": s.baseURL,
		"RTK_ACCOUNT_ID": s.accountID, "RTK_APP_ID": s.appID, "RTK_API_TOKEN": s.apiToken, "RTK_PRESET": s.preset,
	} {
		if value == "" {
			return s, fmt.Errorf("%s is not set", name)
		}
	}
	return s, nil
}

// program is the Pulumi program: a meeting, a Roster of two (the plugin's component, built by its
// construct), and a participant whose preset and tokenRotation come from RTK_PRESET and RTK_ROTATION, so
// each step can change one of them; beside them an App, and a Preset and a Webhook in that app.
func program(s settings) pulumi.RunFunc {
	return func(ctx *pulumi.Context) error {
		app, err := realtimekit.NewApp(ctx, "app", &realtimekit.AppArgs{Name: pulumi.String("go-sdk-app")})
		if err != nil {
			return err
		}
		host, err := realtimekit.NewPreset(ctx, "host", &realtimekit.PresetArgs{
			Name:        pulumi.String("host"),
			AppId:       app.AppId,
			Permissions: realtimekit.PresetPermissionsArgs{CanRecord: pulumi.Bool(true)},
		})
		if err != nil {
			return err
		}
		backend, err := realtimekit.NewWebhook(ctx, "backend", &realtimekit.WebhookArgs{
			Name:   pulumi.String("backend"),
			AppId:  app.AppId,
			Url:    pulumi.String("https://hooks.example.com/realtimekit"),
			Events: pulumi.StringArray{pulumi.String("meeting.started"), pulumi.String("meeting.participantJoined")},
		})
		if err != nil {
			return err
		}
		meeting, err := realtimekit.NewMeeting(ctx, "standup", &realtimekit.MeetingArgs{
			Title: pulumi.String("Go SDK standup"),
		})
		if err != nil {
			return err
		}
		alice, err := realtimekit.NewParticipant(ctx, "alice", &realtimekit.ParticipantArgs{
			MeetingId:           meeting.MeetingId,
			CustomParticipantId: pulumi.String("alice"),
			PresetName:          pulumi.String(s.preset),
			Name:                pulumi.String("Alice"),
			TokenRotation:       pulumi.String(s.rotation),
		})
		if err != nil {
			return err
		}
		team, err := realtimekit.NewRoster(ctx, "team", &realtimekit.RosterArgs{
			MeetingId: meeting.MeetingId,
			Participants: realtimekit.RosterEntryArray{
				realtimekit.RosterEntryArgs{CustomParticipantId: pulumi.String("bob"), Name: pulumi.String("Bob")},
				realtimekit.RosterEntryArgs{CustomParticipantId: pulumi.String("carol"), Name: pulumi.String("Carol")},
			},
			Defaults: realtimekit.RosterDefaultsArgs{PresetName: pulumi.String("webinar_viewer")},
		})
		if err != nil {
			return err
		}
		ctx.Export("meetingId", meeting.MeetingId)
		ctx.Export("rosterIds", team.ParticipantIds)
		ctx.Export("rosterTokens", team.Tokens)
		ctx.Export("participantId", alice.ParticipantId)
		ctx.Export("presetName", alice.PresetName)
		ctx.Export("token", alice.Token)
		ctx.Export("appId", app.AppId)
		ctx.Export("presetId", host.PresetId)
		ctx.Export("webhookId", backend.WebhookId)
		return nil
	}
}

// report is what each step prints: the engine's count of operations by kind, and the stack's outputs with
// every secret output replaced by the SHA-256 of its JSON text (of the string itself for a string).
type report struct {
	Changes map[string]int    `json:"changes"`
	Outputs map[string]output `json:"outputs,omitempty"`
}

type output struct {
	Value  interface{} `json:"value,omitempty"`
	SHA256 string      `json:"sha256,omitempty"`
	Secret bool        `json:"secret"`
}

func outputsOf(outputs auto.OutputMap) map[string]output {
	result := map[string]output{}
	for key, out := range outputs {
		if out.Secret {
			text, ok := out.Value.(string)
			if !ok {
				encoded, _ := json.Marshal(out.Value) // maps marshal with sorted keys
				text = string(encoded)
			}
			sum := sha256.Sum256([]byte(text))
			result[key] = output{SHA256: hex.EncodeToString(sum[:]), Secret: true}
			continue
		}
		result[key] = output{Value: out.Value, Secret: out.Secret}
	}
	return result
}

func run(step string) (report, error) {
	s, err := settingsFromEnv()
	if err != nil {
		return report{}, err
	}
	ctx := context.Background()
	project := workspace.Project{
		Name:    "sdk-go-e2e",
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Plugins: &workspace.Plugins{Providers: []workspace.PluginOptions{{Name: "realtimekit", Path: s.pluginDir}}},
	}
	stack, err := auto.UpsertStackInlineSource(ctx, s.stack, project.Name.String(), program(s),
		auto.Project(project), auto.WorkDir(s.workDir))
	if err != nil {
		return report{}, err
	}
	err = stack.SetAllConfig(ctx, auto.ConfigMap{
		"realtimekit:baseUrl":   {Value: s.baseURL},
		"realtimekit:accountId": {Value: s.accountID},
		"realtimekit:appId":     {Value: s.appID},
		"realtimekit:apiToken":  {Value: s.apiToken, Secret: true},
	})
	if err != nil {
		return report{}, err
	}
	// The engine's progress goes to stderr, so a failing step's jest message shows it.
	switch step {
	case "up":
		res, err := stack.Up(ctx, optup.ProgressStreams(os.Stderr))
		if err != nil {
			return report{}, err
		}
		return report{Changes: deref(res.Summary.ResourceChanges), Outputs: outputsOf(res.Outputs)}, nil
	case "preview":
		res, err := stack.Preview(ctx, optpreview.ProgressStreams(os.Stderr))
		if err != nil {
			return report{}, err
		}
		changes := map[string]int{}
		for op, count := range res.ChangeSummary {
			changes[string(op)] = count
		}
		return report{Changes: changes}, nil
	case "destroy":
		res, err := stack.Destroy(ctx, optdestroy.ProgressStreams(os.Stderr))
		if err != nil {
			return report{}, err
		}
		return report{Changes: deref(res.Summary.ResourceChanges)}, nil
	default:
		return report{}, fmt.Errorf("unknown step %q (expected up, preview or destroy)", step)
	}
}

func deref(changes *map[string]int) map[string]int {
	if changes == nil {
		return map[string]int{}
	}
	return *changes
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: driver up|preview|destroy")
		os.Exit(2)
	}
	result, err := run(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
	if err := json.NewEncoder(io.Writer(os.Stdout)).Encode(result); err != nil {
		fmt.Fprintln(os.Stderr, "driver:", err)
		os.Exit(1)
	}
}
