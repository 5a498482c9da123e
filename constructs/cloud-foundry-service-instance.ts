import { dataCloudfoundryServicePlan, serviceInstance } from "@cdktf/provider-cloudfoundry";
import { ITerraformDependable, TerraformProvider } from "cdktf";
import { Construct } from "constructs";
import { templateLiteral } from "./private/terraform-strings";
import { throwIfInvalid, validateGuid, validateName, validatePropShape } from "./private/validation";
import { IServiceInstance } from "./service-references";

/** Properties of a {@link CloudFoundryServiceInstance}. */
export interface CloudFoundryServiceInstanceProps {
  /**
   * ID (GUID) of the Cloud Foundry space that holds the instance.
   */
  readonly spaceId: string;

  /**
   * Technical name of the service offering in the space's marketplace, e.g. `transport` or `content-agent`.
   */
  readonly serviceOfferingName: string;

  /**
   * Technical name of the service plan, e.g. `standard`.
   */
  readonly planName: string;

  /**
   * Name of the service instance, as shown under the space's *Instances*.
   */
  readonly name: string;

  /**
   * Parameters the service broker gets on creation, as an object that is written as JSON.
   *
   * @default - no parameters
   */
  readonly parameters?: Readonly<Record<string, unknown>>;

  /**
   * Resources the instance must wait for, typically the subaccount's entitlement to the plan.
   *
   * @default - no explicit dependency
   */
  readonly dependsOn?: ITerraformDependable[];

  /**
   * The `cloudfoundry` provider configuration to use, for a space behind another API endpoint than the stack's default.
   *
   * @default - the stack's default `cloudfoundry` provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * A managed service instance in a Cloud Foundry space, its plan found by name in the space's
 * marketplace. The stack that uses it declares the `cloudfoundry` provider.
 */
export class CloudFoundryServiceInstance extends Construct implements IServiceInstance {
  /** The `cloudfoundry_service_plan` data source that finds the plan in the space's marketplace. */
  public readonly plan: dataCloudfoundryServicePlan.DataCloudfoundryServicePlan;

  /** The `cloudfoundry_service_instance` resource. */
  public readonly resource: serviceInstance.ServiceInstance;

  public constructor(scope: Construct, id: string, props: CloudFoundryServiceInstanceProps) {
    super(scope, id);
    throwIfInvalid(
      this,
      validatePropShape("", props, {
        spaceId: "string",
        serviceOfferingName: "string",
        planName: "string",
        name: "string",
        parameters: "object",
        dependsOn: "array",
        provider: "object",
      }),
    );
    throwIfInvalid(this, [
      ...validateGuid("spaceId", props.spaceId),
      ...validateName("serviceOfferingName", props.serviceOfferingName),
      ...validateName("planName", props.planName),
      ...validateName("name", props.name),
    ]);

    this.plan = new dataCloudfoundryServicePlan.DataCloudfoundryServicePlan(this, "plan", {
      name: templateLiteral(props.planName),
      serviceOfferingName: templateLiteral(props.serviceOfferingName),
      provider: props.provider,
    });
    this.resource = new serviceInstance.ServiceInstance(this, "resource", {
      name: templateLiteral(props.name),
      type: "managed",
      space: props.spaceId,
      servicePlan: this.plan.id,
      parameters:
        props.parameters === undefined ? undefined : templateLiteral(JSON.stringify(props.parameters)),
      dependsOn: props.dependsOn,
      provider: props.provider,
    });
    this.node.defaultChild = this.resource;
  }

  /** The instance's ID (GUID), as a Terraform reference. */
  public get instanceId(): string {
    return this.resource.id;
  }
}
