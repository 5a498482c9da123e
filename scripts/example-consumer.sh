#!/usr/bin/env bash
# Installs this package into examples/consumer the way another project would: from the tarballs that
# `npm pack` makes (this package, @cdktf/provider-btp and @cdktf/provider-cloudfoundry, which npm does
# not publish yet), in a copy
# outside this repository so that nothing resolves from the repo's own node_modules; type-checks the
# consumer against the shipped .d.ts, synthesizes its stack and checks that the construct's resources
# and the consumer's own are both in it.
set -euo pipefail
usage="usage: npm run example   (packs both tarballs, installs them into a consumer outside the repo, type-checks and synthesizes it)"
if [ "$#" -gt 0 ]; then
  case "$1" in -h | --help) echo "$usage"; exit 0 ;; *) echo "unexpected argument: $1" >&2; echo "$usage" >&2; exit 2 ;; esac
fi
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$root"
library="$(npm pack --silent --pack-destination "$work" | tail -n 1)"
bindings="$(npm pack --silent --pack-destination "$work" --workspace packages/provider-btp | tail -n 1)"
cfbindings="$(npm pack --silent --pack-destination "$work" --workspace packages/provider-cloudfoundry | tail -n 1)"
cp -r examples/consumer "$work/consumer"
cd "$work/consumer"
npm install --no-audit --no-fund --silent
npm install --no-audit --no-fund --silent "$work/$library" "$work/$bindings" "$work/$cfbindings"

npx tsc -p tsconfig.json
CDKTF_OUTDIR="$work/out" TERRAFORM_BINARY_NAME=/nonexistent/terraform npx tsx main.ts
node -e '
  const stack = require(process.argv[1]);
  const has = (type) => Object.keys(stack.resource[type] || {}).length;
  const expected = { btp_subaccount_entitlement: 2, cloudfoundry_service_instance: 1, cloudfoundry_service_credential_binding: 1, btp_subaccount_destination_generic: 1 };
  for (const [type, count] of Object.entries(expected)) {
    if (has(type) !== count) { console.error(`expected ${count} ${type}, found ${has(type)}`); process.exit(1); }
  }
  if (!stack.provider.btp || !stack.provider.cloudfoundry || !stack.output.api_portal_instance_id) { console.error("provider or output missing"); process.exit(1); }
  console.log("example consumer: synthesized " + Object.values(stack.resource).reduce((n, r) => n + Object.keys(r).length, 0) + " resources from the packed construct");
' "$work/out/stacks/integration/cdk.tf.json"
