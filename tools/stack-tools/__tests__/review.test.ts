import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { BlockChange, StackDiff, diffSynthOutputs, renderMarkdown } from "../src/stack-diff";
import { SynthesizedStack, readSynthOutput } from "../src/synth-output";
import { synthAppTo, writeConfig } from "../../../__tests__/support/app";
import { TESTED_LANDSCAPE, TESTED_STAGES, terraformVariants } from "../src/terraform-variants";
import { tempDir } from "../../../__tests__/support/temp";
import { runCommand } from "../../../__tests__/support/command";
import { review as reviewCommand } from "../cli/review";

const ROOT = join(__dirname, "../../..");
const DEV = { globalAccount: "example-global-account", subaccountId: "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c" };
const PROD = {
  globalAccount: "example-global-account",
  subaccountId: "0b7e8d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
};
const DEFAULT_DESCRIPTION =
  "API portal content transport: API Management transport API of this source subaccount";

type Stacks = Record<string, SynthesizedStack>;
type Mutable = { resource: Record<string, Record<string, Record<string, unknown>>> };

/** Synthesizes the real app for the given environments, as main.ts does. */
function synth(environments: Record<string, Record<string, unknown>>): Stacks {
  return readSynthOutput(synthAppTo(writeConfig({ environments })));
}

const base = synth({ dev: DEV });

/** A deep copy of `stacks` with `change` applied to the dev stack. */
function edited(stacks: Stacks, change: (dev: Mutable) => void): Stacks {
  const copy = JSON.parse(JSON.stringify(stacks)) as Record<string, Mutable>;
  change(copy.dev);
  return copy as unknown as Stacks;
}

/** The one resource of `type` in a dev stack. */
function only(stack: Mutable, type: string): Record<string, unknown> {
  return Object.values(stack.resource[type])[0];
}

function removeType(stack: Mutable, type: string): void {
  stack.resource = Object.fromEntries(Object.entries(stack.resource).filter(([t]) => t !== type));
}

function block(diffs: StackDiff[], stack: string, type: string): BlockChange {
  const found = diffs.find((d) => d.name === stack)?.blocks.find((b) => b.type === type);
  if (!found) throw new Error(`no change of ${type} in ${stack}`);
  return found;
}

async function review(before: Stacks, after: Stacks): Promise<{ diffs: StackDiff[]; markdown: string }> {
  const diffs = await diffSynthOutputs(before, after);
  return { diffs, markdown: renderMarkdown(diffs, { before: "old", after: "new" }) };
}

const DESTINATION = "btp_subaccount_destination_generic";
const KEY = "btp_subaccount_service_binding";
const INSTANCE = "btp_subaccount_service_instance";
const ENTITLEMENT = "btp_subaccount_entitlement";
const CLIENT_SECRET_REFERENCE =
  /jsondecode\(btp_subaccount_service_binding\.[\w-]+\.credentials\)\.clientSecret/;

