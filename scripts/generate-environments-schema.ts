/**
 * `npm run schema`: writes environments.schema.json, the JSON Schema of environments.json,
 * generated from the file's types in stacks/environments-file.ts (their JSDoc become the
 * descriptions editors show). A test fails when the committed schema is not what this generates.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createGenerator } from "ts-json-schema-generator";
import { ENVIRONMENT_NAME } from "../stacks/environment-config";

const ROOT = join(__dirname, "..");

/** Where the schema is committed; environments.json points at it with "$schema". */
export const SCHEMA_FILE = join(ROOT, "environments.schema.json");

/** The schema of environments.json. */
export function environmentsSchema(): Record<string, unknown> {
  const schema = createGenerator({
    path: join(ROOT, "stacks/environments-file.ts"),
    tsconfig: join(ROOT, "tsconfig.json"),
    type: "EnvironmentsFile",
    additionalProperties: false,
    skipTypeCheck: true,
    topRef: false,
    expose: "export",
    jsDoc: "extended",
  }).createSchema("EnvironmentsFile") as Record<string, unknown> & {
    properties: { environments: Record<string, unknown> };
  };
  // What the types cannot say: at least one environment, and names Terraform and cdktf accept.
  schema.properties.environments.minProperties = 1;
  schema.properties.environments.propertyNames = { pattern: ENVIRONMENT_NAME.source };
  return { $id: "environments.schema.json", title: "API Management source environments", ...schema };
}

/** The schema file's text. */
export function environmentsSchemaText(): string {
  return `${JSON.stringify(environmentsSchema(), null, 2)}\n`;
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.length > 0) {
    const help = args.length === 1 && ["-h", "--help"].includes(args[0]);
    (help ? console.log : console.error)(
      "usage: npm run schema   (writes environments.schema.json; no arguments)",
    );
    process.exit(help ? 0 : 2);
  }
  writeFileSync(SCHEMA_FILE, environmentsSchemaText());
  console.log(`schema: ${SCHEMA_FILE} written`);
}
