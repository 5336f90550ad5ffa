# Sourced, after `make demo`: `source scripts/demo-env.sh` puts that demo's Pulumi CLI, Node.js, state
# backend and passphrase in this shell, so `pulumi stack output tokens --show-secrets` and the other
# commands the demo prints work here. scripts/demo.sh writes them to .pulumi-state/demo-env (or to
# $PULUMI_RTK_STATE_DIR/demo-env, the state folder scripts/pulumi-env.sh uses).
_rtk_env="${PULUMI_RTK_STATE_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)/.pulumi-state}/demo-env"
if [ -f "$_rtk_env" ]; then
  . "$_rtk_env"
  echo "demo-env: pulumi $(pulumi version), backend $PULUMI_BACKEND_URL"
else
  echo "demo-env: no $_rtk_env yet: run make demo first"
fi
unset _rtk_env
