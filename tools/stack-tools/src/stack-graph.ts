/**
 * The resources of a synthesized stack and the references between them, as a Mermaid flowchart.
 * References inside expressions are found by HashiCorp's HCL parser (references.ts); `depends_on`
 * and `lifecycle.replace_triggered_by` are drawn too, since they order and replace things as much as
 * a reference does, and so are `check` blocks (with the data sources scoped to them) and `import`
 * blocks. Pure: the same stack JSON always gives the same text.
 */
import { compareText } from "./order";
import { BlockKind, StackBlock, readStackModel } from "./stack-model";
import { SynthesizedStack } from "./synth-output";

export type NodeKind = "resource" | "data" | "check" | "import" | "output" | "local" | "var";

export interface GraphNode {
  /** Mermaid node id: `n1`..`nN` in address order. */
  readonly id: string;
  /**
   * Terraform address: `type.name`, `data.type.name`, `output.x`, `local.x`, `var.x`; `check.x` for
   * a check block and `import.<to>` for an import block, which have no address of their own.
   */
  readonly address: string;
  readonly kind: NodeKind;
  /** What the reader sees: the type (or kind) and the construct path or name. */
  readonly label: string;
}

export interface GraphEdge {
  /** Address of the thing referenced. */
  readonly from: string;
  /** Address of the thing that uses it. */
  readonly to: string;
  /** The referenced attributes, `depends_on` and/or `replace_triggered_by`, sorted, comma-separated. */
  readonly label: string;
}

export interface StackGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** The block kinds drawn, and the kind of node each becomes. */
const DRAWN: Partial<Record<BlockKind, NodeKind>> = {
  resource: "resource",
  data: "data",
  check: "check",
  import: "import",
  output: "output",
  local: "local",
  variable: "var",
};

/**
 * The graph of one stack. Edges to things the stack does not declare (a typo, a module) are left
 * out: reporting those is `npm run validate`'s job, and a node for them would look declared.
 */
export async function buildStackGraph(stackName: string, stack: SynthesizedStack): Promise<StackGraph> {
  const model = await readStackModel(stackName, stack);
  const drawn = model.blocks.filter((block) => DRAWN[block.kind] !== undefined);
  const nodes = drawn.map((block, i) => ({
    id: `n${i + 1}`,
    address: block.address,
    kind: DRAWN[block.kind] as NodeKind,
    label: labelOf(stackName, block),
  }));
  const known = new Set(nodes.map((node) => node.address));
  const labels = new Map<string, Set<string>>();
  const add = (from: string, to: string, label: string): void => {
    if (from === to || !known.has(from) || !known.has(to)) return;
    const key = JSON.stringify([from, to]);
    labels.set(key, (labels.get(key) ?? new Set()).add(label));
  };
  for (const block of drawn) {
    for (const { target, meta } of block.references) {
      // An import block points at what it fills; everything else is drawn from what it reads.
      if (meta === "import") add(block.address, target.address, "import");
      else add(target.address, block.address, meta ?? target.attribute[0] ?? "");
    }
  }

  const edges = [...labels.entries()]
    .map(([key, set]) => {
      const [from, to] = JSON.parse(key) as [string, string];
      const label = [...set]
        .filter((l) => l !== "")
        .sort(compareText)
        .join(", ");
      return { from, to, label };
    })
    .sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));
  return { nodes, edges };
}

/** Mermaid `flowchart` text of a graph, one node or edge per line, ending in a newline. */
export function toMermaid(graph: StackGraph): string {
  const ids = new Map(graph.nodes.map((node) => [node.address, node.id]));
  const lines = ["flowchart LR"];
  for (const node of graph.nodes) {
    const [open, close] = SHAPES[node.kind];
    lines.push(`  ${node.id}${open}"${escapeLabel(node.label)}"${close}`);
  }
  for (const edge of graph.edges) {
    const arrow = edge.label === "" ? "-->" : `-->|"${escapeLabel(edge.label)}"|`;
    lines.push(`  ${ids.get(edge.from)} ${arrow} ${ids.get(edge.to)}`);
  }
  return `${lines.join("\n")}\n`;
}

/** The Mermaid flowchart of one stack. */
export async function stackMermaid(stackName: string, stack: SynthesizedStack): Promise<string> {
  return toMermaid(await buildStackGraph(stackName, stack));
}

/** The Mermaid flowchart of every stack, by stack name, in name order. */
export async function stacksMermaid(
  stacks: Record<string, SynthesizedStack>,
): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const name of Object.keys(stacks).sort(compareText)) {
    result[name] = await stackMermaid(name, stacks[name]);
  }
  return result;
}

