import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  GraphEdge,
  StackGraph,
  buildStackGraph,
  currentReadmeSection,
  graphsMarkdown,
  readmeSection,
  replaceReadmeSection,
  stacksMermaid,
  toMermaid,
} from "../src/stack-graph";
import { SynthesizedStack, readSynthOutput } from "../src/synth-output";
import { readmeExampleStacks } from "../src/synthesize";
import { BOTH_PATHS, DEFAULT_CONFIG, synthAppTo, writeConfig } from "../../../__tests__/support/app";

const ROOT = join(__dirname, "../../..");
// One stack of each path, from a file of the test's own: environments.json may change.
const FIXTURE = writeConfig(BOTH_PATHS);
const stacks = readSynthOutput(synthAppTo(FIXTURE));

/** Edges as `from -[label]-> to`, each end shown as what `name` makes of its address. */
function describeEdges(graph: StackGraph, name: (address: string) => string = (a) => a): string[] {
  return graph.edges.map((e: GraphEdge) => `${name(e.from)} -[${e.label}]-> ${name(e.to)}`);
}

/** The type of a resource address (`data.<type>` of a data source), or the address of an output: the hashed logical ids vary. */
const byType = (address: string): string =>
  address.startsWith("output.")
    ? address
    : address
        .split(".")
        .slice(0, address.startsWith("data.") ? 2 : 1)
        .join(".");