describe("npm run review", () => {
  it("shows a description change as an in-place update of the Description property", async () => {
    const { diffs, markdown } = await review(
      base,
      synth({ dev: { ...DEV, destinationDescription: "Team APIM" } }),
    );
    const destination = block(diffs, "dev", DESTINATION);
    expect(destination.action).toBe("update");
    expect(destination.changes).toEqual([
      {
        path: "destination_configuration.Description",
        before: JSON.stringify(DEFAULT_DESCRIPTION),
        after: '"Team APIM"',
      },
    ]);
    expect(diffs[0].blocks.map((b) => b.address)).toEqual([destination.address]);
    expect(markdown).toContain(
      `- \`destination_configuration.Description\`: \`"${DEFAULT_DESCRIPTION}"\` -> \`"Team APIM"\``,
    );
    expect(markdown).toContain("will be updated in place");
    expect(destination.replacedBecause).toEqual([]);
    expect(markdown).not.toMatch(/\*\*replaced|breaks the transport|fails at apply/i);
    expect(markdown).toContain("Sensitive in the provider schema: `destination_configuration`");
    expect(markdown).not.toContain("clientSecret");
  });

  it("shows a destination name change as a replacement that breaks the transport", async () => {
    const { diffs, markdown } = await review(
      base,
      synth({ dev: { ...DEV, destinationName: "APIManagementV2" } }),
    );
    const destination = block(diffs, "dev", DESTINATION);
    expect(destination.action).toBe("replace");
    expect(destination.breaksTransport).toHaveLength(1);
    expect(markdown).toContain(
      '- `destination_configuration.Name`: `"APIManagement"` -> `"APIManagementV2"`',
    );
    expect(markdown).toContain(
      `\`${destination.address}\` must be **replaced**, which **breaks the transport**`,
    );
    expect(markdown).toContain(`Construct: \`dev/api-management-source/destination/resource\``);
    expect(markdown).toMatch(/^> \*\*Breaks the transport\*\*/m);
    expect(markdown).toContain('- `value`: `"APIManagement"` -> `"APIManagementV2"`'); // output.destination_name
    expect(markdown).not.toContain("clientSecret");
  });

  it("replaces a renamed service key through its trigger, and fails at apply without one", async () => {
    const renamed = synth({ dev: { ...DEV, serviceKeyName: "apim-transport-key-2" } });
    const { diffs, markdown } = await review(base, renamed);
    const key = block(diffs, "dev", KEY);
    expect(key.action).toBe("replace");
    expect(key.replacedBecause).toEqual([
      expect.stringContaining("replace_triggered_by` names `terraform_data."),
    ]);
    expect(key.failsAtApply).toEqual([]);
    // Without rotation's create_before_destroy the old key goes first: the transport breaks.
    expect(key.breaksTransport).toEqual([
      expect.stringContaining("the old key deleted before the new one exists"),
    ]);
    const rotated = synth({ dev: { ...DEV, keyRotationDays: 30, serviceKeyName: "apim-transport-key" } });
    const rotatedRenamed = synth({
      dev: { ...DEV, keyRotationDays: 30, serviceKeyName: "apim-transport-key-2" },
    });
    const safe = block((await review(rotated, rotatedRenamed)).diffs, "dev", KEY);
    expect(safe.action).toBe("replace");
    expect(safe.breaksTransport).toEqual([]);
    const destination = block(diffs, "dev", DESTINATION);
    expect(destination.action).toBe("update");
    expect(destination.knownAfterApply.map((k) => k.path)).toContain(
      "destination_configuration.clientSecret",
    );
    // The changed secret is named by its path only; no value, not even the reference, is printed.
    expect(markdown.split("\n").filter((line) => line.includes("clientSecret"))).toEqual([
      expect.stringMatching(
        /^- known only after apply, because `btp_subaccount_service_binding\.\S+` is replaced: /,
      ),
    ]);

    const untriggered = (stacks: Stacks) => edited(stacks, (dev) => delete only(dev, KEY).lifecycle);
    const failing = await review(untriggered(base), untriggered(renamed));
    expect(block(failing.diffs, "dev", KEY).action).toBe("update");
    expect(failing.markdown).toContain("will be updated in place, which **fails at apply**");
    expect(failing.markdown).toContain("the provider refuses in-place updates of a service binding");
  });

  it("applies the provider's replacement rules", async () => {
    const cases: Array<[string, (dev: Mutable) => void, string, RegExp]> = [
      [
        ENTITLEMENT,
        (dev) => (only(dev, ENTITLEMENT).plan_name = "other"),
        "replace",
        /must be \*\*replaced\*\*/,
      ],
      [
        INSTANCE,
        (dev) => (only(dev, INSTANCE).serviceplan_name = "other"),
        "replace",
        /must be \*\*replaced \(or refused by the provider\)\*\*/,
      ],
      [
        INSTANCE,
        (dev) => (only(dev, INSTANCE).parameters = '{"role":"APIPortal.Guest"}'),
        "update",
        /- `parameters\.role`: `"APIPortal\.Administrator"` -> `"APIPortal\.Guest"`/,
      ],
      [
        KEY,
        (dev) => (only(dev, KEY).parameters = '{"x":1}'),
        "replace",
        /`parameters\.x` changes: the provider replaces/,
      ],
      [
        KEY,
        (dev) => removeType(dev, KEY),
        "destroy",
        /will be \*\*destroyed\*\*, which \*\*breaks the transport\*\*/,
      ],
      [DESTINATION, (dev) => removeType(dev, DESTINATION), "destroy", /breaks the transport/],
    ];
    for (const [type, change, action, expected] of cases) {
      const { diffs, markdown } = await review(base, edited(base, change));
      expect([type, block(diffs, "dev", type).action]).toEqual([type, action]);
      expect(markdown).toMatch(expected);
    }
  });

  it("reports stacks added and removed, outputs, provider and backend", async () => {
    const moved = synth({
      prod: {
        ...PROD,
        globalAccount: "acme",
        backend: { type: "s3", bucket: "b", key: "k", region: "eu-central-1" },
      },
    });
    const { markdown } = await review(synth({ dev: DEV, prod: PROD }), { ...moved, qa: base.dev });
    // qa has dev's subaccount: that is what renaming dev to qa looks like.
    expect(markdown).toContain(
      "| `dev` | 0 | 0 | 0 | 0 | stack removed, **renamed environment? state orphaned** |",
    );
    expect(markdown).toContain("A deploy does not destroy anything");
    expect(markdown).toMatch(
      /\| `qa` \| [1-9]\d* \| 0 \| 0 \| 0 \| new stack, \*\*renamed environment\? state orphaned\*\*/,
    );
    expect(markdown).toContain(
      "This new stack manages the subaccount of the removed `dev`. It starts with an empty state",
    );
    const unrelated = await review(
      synth({ dev: DEV, prod: PROD }),
      synth({ prod: PROD, qa: { ...DEV, subaccountId: "0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e" } }),
    );
    expect(unrelated.markdown).not.toContain("renamed environment");
    expect(markdown).toContain('- `globalaccount`: `"example-global-account"` -> `"acme"`');
    expect(markdown).toContain("- `terraform.backend.local` removed");
    expect(markdown).toContain('  - `bucket`: `"b"`');
    expect(markdown).toContain("terraform init -migrate-state");
    // A created destination shows where its secret comes from: the reference, never a value.
    const secretLines = markdown.split("\n").filter((line) => line.includes("clientSecret"));
    expect(secretLines).toContain(
      `- \`destination_configuration.clientSecret\`: \`${secretLines[0].match(CLIENT_SECRET_REFERENCE)?.[0]}\``,
    );
    for (const line of secretLines) expect(line).toMatch(CLIENT_SECRET_REFERENCE);
  });

  it("reviews a landscape: a new transport subaccount replaces the subscription, a new node name updates a destination", async () => {
    const landscape = terraformVariants().landscapes?.[TESTED_LANDSCAPE] as Record<
      string,
      Record<string, unknown>
    >;
    const synthLandscape = (changed: Record<string, unknown>) =>
      readSynthOutput(
        synthAppTo(
          writeConfig({ environments: { dev: DEV }, landscapes: { l: { ...landscape, ...changed } } }),
        ),
      );
    const before = synthLandscape({});
    const moved = await review(
      before,
      synthLandscape({ transport: { ...landscape.transport, subaccountId: PROD.subaccountId } }),
    );
    expect(block(moved.diffs, "l", "btp_subaccount_subscription").action).toBe("replace");
    expect(moved.markdown).toContain("the transport's nodes and route live in it");
    const renamed = await review(
      before,
      synthLandscape({ source: { ...landscape.source, nodeName: "APIM_DEV2" } }),
    );
    const destinations = renamed.diffs.find((d) => d.name === "l")?.blocks ?? [];
    // The destination's sourceSystemId, and the manual steps that name the node, change in place.
    expect(destinations.map((b) => [b.kind, b.type, b.action])).toEqual([
      ["resource", "btp_subaccount_destination_generic", "update"],
      ["output", "", "update"],
    ]);
    expect(renamed.markdown).toContain('`"APIM_DEV2"`');
  });

  it("reviews a landscape of stages: a stage's deploy user changed replaces its role, a role given up breaks the transport", async () => {
    const landscape = terraformVariants().landscapes?.[TESTED_STAGES] as {
      stages: Record<string, unknown>[];
    };
    const synthStages = (stages: Record<string, unknown>[]) =>
      readSynthOutput(synthAppTo(writeConfig({ landscapes: { l: { ...landscape, stages } } })));
    const before = synthStages(landscape.stages);
    const [test, prod] = landscape.stages;
    const changedUser = await review(
      before,
      synthStages([{ ...test, deployUser: "other@example.com" }, prod]),
    );
    const roles = changedUser.diffs[0].blocks.filter((b) => b.type === "cloudfoundry_space_role");
    expect(roles.map((b) => b.action)).toEqual(["replace"]);
    expect(changedUser.markdown).toContain("the provider replaces a space role on any change");
    const givenUp = await review(before, synthStages([{ ...test, spaceDeveloperRole: false }, prod]));
    expect(
      givenUp.diffs[0].blocks.filter((b) => b.type === "cloudfoundry_space_role").map((b) => b.action),
    ).toEqual(["destroy"]);
    expect(givenUp.markdown).toMatch(/will be \*\*destroyed\*\*, which \*\*breaks the transport\*\*/);
  });

  it("names attributes the cloudfoundry provider marks sensitive, as it does SAP/btp's", async () => {
    const cf = {
      ...DEV,
      cloudFoundry: {
        spaceId: "8d7c6b5a-4f3e-4d2c-9b1a-0f9e8d7c6b5a",
        apiUrl: "https://api.cf.eu10.hana.ondemand.com",
      },
    };
    const before = synth({ dev: cf });
    const { diffs, markdown } = await review(
      before,
      edited(before, (dev) => {
        only(dev, "cloudfoundry_service_instance").parameters = '{"role":"APIPortal.Administrator","x":1}';
      }),
    );
    expect(block(diffs, "dev", "cloudfoundry_service_instance").sensitive).toEqual(["parameters"]);
    expect(markdown).toContain("Sensitive in the provider schema: `parameters`");
  });

  it("renders the same Markdown every time, whatever the key order of the input", async () => {
    const after = synth({ dev: { ...DEV, destinationName: "Other", serviceKeyName: "k2" }, prod: PROD });
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value !== null && typeof value === "object"
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    const first = (await review(base, after)).markdown;
    expect((await review(base, after)).markdown).toBe(first);
    expect((await review(reversed(base) as Stacks, reversed(after) as Stacks)).markdown).toBe(first);
  });

  describe("the command", () => {
    const worktrees = () => spawnSync("git", ["worktree", "list"], { cwd: ROOT, encoding: "utf8" }).stdout;

    // In a process of its own, as npm starts it: where the exit code reaches the shell. An option it
    // refuses stops it before anything is synthesized.
    it("exits 2 on an option it does not know, in a process of its own", () => {
      const result = spawnSync(
        process.execPath,
        ["--import", "tsx", "tools/stack-tools/cli/review.ts", "--no-such-option"],
        { cwd: ROOT, encoding: "utf8" },
      );
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("'--no-such-option'");
      expect(result.stderr).toContain("usage: npm run review");
    });

    it("exits 2 with a one-line message naming a folder or revision that does not exist", async () => {
      const missing = join(tempDir(), "no-such-synth-output");
      const runs = [
        await runCommand(reviewCommand, [missing]),
        await runCommand(reviewCommand, ["HEAD", "no-such-revision-xyz"]),
      ];
      for (const [result, named] of [
        [runs[0], missing],
        [runs[1], "no-such-revision-xyz"],
      ] as const) {
        expect(result.status).toBe(2);
        expect(result.stdout).toBe("");
        expect(result.stderr.trim().split("\n")).toEqual([
          `review: ${JSON.stringify(named)} is neither a synth output folder nor a git revision`,
        ]);
      }
    });

    // One synth of HEAD in a worktree (the command synthesizes a commit once however often it is named),
    // of a file of the test's own: APIM_CONFIG passes through to the revision's app.
    it("synthesizes a git revision in a temporary worktree, and removes the worktree", async () => {
      const before = worktrees();
      const config = writeConfig({ environments: { dev: DEV } });
      const result = await runCommand(reviewCommand, ["HEAD", "HEAD"], {
        APIM_CONFIG: config,
        TERRAFORM_BINARY_NAME: "/nonexistent/terraform",
      });
      expect(result.stderr).toMatch(/synthesizing HEAD \([0-9a-f]{12}\) in a temporary worktree/);
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(/^## Stack review\n/);
      expect(result.stdout).toMatch(/No changes: the stack synthesizes the same resources/);
      expect(worktrees()).toBe(before);
    });
  });
});
