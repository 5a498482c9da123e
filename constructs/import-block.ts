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
 * cdktf's `resource.importFrom()` writes the same block but also adds a synth-time check that
 * runs `terraform version`, so synth would fail wherever Terraform is not installed (CI, review
 * machines); Terraform itself rejects import blocks when it is older than 1.5.
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
