import { serviceCredentialBinding } from "@cdktf/provider-cloudfoundry";
import { rotating } from "@cdktf/provider-time";
import { Fn, TerraformProvider, TerraformResource, Token, propertyAccess } from "cdktf";
import { Construct } from "constructs";
import { keyNaming, keyNamingProblems, replaceWithTrigger } from "./private/key-naming";
import { throwIfInvalid, validatePropShape, validateServiceInstance } from "./private/validation";
import { IServiceInstance, IServiceKey } from "./service-references";

/** Properties of a {@link CloudFoundryServiceKey}. */
export interface CloudFoundryServiceKeyProps {
  /**
   * The Cloud Foundry service instance the key belongs to.
   */
  readonly serviceInstance: IServiceInstance;

  /**
   * Name of the service key, as shown under the instance's *Service Keys*.
   */
  readonly name: string;

  /**
   * Replace the key every this many days (a whole number >= 1), the new key created before the old one is deleted.
   *
   * @default - the key is never rotated
   */
  readonly rotationDays?: number;

  /**
   * The `cloudfoundry` provider configuration to use, that of the instance's space.
   *
   * @default - the stack's default `cloudfoundry` provider
   */
  readonly provider?: TerraformProvider;
}

/**
 * A service key (a Cloud Foundry credential binding of type `key`) of a service instance. The
 * provider returns Cloud Foundry's binding details as JSON, with the key under `credentials`; its
 * values stay inside Terraform.
 */
export class CloudFoundryServiceKey extends Construct implements IServiceKey {
  /** The `cloudfoundry_service_credential_binding` resource; `credential_binding` is its sensitive JSON. */
  public readonly resource: serviceCredentialBinding.ServiceCredentialBinding;

  /** Holds the key's name and instance ID so that a change of either replaces the key. */
  public readonly nameTrigger: TerraformResource;

  /** The hashicorp/time `time_rotating` resource that dates the key, when `rotationDays` is set. */
  public readonly rotation?: rotating.Rotating;

  public constructor(scope: Construct, id: string, props: CloudFoundryServiceKeyProps) {
    super(scope, id);
    throwIfInvalid(
      this,
      validatePropShape("", props, {
        serviceInstance: "object",
        name: "string",
        rotationDays: "number",
        provider: "object",
      }),
    );
    throwIfInvalid(this, [
      ...validateServiceInstance("serviceInstance", props.serviceInstance),
      ...keyNamingProblems(props.name, props.rotationDays),
    ]);

    const { instanceId } = props.serviceInstance;
    const naming = keyNaming(this, props.name, instanceId, props.rotationDays);
    this.nameTrigger = naming.nameTrigger;
    this.rotation = naming.rotation;
    this.resource = new serviceCredentialBinding.ServiceCredentialBinding(this, "resource", {
      type: "key",
      name: naming.name,
      serviceInstance: instanceId,
      provider: props.provider,
    });
    // The provider replaces a binding whose name changes; the trigger also replaces it for a new instance.
    replaceWithTrigger(this.resource, naming);
    this.node.defaultChild = this.resource;
  }

  /** The key's credentials JSON, as a Terraform expression over the binding's details. */
  public get credentials(): string {
    return Token.asString(
      Fn.jsonencode(propertyAccess(Fn.jsondecode(this.resource.credentialBinding), ["credentials"])),
    );
  }

  /** The key's name, as a Terraform reference (with rotation it carries the rotation's date). */
  public get keyName(): string {
    return this.resource.name;
  }
}
