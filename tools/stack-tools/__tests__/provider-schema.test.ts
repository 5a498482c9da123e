import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tempDir } from "../../../__tests__/support/temp";
import { BTP_SCHEMA_FILE, CLOUDFOUNDRY_SCHEMA_FILE, loadBtpSchema } from "../src/provider-schema";
import { realSchemaFile, realSchemasDir, snapshotDifferences } from "../src/schema-comparison";

const schema = loadBtpSchema();

describe("the committed SAP/btp schema snapshot", () => {
  it("covers the provider block and every resource the project uses", () => {
    expect(schema.provider.attributes?.globalaccount).toMatchObject({ required: true });
    for (const type of [
      "btp_subaccount_entitlement",
      "btp_subaccount_service_instance",
      "btp_subaccount_service_binding",
      "btp_subaccount_destination_generic",
    ]) {
      expect(schema.resources[type]).toBeDefined();
    }
  });

  it("marks the values that carry secrets as sensitive", () => {
    expect(schema.resources.btp_subaccount_service_binding.attributes?.credentials).toMatchObject({
      computed: true,
      sensitive: true,
    });
    expect(schema.resources.btp_subaccount_service_instance.attributes?.parameters).toMatchObject({
      sensitive: true,
    });
    expect(
      schema.resources.btp_subaccount_destination_generic.attributes?.destination_configuration,
    ).toMatchObject({ sensitive: true });
    expect(schema.provider.attributes?.password).toMatchObject({ sensitive: true });
  });
});

const REAL_BTP = realSchemaFile("sap-btp-1.25.0.json");

// The real schemas are data beside the project (../shared/provider-schemas), not part of it. Where
// they are absent (a user's checkout) this check cannot run; CI always has them.
const describeWithRealSchema = REAL_BTP || process.env.CI ? describe : describe.skip;
if (!REAL_BTP && !process.env.CI) {
  console.warn(`schema snapshot check skipped: no real SAP/btp 1.25.0 schema in ${realSchemasDir()}`);
}

/** The real schema file `name`; where it is missing (in CI), a failure that says where it was looked for. */
function real(name: string): string {
  const file = realSchemaFile(name);
  if (!file)
    throw new Error(
      `no ${name} in ${realSchemasDir()}: set APIM_PROVIDER_SCHEMAS to the real schemas' folder`,
    );
  return file;
}

describeWithRealSchema("the committed cloudfoundry snapshot against the real 1.16.0 schema", () => {
  it("agrees on the provider block and every resource and data source it holds", () => {
    expect(
      snapshotDifferences(CLOUDFOUNDRY_SCHEMA_FILE, real("cloudfoundry-cloudfoundry-1.16.0.json")),
    ).toEqual([]);
  });
});

describeWithRealSchema("the committed SAP/btp snapshot against the real 1.25.0 schema", () => {
  it("agrees on the provider block and every resource and data source it holds", () => {
    expect(snapshotDifferences(BTP_SCHEMA_FILE, real("sap-btp-1.25.0.json"))).toEqual([]);
  });

  it("names the attribute that differs", () => {
    // The same snapshot with one secret no longer sensitive, one attribute renamed and one
    // required attribute made optional: each must be reported by its path.
    const snapshot = JSON.parse(readFileSync(BTP_SCHEMA_FILE, "utf8"));
    const btp = snapshot.provider_schemas["registry.terraform.io/sap/btp"];
    const binding = btp.resource_schemas.btp_subaccount_service_binding.block.attributes;
    binding.credentials.sensitive = false;
    const entitlement = btp.data_source_schemas.btp_subaccount_entitlement.block.attributes;
    entitlement.plan_nme = entitlement.plan_name;
    delete entitlement.plan_name;
    btp.provider.block.attributes.globalaccount = {
      ...btp.provider.block.attributes.globalaccount,
      required: false,
      optional: true,
    };
    const changed = join(tempDir(), "schema.json");
    writeFileSync(changed, JSON.stringify(snapshot));

    expect(snapshotDifferences(changed, real("sap-btp-1.25.0.json"))).toEqual([
      "provider.globalaccount: required is false in the snapshot, true in the real schema",
      "provider.globalaccount: optional is true in the snapshot, false in the real schema",
      "btp_subaccount_service_binding.credentials: sensitive is false in the snapshot, true in the real schema",
      "data.btp_subaccount_entitlement.plan_name: in the real schema, not in the snapshot",
      "data.btp_subaccount_entitlement.plan_nme: in the snapshot, not in the real schema",
    ]);
  });
});
