#!/usr/bin/env bash
# Builds each provider that tools/providers/go.mod pins (its `tool` lines) into a Terraform
# filesystem mirror, and writes a CLI configuration that takes those providers from the mirror and
# every other one from its registry. Prints the configuration's path, for TF_CLI_CONFIG_FILE.
#
#   npm run providers            # into .terraform-providers/ of the project
#   APIM_PROVIDER_DIR=/x npm run providers
set -euo pipefail
usage="usage: npm run providers   (builds the providers of tools/providers/go.mod into a mirror; prints the CLI config path; APIM_PROVIDER_DIR picks the folder)"
if [ "$#" -gt 0 ]; then
  case "$1" in -h | --help) echo "$usage"; exit 0 ;; *) echo "unexpected argument: $1" >&2; echo "$usage" >&2; exit 2 ;; esac
fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${APIM_PROVIDER_DIR:-$root/.terraform-providers}"
mirror="$out/mirror"
platform="$(go env GOOS)_$(go env GOARCH)"
cd "$root/tools/providers"

includes=()
built=()
# `go mod edit -json` lists the tools; a provider's module path names its type (terraform-provider-<type>)
# and its owner the registry namespace.
while read -r module version; do
  owner="${module#github.com/}"
  owner="${owner%%/*}"
  type="${module##*/terraform-provider-}"
  source="registry.terraform.io/${owner,,}/${type}"
  target="$mirror/$source/${version#v}/$platform"
  mkdir -p "$target"
  echo "building $source ${version#v} from $module@$version" >&2
  go build -trimpath -o "$target/terraform-provider-${type}_${version}" "$module"
  includes+=("\"$source\"")
  built+=("$source@${version#v}")
done < <(go mod edit -json | node -e '
  const mod = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
  const versions = new Map((mod.Require ?? []).map((r) => [r.Path, r.Version]));
  for (const { Path } of mod.Tool ?? []) console.log(Path, versions.get(Path));
')

include="$(IFS=,; echo "${includes[*]}")"
cat >"$out/terraform.rc" <<RC
# Written by npm run providers: the providers built from tools/providers/go.mod come from the
# mirror, every other provider from its registry.
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = [$include]
  }
  direct {
    exclude = [$include]
  }
}
RC

# Proof that Terraform installs each built provider from the mirror, offline.
check="$(mktemp -d)"
trap 'rm -rf "$check"' EXIT
node -e '
  const [, ...providers] = process.argv.slice(1);
  const required = Object.fromEntries(providers.map((p) => {
    const [source, version] = p.split("@");
    return [source.split("/").pop(), { source, version }];
  }));
  console.log(JSON.stringify({ terraform: { required_providers: required } }));
' -- "${built[@]}" >"$check/main.tf.json"
TF_CLI_CONFIG_FILE="$out/terraform.rc" "${APIM_TERRAFORM:-terraform}" -chdir="$check" init -input=false -no-color >"$check/init.log" 2>&1 ||
  { cat "$check/init.log" >&2; echo "terraform init could not install the built providers from $mirror" >&2; exit 1; }
echo "$out/terraform.rc"
