# Sourced by scripts: an offline Pulumi setup with a local file backend inside the repo (git-ignored).
# No Pulumi account, no network: plugins are never downloaded, the CLI never checks for updates.
state_dir="${PULUMI_RTK_STATE_DIR:-$(pwd)/.pulumi-state}"
mkdir -p "$state_dir/backend" "$state_dir/home"
export PULUMI_BACKEND_URL="${PULUMI_BACKEND_URL:-file://$state_dir/backend?metadata=skip}"
export PULUMI_HOME="${PULUMI_HOME:-$state_dir/home}"
# A fixed passphrase is fine for a local demo backend; real stacks set their own (or use Pulumi Cloud).
export PULUMI_CONFIG_PASSPHRASE="${PULUMI_CONFIG_PASSPHRASE-demo-passphrase}"
export PULUMI_SKIP_UPDATE_CHECK=true
export PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true
export PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK=true
export PULUMI_NODEJS_TRANSPILE_ONLY="${PULUMI_NODEJS_TRANSPILE_ONLY:-true}"