/** One Markdown section per stack: `### <stack>` and a mermaid code block. */
export function graphsMarkdown(graphs: Record<string, string>): string {
  return Object.keys(graphs)
    .sort(compareText)
    .map((name) => `### ${name}\n\n${fence(graphs[name])}`)
    .join("\n");
}

export const README_START = "<!-- graph:start -->";
export const README_END = "<!-- graph:end -->";

/**
 * What goes between the README markers: one diagram per distinct graph, with the stacks that have
 * it named above it. Environments of the same shape share one picture, and one that diverges gets
 * its own, so the text never claims a likeness the stacks do not have.
 */
export function readmeSection(graphs: Record<string, string>): string {
  const byGraph = new Map<string, string[]>();
  for (const name of Object.keys(graphs).sort(compareText)) {
    byGraph.set(graphs[name], [...(byGraph.get(graphs[name]) ?? []), name]);
  }
  return [...byGraph.entries()]
    .map(([graph, names]) => {
      const quoted = names.map((name) => `\`${name}\``);
      const who =
        quoted.length === 1
          ? `Stack ${quoted[0]}:`
          : `Stacks ${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]} have the same graph:`;
      return `${who}\n\n${fence(graph)}`;
    })
    .join("\n");
}

/** `readme` with the lines between the marker lines replaced by `section`; throws without markers. */
export function replaceReadmeSection(readme: string, section: string): string {
  const lines = readme.split("\n");
  const start = lines.indexOf(README_START);
  const end = lines.indexOf(README_END);
  if (start < 0 || end < start) {
    throw new Error(`README.md has no "${README_START}" line followed by a "${README_END}" line`);
  }
  return [...lines.slice(0, start + 1), "", ...section.trimEnd().split("\n"), "", ...lines.slice(end)].join(
    "\n",
  );
}

/** The text between the README's marker lines, as `replaceReadmeSection` writes it. */
export function currentReadmeSection(readme: string): string | undefined {
  const lines = readme.split("\n");
  const start = lines.indexOf(README_START);
  const end = lines.indexOf(README_END);
  if (start < 0 || end < start) return undefined;
  return `${lines
    .slice(start + 1, end)
    .join("\n")
    .trim()}\n`;
}

const SHAPES: Readonly<Record<NodeKind, readonly [string, string]>> = {
  resource: ["[", "]"],
  data: ["[(", ")]"],
  check: ["{", "}"],
  import: [">", "]"],
  output: ["([", "])"],
  local: ["{{", "}}"],
  var: ["[/", "/]"],
};

/** What the reader sees on a node: the type (or kind) and the construct path or name. */
function labelOf(stackName: string, block: StackBlock): string {
  switch (block.kind) {
    case "resource":
    case "data": {
      const prefix = block.kind === "data" ? "data." : "";
      return `${prefix}${block.type}<br/>${constructPath(stackName, block)}`;
    }
    case "check":
      return `check<br/>${readableName(block.name)}`;
    case "import":
      return `import<br/>${(block.body as { id: string }).id}`;
    case "variable":
      return `var<br/>${block.name}`;
    default:
      return `${block.kind}<br/>${block.name}`;
  }
}

/**
 * The block's construct path without the stack prefix, or its logical name when it has none (a
 * hand-written block). The constructs here name their one resource `resource`; that last segment
 * says nothing the type does not, so it is dropped.
 */
function constructPath(stackName: string, block: StackBlock): string {
  const path = block.constructPath ?? readableName(block.name);
  const inStack = path.startsWith(`${stackName}/`) ? path.slice(stackName.length + 1) : path;
  return inStack.endsWith("/resource") ? inStack.slice(0, -"/resource".length) : inStack;
}

/**
 * A name as the reader should see it: a logical ID that cdktf allocated (the construct path joined
 * by `_`, with an 8-hex-digit hash after a segment) as that path without the hash; any other name
 * as it is. Blocks without path metadata (check blocks and their data sources) need this.
 */
function readableName(name: string): string {
  const withoutHash = name.replace(/_[0-9A-F]{8}(?=_|$)/g, "");
  return withoutHash === name ? name : withoutHash.split("_").join("/");
}

/**
 * Mermaid's entity codes for what would end the quoted label, start an entity or a Markdown
 * string, or be taken for HTML. `<br/>` is the one tag the labels mean, so it is kept.
 */
function escapeLabel(text: string): string {
  return text
    .split("<br/>")
    .map((part) =>
      part
        .replace(/#/g, "#35;")
        .replace(/"/g, "#quot;")
        .replace(/`/g, "#96;")
        .replace(/&/g, "#amp;")
        .replace(/</g, "#lt;")
        .replace(/>/g, "#gt;")
        .replace(/[\r\n]+/g, " "),
    )
    .join("<br/>");
}

function fence(mermaid: string): string {
  return `\`\`\`mermaid\n${mermaid}\`\`\`\n`;
}