/** A line-by-line check of the flowchart syntax the renderer relies on. */
function expectWellFormedMermaid(text: string): void {
  const [header, ...lines] = text.trimEnd().split("\n");
  expect(header).toBe("flowchart LR");
  const declared = new Set<string>();
  for (const line of lines) {
    const node = /^ {2}(n\d+)(\[|\[\(|\(\[|\{\{|\{|>|\[\/)"([^"]*)"(\]|\)\]|\]\)|\}\}|\}|\/\])$/.exec(line);
    const edge = /^ {2}(n\d+) -->(\|"[^"]*"\|)? (n\d+)$/.exec(line);
    expect({ line, parsed: Boolean(node || edge) }).toEqual({ line, parsed: true });
    if (node) {
      expect(declared.has(node[1])).toBe(false);
      declared.add(node[1]);
    } else if (edge) {
      expect([declared.has(edge[1]), declared.has(edge[3])]).toEqual([true, true]);
    }
  }
}

describe("npm run graph", () => {
  describe("the default app", () => {
    it("draws entitlement -> instance -> key -> destination, the name trigger, the connection check and the outputs", async () => {
      const graph = await buildStackGraph("dev", stacks.dev);
      expect(describeEdges(graph, byType).sort()).toEqual([
        "btp_subaccount_entitlement -[depends_on]-> btp_subaccount_service_instance",
        "btp_subaccount_service_binding -[credentials]-> btp_subaccount_destination_generic",
        // The connection check: the token request and the transport call each read the key, and
        // each check's assertion reads its own call's status code; no call reads the other.
        "btp_subaccount_service_binding -[credentials]-> data.http",
        "btp_subaccount_service_binding -[credentials]-> data.http",
        "btp_subaccount_service_binding -[name]-> output.service_key_name",
        "btp_subaccount_service_instance -[id]-> btp_subaccount_service_binding",
        "btp_subaccount_service_instance -[id]-> output.service_instance_id",
        // The name trigger holds the instance ID: a new instance replaces the key.
        "btp_subaccount_service_instance -[id]-> terraform_data",
        "data.http -[status_code]-> check",
        "data.http -[status_code]-> check",
        "terraform_data -[replace_triggered_by]-> btp_subaccount_service_binding",
      ]);
      expect(graph.nodes.filter((n) => n.kind === "output").map((n) => n.address)).toEqual([
        "output.destination_name",
        "output.service_instance_id",
        "output.service_key_name",
        "output.subaccount_id",
      ]);
      expect(graph.nodes.filter((n) => n.kind === "resource").map((n) => n.label)).toEqual([
        "btp_subaccount_destination_generic<br/>api-management-source/destination",
        "btp_subaccount_entitlement<br/>api-management-source/entitlement",
        "btp_subaccount_service_binding<br/>api-management-source/service-key",
        "btp_subaccount_service_instance<br/>api-management-source/service-instance",
        "terraform_data<br/>api-management-source/service-key/name-trigger",
      ]);
    });

    it("draws the Cloud Foundry path: the plan found in the space, the instance, its key, the destination", async () => {
      const edges = describeEdges(await buildStackGraph("cf", stacks.cf), byType);
      expect(edges).toEqual(
        expect.arrayContaining([
          "btp_subaccount_entitlement -[depends_on]-> cloudfoundry_service_instance",
          "data.cloudfoundry_service_plan -[id]-> cloudfoundry_service_instance",
          "cloudfoundry_service_instance -[id]-> cloudfoundry_service_credential_binding",
          "cloudfoundry_service_credential_binding -[credential_binding]-> btp_subaccount_destination_generic",
          "cloudfoundry_service_credential_binding -[credential_binding]-> data.http",
          "terraform_data -[replace_triggered_by]-> cloudfoundry_service_credential_binding",
        ]),
      );
      expect(edges.filter((edge) => edge.includes("btp_subaccount_service"))).toEqual([]);
    });

    it("writes well-formed Mermaid with readable labels and the chain as edges", async () => {
      const graphs = await stacksMermaid(stacks);
      expect(Object.keys(graphs)).toEqual(Object.keys(stacks));
      for (const text of Object.values(graphs)) {
        expectWellFormedMermaid(text);
        expect(text).not.toMatch(/_[0-9A-F]{8}/); // no hashed logical id in what the reader sees
      }
      const id = (label: string) => new RegExp(`^ {2}(n\\d+)\\["${label}<br/>`, "m").exec(graphs.dev)?.[1];
      const [entitlement, instance, key, destination] = [
        id("btp_subaccount_entitlement"),
        id("btp_subaccount_service_instance"),
        id("btp_subaccount_service_binding"),
        id("btp_subaccount_destination_generic"),
      ];
      expect(graphs.dev).toContain(`  ${entitlement} -->|"depends_on"| ${instance}\n`);
      expect(graphs.dev).toContain(`  ${instance} -->|"id"| ${key}\n`);
      expect(graphs.dev).toContain(`  ${key} -->|"credentials"| ${destination}\n`);
      expect(graphs.dev).toMatch(/^ {2}n\d+\(\["output<br\/>service_key_name"\]\)$/m);
    });

    it("draws every stack of environments.json, its landscapes' included, as well-formed Mermaid", async () => {
      const file = JSON.parse(readFileSync(DEFAULT_CONFIG, "utf8")) as {
        environments?: Record<string, unknown>;
        landscapes?: Record<string, unknown>;
      };
      const graphs = await stacksMermaid(readSynthOutput(synthAppTo()));
      expect(Object.keys(graphs).sort()).toEqual(
        [...Object.keys(file.environments ?? {}), ...Object.keys(file.landscapes ?? {})].sort(),
      );
      for (const text of Object.values(graphs)) expectWellFormedMermaid(text);
    });

    it("prints one Markdown section per stack", async () => {
      const markdown = graphsMarkdown(await stacksMermaid(stacks));
      const names = Object.keys(stacks);
      expect(markdown.match(/^### .*$/gm)).toEqual(names.map((name) => `### ${name}`));
      expect(markdown.match(/^```mermaid$/gm)).toHaveLength(names.length);
    });

    it("is deterministic: a second synth gives the same text", async () => {
      const again = readSynthOutput(synthAppTo(FIXTURE));
      expect(await stacksMermaid(again)).toEqual(await stacksMermaid(stacks));
    });

    it("is the diagram in README.md (else run `npm run graph -- --update-readme`)", async () => {
      const readme = readFileSync(join(ROOT, "README.md"), "utf8");
      const expected = readmeSection(await stacksMermaid(readmeExampleStacks()));
      if (replaceReadmeSection(readme, expected) !== readme) {
        throw new Error(
          "README.md's resource graph is out of date: run `npm run graph -- --update-readme`.\n\n" +
            `expected between the graph markers:\n${expected}\nfound:\n${currentReadmeSection(readme)}`,
        );
      }
    });
  });

  describe("a hand-made stack", () => {
    const stack: SynthesizedStack = {
      data: { btp_subaccount: { sub: { id: "${var.subaccount}" } } },
      resource: {
        btp_subaccount_service_instance: {
          inst: {
            "//": { metadata: { path: 'dev/app/"quoted" & <odd>#1/resource' } },
            subaccount_id: "${data.btp_subaccount.sub.id}",
            name: "${local.name}",
            depends_on: ["btp_subaccount_entitlement.ent"],
          },
        },
        btp_subaccount_entitlement: {
          ent: {
            subaccount_id: "${data.btp_subaccount.sub.id}",
            lifecycle: {
              replace_triggered_by: ["${terraform_data.t.output}"],
              ignore_changes: ["amount"],
            },
          },
        },
        btp_subaccount_service_binding: {
          key: {
            service_instance_id: "${btp_subaccount_service_instance.inst.id}",
            // The same target twice, and an undeclared one, which validate reports and the graph omits.
            name: "${btp_subaccount_service_instance.inst.name}-${btp_subaccount_service_instance.gone.id}",
            provider: "btp.alias",
            depends_on: ["btp_subaccount_service_instance.inst"],
          },
        },
        terraform_data: { t: { input: "literal, ${count.index} is no node" } },
      },
      output: { key_id: { value: "${btp_subaccount_service_binding.key.id}", sensitive: false } },
      locals: { name: "apim-${var.subaccount}" },
      variable: { subaccount: { type: "string" } },
    };

    it("draws references, depends_on and replace_triggered_by from the referenced to the user", async () => {
      expect(describeEdges(await buildStackGraph("dev", stack))).toEqual([
        "btp_subaccount_entitlement.ent -[depends_on]-> btp_subaccount_service_instance.inst",
        "btp_subaccount_service_binding.key -[id]-> output.key_id",
        "btp_subaccount_service_instance.inst -[depends_on, id, name]-> btp_subaccount_service_binding.key",
        "data.btp_subaccount.sub -[id]-> btp_subaccount_entitlement.ent",
        "data.btp_subaccount.sub -[id]-> btp_subaccount_service_instance.inst",
        "local.name -[]-> btp_subaccount_service_instance.inst",
        "terraform_data.t -[replace_triggered_by]-> btp_subaccount_entitlement.ent",
        "var.subaccount -[]-> data.btp_subaccount.sub",
        "var.subaccount -[]-> local.name",
      ]);
    });

    it("gives each kind its shape, and escapes what would break a label", async () => {
      const text = toMermaid(await buildStackGraph("dev", stack));
      expectWellFormedMermaid(text);
      expect(text).toBe(
        [
          "flowchart LR",
          '  n1["btp_subaccount_entitlement<br/>ent"]',
          '  n2["btp_subaccount_service_binding<br/>key"]',
          '  n3["btp_subaccount_service_instance<br/>app/#quot;quoted#quot; #amp; #lt;odd#gt;#35;1"]',
          '  n4[("data.btp_subaccount<br/>sub")]',
          '  n5{{"local<br/>name"}}',
          '  n6(["output<br/>key_id"])',
          '  n7["terraform_data<br/>t"]',
          '  n8[/"var<br/>subaccount"/]',
          '  n1 -->|"depends_on"| n3',
          '  n2 -->|"id"| n6',
          '  n3 -->|"depends_on, id, name"| n2',
          '  n4 -->|"id"| n1',
          '  n4 -->|"id"| n3',
          "  n5 --> n3",
          '  n7 -->|"replace_triggered_by"| n1',
          "  n8 --> n4",
          "  n8 --> n5",
          "",
        ].join("\n"),
      );
    });

    it("does not depend on the order of the JSON's keys", async () => {
      const reversed = (value: unknown): unknown =>
        Array.isArray(value)
          ? value.map(reversed)
          : typeof value === "object" && value !== null
            ? Object.fromEntries(
                Object.entries(value)
                  .reverse()
                  .map(([k, v]) => [k, reversed(v)]),
              )
            : value;
      const shuffled = reversed(stack) as SynthesizedStack;
      expect(toMermaid(await buildStackGraph("dev", shuffled))).toBe(
        toMermaid(await buildStackGraph("dev", stack)),
      );
    });
  });

  describe("check and import blocks", () => {
    const stack: SynthesizedStack = {
      resource: {
        btp_subaccount_service_binding: { key: { name: "k", service_instance_id: "i" } },
      },
      check: {
        app_conn_0A1B2C3D: {
          data: {
            http: {
              app_conn_0A1B2C3D_token: {
                url: "${jsondecode(btp_subaccount_service_binding.key.credentials).tokenUrl}",
              },
              app_conn_0A1B2C3D_call: {
                url: "https://example.com",
                request_headers: {
                  Authorization: "Bearer ${data.http.app_conn_0A1B2C3D_token.response_body}",
                },
              },
            },
          },
          assert: [
            { condition: "${data.http.app_conn_0A1B2C3D_call.status_code == 200}", error_message: "m" },
          ],
        },
      },
      import: [
        { to: "btp_subaccount_service_binding.key", id: "sub,binding" },
        // Into nothing declared: validate reports it; the graph draws the block and no arrow.
        { to: "btp_subaccount_service_instance.gone", id: "sub,instance" },
      ],
    };

    it("draws a check's data sources, what its assertions read, and what each import block imports into", async () => {
      expect(toMermaid(await buildStackGraph("dev", stack))).toBe(
        [
          "flowchart LR",
          '  n1["btp_subaccount_service_binding<br/>key"]',
          '  n2{"check<br/>app/conn"}',
          '  n3[("data.http<br/>app/conn/call")]',
          '  n4[("data.http<br/>app/conn/token")]',
          '  n5>"import<br/>sub,binding"]',
          '  n6>"import<br/>sub,instance"]',
          '  n1 -->|"credentials"| n4',
          '  n3 -->|"status_code"| n2',
          '  n4 -->|"response_body"| n3',
          '  n5 -->|"import"| n1',
          "",
        ].join("\n"),
      );
    });

    it("labels the default app's check by its construct path, and draws an adopted setup's import blocks", async () => {
      const graph = await buildStackGraph("dev", stacks.dev);
      expect(graph.nodes.filter((n) => n.kind === "check").map((n) => n.label)).toEqual([
        "check<br/>api-management-source/connection-check/token",
        "check<br/>api-management-source/connection-check/transport",
      ]);

      const adopted = readSynthOutput(
        synthAppTo(
          writeConfig({
            environments: {
              dev: {
                globalAccount: "ga",
                subaccountId: "6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c",
                adopt: { serviceInstanceId: "0b7e8d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b", destination: true },
              },
            },
          }),
        ),
      );
      const imports = await buildStackGraph("dev", adopted.dev);
      expect(describeEdges(imports, byType).filter((e) => e.startsWith("import"))).toEqual([
        "import -[import]-> btp_subaccount_destination_generic",
        "import -[import]-> btp_subaccount_service_instance",
      ]);
      expect(imports.nodes.filter((n) => n.kind === "import").map((n) => n.label)).toEqual([
        "import<br/>6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c,APIManagement",
        "import<br/>6f2b1c3a-0d4e-4f5a-9b8c-7d6e5f4a3b2c,0b7e8d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b",
      ]);
    });
  });

  describe("the README section", () => {
    it("groups stacks with the same graph and names each group", () => {
      expect(readmeSection({ b: "X\n", a: "X\n", c: "Y\n", d: "X\n" })).toBe(
        [
          "Stacks `a`, `b` and `d` have the same graph:",
          "",
          "```mermaid",
          "X",
          "```",
          "",
          "Stack `c`:",
          "",
          "```mermaid",
          "Y",
          "```",
          "",
        ].join("\n"),
      );
    });

    it("replaces only the lines between the markers, and needs them", () => {
      const readme = "# T\n\n<!-- graph:start -->\nold\n<!-- graph:end -->\n\nrest\n";
      expect(replaceReadmeSection(readme, "new\n")).toBe(
        "# T\n\n<!-- graph:start -->\n\nnew\n\n<!-- graph:end -->\n\nrest\n",
      );
      expect(() => replaceReadmeSection("# T\n", "new\n")).toThrow(/graph:start/);
    });
  });

  // One run of the command: starting it costs more than the rest of this file's tests together.
  it("the command synthesizes the app of APIM_CONFIG and APIM_ENVIRONMENTS without Terraform, as npm run synth would, and prints its Markdown", async () => {
    const config = writeConfig({
      environments: {
        qa: {
          globalAccount: "ga",
          subaccountId: "11111111-2222-4333-8444-555555555555",
          connectionCheck: false,
        },
        prod: { globalAccount: "ga", subaccountId: "66666666-7777-4888-9999-aaaaaaaaaaaa" },
      },
    });
    const result = spawnSync(process.execPath, ["--import", "tsx", "tools/stack-tools/cli/graph.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: {
        ...process.env,
        TERRAFORM_BINARY_NAME: "/nonexistent/terraform",
        APIM_CONFIG: config,
        APIM_ENVIRONMENTS: "qa",
      },
    });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      graphsMarkdown(await stacksMermaid(readSynthOutput(synthAppTo(config, ["qa"])))),
    );
    expect(result.stdout).toContain("qa");
    expect(result.stdout).not.toContain("prod");
    expect(result.stdout).not.toContain("data.http");
  });
});
