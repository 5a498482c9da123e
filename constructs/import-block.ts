import { TerraformElement, TerraformResource } from "cdktf";
import { Construct } from "constructs";

/** Properties of an {@link ImportBlock}. */
export interface ImportBlockProps {
  /**
   * The resource that takes over the existing object.
   */
  readonly resource: TerraformResource;

  /**
   * The provider's import ID of the existing object, e.g. `<subaccount_id>,<service_instance_id>`.
   */
  readonly importId: string;
}

/**
 * A Terraform `import` block (Terraform >= 1.5): the next plan puts an existing object under
 * management instead of creating a duplicate.
 *
 * cdktf's `resource.importFrom()` writes the same block, but its synth-time check needs a Terraform
 * binary (docs/development.md, "cdktf features left out, and why").
 */
export class ImportBlock extends TerraformElement {
  public constructor(
    scope: Construct,
    id: string,
    private readonly props: ImportBlockProps,
  ) {
    super(scope, id);
  }

  /** The address the block imports into, e.g. `btp_subaccount_service_instance.x`. */
  public get to(): string {
    return `${this.props.resource.terraformResourceType}.${this.props.resource.friendlyUniqueId}`;
  }

  /** The `import` block, as Terraform JSON. */
  public override toTerraform(): Record<string, unknown> {
    return { import: [{ to: this.to, id: this.props.importId }] };
  }
}
