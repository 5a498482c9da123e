#!/usr/bin/env bash
# Fills a Terraform filesystem mirror with the providers the stacks pin, for machines that reach the
# Go module proxy but not the Terraform registry, and writes a CLI configuration that takes those
# providers from the mirror and every other one from its registry. Prints the configuration's path,
# for TF_CLI_CONFIG_FILE.
#
# - Real builds: each provider that tools/providers/go.mod pins (its `tool` lines).
# - Schema stand-ins: for every other provider whose `terraform providers schema -json` output is in
#   the schemas folder (<namespace>-<type>-<version>.json), the stand-in of schema-stand-in/, which
#   serves that schema and refuses to plan or apply. Enough for `terraform validate` and
#   `terraform test` with mock providers; never for a deploy.
#
#   npm run providers            # into .terraform-providers/ of the project
#   APIM_PROVIDER_DIR=/x APIM_PROVIDER_SCHEMAS=/schemas npm run providers
set -euo pipefail
usage="usage: npm run providers   (builds the providers of tools/providers/go.mod and the schema stand-ins into a mirror; prints the CLI config path; APIM_PROVIDER_DIR picks the folder, APIM_PROVIDER_SCHEMAS the schemas, default ../shared/provider-schemas)"
if [ "$#" -gt 0 ]; then
  case "$1" in -h | --help) echo "$usage"; exit 0 ;; *) echo "unexpected argument: $1" >&2; echo "$usage" >&2; exit 2 ;; esac
fi
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="${APIM_PROVIDER_DIR:-$root/.terraform-providers}"
schemas="${APIM_PROVIDER_SCHEMAS:-$root/../shared/provider-schemas}"
mirror="$out/mirror"
platform="$(go env GOOS)_$(go env GOARCH)"
cd "$root/tools/providers"
# A provider left in the mirror by an earlier run (a real build then, a stand-in now, or the other
# way round) must not survive: the mirror holds exactly what this run puts there.
rm -rf "$mirror"

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

if [ -d "$schemas" ]; then
  standin="$out/build/schema-stand-in"
  echo "building the schema stand-in from tools/providers/schema-stand-in" >&2
  go build -C schema-stand-in -trimpath -o "$standin" .
  # One line per schema file: its provider's address (the file's only key) and the version that
  # its name ends in.
  while read -r source version file; do
    if [[ " ${built[*]} " == *" $source@"* ]]; then continue; fi
    type="${source##*/}"
    target="$mirror/$source/$version/$platform"
    mkdir -p "$target"
    echo "stand-in for $source $version from $file" >&2
    cp "$standin" "$target/terraform-provider-${type}_v${version}"
    cp "$file" "$target/schema.json"
    includes+=("\"$source\"")
    built+=("$source@$version")
  done < <(node -e '
    const { readFileSync, readdirSync } = require("node:fs");
    const { join } = require("node:path");
    const dir = process.argv[1];
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".json")).sort()) {
      const version = /-(\d+\.\d+\.\d+)\.json$/.exec(name)?.[1];
      const sources = Object.keys(JSON.parse(readFileSync(join(dir, name), "utf8")).provider_schemas ?? {});
      if (!version || sources.length !== 1) {
        console.error(`${join(dir, name)}: expected <namespace>-<type>-<version>.json holding one provider`);
        process.exit(1);
      }
      console.log(sources[0], version, join(dir, name));
    }
  ' "$schemas")
else
  echo "no provider schemas at $schemas (set APIM_PROVIDER_SCHEMAS): no stand-ins built; the other providers come from their registry" >&2
  # CI has no registry: without the stand-ins every later step would fail, less clearly.
  if [ -n "${CI:-}" ]; then exit 1; fi
fi

include="$(IFS=,; echo "${includes[*]}")"
cat >"$out/terraform.rc" <<RC
# Written by npm run providers: the providers built from tools/providers/go.mod, and the schema
# stand-ins (validate and test only, never plan or apply), come from the mirror; every other
# provider from its registry.
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

# Proof that Terraform installs each provider from the mirror, offline, and loads its schema.
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
for step in "init -input=false" "providers schema -json"; do
  # shellcheck disable=SC2086 # the step is words on purpose
  TF_CLI_CONFIG_FILE="$out/terraform.rc" "${APIM_TERRAFORM:-terraform}" -chdir="$check" $step -no-color >"$check/step.log" 2>&1 ||
    { cat "$check/step.log" >&2; echo "terraform $step failed on the providers in $mirror" >&2; exit 1; }
done
echo "$out/terraform.rc"
