import { TerraformResource, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { ApiManagementConnectionCheck } from "./api-management-connection-check";
import { ApiManagementDestination } from "./api-management-destination";
import { ApiPortalCloudFoundryInstance } from "./api-portal-cloud-foundry-instance";
import { ApiPortalEntitlement } from "./api-portal-entitlement";
import { ApiPortalServiceInstance } from "./api-portal-service-instance";
import { ApiPortalServiceKey } from "./api-portal-service-key";
import { CloudFoundryServiceKey } from "./cloud-foundry-service-key";
import { ImportBlock } from "./import-block";
import { holdsToken } from "./private/terraform-strings";
import { IServiceInstance, IServiceKey } from "./service-references";
import {
  PropShape,
  throwIfInvalid,
  validateDestinationName,
  validateGuid,
  validateName,
  validatePropShape,
} from "./private/validation";

/** One setup in a subaccount: an ApiManagementSource, or an environment. */
export interface SubaccountOccupant {
  /** How the messages name it: `environment "dev"`, or a construct path. */
  readonly label: string;
  /** The subaccount it sets up, by ID. */
  readonly subaccountId: string;
  /** The name of the destination it creates there. */
  readonly destinationName: string;
  /** The name of the API portal service instance it creates or adopts there. */
  readonly serviceInstanceName: string;
  /** Whether it declares the subaccount's API portal entitlement (creates or adopts it). */
  readonly declaresEntitlement: boolean;
}

/** Existing objects, made by hand in the cockpit, to put under management instead of creating duplicates. */
export interface ApiManagementSourceAdoption {
  /**
   * Import the subaccount's existing entitlement to the API-access plan.
   *
   * @default false
   */
  readonly entitlement?: boolean;

  /**
   * ID (GUID) of the existing API portal service instance to import.
   *
   * @default - a new instance is created
   */
  readonly serviceInstanceId?: string;

  /**
   * ID (GUID) of the existing service key (service binding) to import.
   *
   * @default - a new key is created
   */
  readonly serviceKeyId?: string;

  /**
   * Import the existing destination of the same name.
   *
   * @default false
   */
  readonly destination?: boolean;
}

/** Every prop of an {@link ApiManagementSourceAdoption}, with its JavaScript type. */
const ADOPTION_SHAPE: Readonly<Record<keyof ApiManagementSourceAdoption, PropShape[string]>> = {
  entitlement: "boolean",
  serviceInstanceId: "string",
  serviceKeyId: "string",
  destination: "boolean",
};

/** Where the API portal instance and its key live when they live in Cloud Foundry. */
export interface ApiManagementSourceCloudFoundry {
  /**
   * ID (GUID) of the Cloud Foundry space, in the source subaccount's org, that holds the instance and key.
   */
  readonly spaceId: string;
}

const CLOUD_FOUNDRY_SHAPE: Readonly<Record<keyof ApiManagementSourceCloudFoundry, PropShape[string]>> = {
  spaceId: "string",
};

/** Properties of an {@link ApiManagementSource}. */
export interface ApiManagementSourceProps {
  /**
   * ID (GUID) of the source subaccount, the one that holds the API portal content to export.
   */
  readonly subaccountId: string;

  /**
   * Name of the destination; the content transport looks for exactly `APIManagement` (case-sensitive).
   *
   * @default "APIManagement"
   */
  readonly destinationName?: string;

  /**
   * Description of the destination shown in the cockpit.
   *
   * @default "API portal content transport: API Management transport API of this source subaccount"
   */
  readonly destinationDescription?: string;

  /**
   * Name of the API portal service instance.
   *
   * @default "apim-content-transport"
   */
  readonly serviceInstanceName?: string;

  /**
   * Name of the service key; renaming it replaces the key.
   *
   * @default "apim-content-transport-key"
   */
  readonly serviceKeyName?: string;

  /**
   * Whether to entitle the subaccount to the plan; false where the entitlement is managed elsewhere (e.g. a directory stack).
   *
   * @default true
   */
  readonly createEntitlement?: boolean;

  /**
   * Existing objects to import (Terraform `import` blocks with the provider's import IDs) instead of creating them.
   *
   * @default - everything is created
   */
  readonly adopt?: ApiManagementSourceAdoption;

  /**
   * Replace the service key every this many days (whole number >= 1); the destination moves to the new key before the old one is deleted.
   *
   * @default - the key is never rotated
   */
  readonly keyRotationDays?: number;

  /**
   * Whether Terraform checks after each plan and apply that the key's token works against the destination URL (200 or 401 pass), as the cockpit's *Check Connection* does; a failure is a warning.
   *
   * @default true
   */
  readonly connectionCheck?: boolean;

  /**
   * Create the instance and key in this Cloud Foundry space, where SAP's procedure creates them; the stack declares the `cloudfoundry` provider.
   *
   * @default - the subaccount's "Other" environment (BTP service manager)
   */
  readonly cloudFoundry?: ApiManagementSourceCloudFoundry;
}

/** Every prop of {@link ApiManagementSourceProps}, with its JavaScript type. */
const SOURCE_PROP_SHAPE: Readonly<Record<keyof ApiManagementSourceProps, PropShape[string]>> = {
  subaccountId: "string",
  destinationName: "string",
  destinationDescription: "string",
  serviceInstanceName: "string",
  serviceKeyName: "string",
  createEntitlement: "boolean",
  adopt: "object",
  keyRotationDays: "number",
  connectionCheck: "boolean",
  cloudFoundry: "object",
};

/**
 * Everything SAP's manual procedure sets up in a source subaccount for API Management content
 * transport: entitlement, API portal service instance, service key, and the `APIManagement`
 * destination built from that key. The stack that uses it declares the `btp` provider.
 */
export class ApiManagementSource extends Construct {
  /**
   * Returns every problem of the props at once, each naming the prop and its value; empty when
   * they are valid. The constructor throws them; configuration loaders can report them earlier.
   */
  public static validateProps(props: ApiManagementSourceProps): string[] {
    const shape = validatePropShape("", props, SOURCE_PROP_SHAPE);
    if (props === null || typeof props !== "object") return shape;
    const optionalName = (field: keyof ApiManagementSourceProps, value: string | undefined): string[] =>
      value === undefined ? [] : validateName(field, value);
    return [
      ...shape,
      ...validateGuid("subaccountId", props.subaccountId),
      ...(props.destinationName === undefined
        ? []
        : validateDestinationName("destinationName", props.destinationName)),
      ...optionalName("destinationDescription", props.destinationDescription),
      ...optionalName("serviceInstanceName", props.serviceInstanceName),
      ...optionalName("serviceKeyName", props.serviceKeyName),
      ...(props.keyRotationDays === undefined
        ? []
        : ApiPortalServiceKey.validateRotationDays("keyRotationDays", props.keyRotationDays)),
      ...ApiManagementSource.validateAdoption(props),
      ...ApiManagementSource.validateCloudFoundry(props),
    ];
  }

  private static validateCloudFoundry(props: ApiManagementSourceProps): string[] {
    const { cloudFoundry } = props;
    if (cloudFoundry === undefined) return [];
    const shape = validatePropShape("cloudFoundry", cloudFoundry, CLOUD_FOUNDRY_SHAPE);
    if (cloudFoundry === null || typeof cloudFoundry !== "object" || Array.isArray(cloudFoundry))
      return shape;
    return [...shape, ...validateGuid("cloudFoundry.spaceId", cloudFoundry.spaceId)];
  }

  private static validateAdoption(props: ApiManagementSourceProps): string[] {
    const { adopt } = props;
    if (adopt === undefined) return [];
    const shape = validatePropShape("adopt", adopt, ADOPTION_SHAPE);
    if (adopt === null || typeof adopt !== "object" || Array.isArray(adopt)) return shape;
    const problems = [...shape];
    for (const field of ["serviceInstanceId", "serviceKeyId"] as const) {
      const value = adopt[field];
      if (value !== undefined) problems.push(...validateGuid(`adopt.${field}`, value));
    }
    const { entitlement, serviceKeyId } = adopt;
    if (entitlement === true && props.createEntitlement === false) {
      problems.push(
        "adopt.entitlement true contradicts createEntitlement false: there is no entitlement to import into",
      );
    }
    if (serviceKeyId !== undefined && props.keyRotationDays !== undefined) {
      problems.push(
        `adopt.serviceKeyId ${JSON.stringify(serviceKeyId)} cannot be combined with keyRotationDays: a rotated key ` +
          "gets a dated name, so the adopted key would be replaced at once; adopt first, turn on rotation in a later deploy",
      );
    }
    if (serviceKeyId !== undefined && props.serviceKeyName === undefined) {
      problems.push(
        `adopt.serviceKeyId ${JSON.stringify(serviceKeyId)} needs serviceKeyName, the name the key has in the cockpit: ` +
          "with another name Terraform would plan an in-place rename, which the provider refuses at apply",
      );
    }
    return problems;
  }

  /**
   * The problems of setups that share a subaccount (compared in any letter case, as BTP compares
   * GUIDs): two destinations or instances of one name, or more than one declaring the entitlement.
   * A stack's sources are checked by this rule at synth; an app checks setups it keeps apart (one
   * stack each) with it before it builds them.
   */
  public static subaccountClashes(occupants: readonly SubaccountOccupant[]): string[] {
    const problems: string[] = [];
    const list = (group: readonly SubaccountOccupant[]) => group.map((o) => o.label).join(" and ");
    for (const sharing of groups(occupants, (o) => o.subaccountId.toLowerCase())) {
      const subaccount = sharing[0].subaccountId;
      for (const field of ["destinationName", "serviceInstanceName"] as const) {
        for (const same of groups(sharing, (o) => o[field])) {
          problems.push(
            `${list(same)} share subaccount ${subaccount} and ${field} ${JSON.stringify(same[0][field])}; ` +
              "one subaccount cannot hold two of one name",
          );
        }
      }
      const owners = sharing.filter((o) => o.declaresEntitlement);
      if (owners.length > 1) {
        problems.push(
          `${list(owners)} share subaccount ${subaccount} and each declares its API portal entitlement; ` +
            "one Terraform resource must own it: set createEntitlement false on all but one",
        );
      }
    }
    return problems;
  }

  /** The stacks whose sources are checked together at synth, so each is checked once. */
  private static readonly checkedStacks = new WeakSet<TerraformStack>();

  /**
   * Registers, once per stack, the check that all its sources fit their subaccounts (no two of one
   * name, one entitlement each): it runs at synth, when every source exists, whatever their order.
   */
  private static checkSubaccountsAtSynth(stack: TerraformStack): void {
    if (ApiManagementSource.checkedStacks.has(stack)) return;
    ApiManagementSource.checkedStacks.add(stack);
    stack.node.addValidation({
      validate: () =>
        ApiManagementSource.subaccountClashes(
          stack.node
            .findAll()
            .filter((c): c is ApiManagementSource => c instanceof ApiManagementSource)
            .filter((source) => typeof source.subaccountId === "string" && !holdsToken(source.subaccountId))
            .map((source) => ({
              label: source.node.path,
              subaccountId: source.subaccountId,
              destinationName: source.destinationName,
              serviceInstanceName: source.serviceInstanceName,
              declaresEntitlement: source.entitlement !== undefined,
            })),
        ),
    });
  }

  /** The entitlement, or undefined when `createEntitlement` is false; its `resource` is the Terraform resource. */
  public readonly entitlement?: ApiPortalEntitlement;

  /** The API portal service instance, in the "Other" environment or in Cloud Foundry; `node.defaultChild` is its Terraform resource. */
  public readonly serviceInstance: IServiceInstance;

  /** The service key whose credentials feed the destination; `node.defaultChild` is its Terraform resource. */
  public readonly serviceKey: IServiceKey;

  /** The `APIManagement` destination; its `resource` is the Terraform resource, its `url` the transport URL. */
  public readonly destination: ApiManagementDestination;

  /** The destination's name, as the content transport looks it up. */
  public readonly destinationName: string;

  /** The post-deploy connection check, unless `connectionCheck` is false. */
  public readonly connectionCheck?: ApiManagementConnectionCheck;

  /** The import blocks of the adopted objects, by what they adopt. */
  public readonly imports: Partial<Record<keyof ApiManagementSourceAdoption, ImportBlock>> = {};

  /** The source subaccount's ID. */
  public readonly subaccountId: string;

  /** The service instance's name. */
  public readonly serviceInstanceName: string;

  public constructor(scope: Construct, id: string, props: ApiManagementSourceProps) {
    super(scope, id);
    // Props that are no object at all (from JavaScript) are refused before anything reads them.
    if (props === null || typeof props !== "object") throwIfInvalid(this, validatePropShape("", props, {}));
    const { subaccountId } = props;
    this.subaccountId = subaccountId;
    this.serviceInstanceName = props.serviceInstanceName ?? ApiPortalServiceInstance.DEFAULT_NAME;
    this.destinationName = props.destinationName ?? ApiManagementDestination.DEFAULT_NAME;
    // Checked here as a whole so that one synth reports every broken prop, not just the first.
    throwIfInvalid(this, ApiManagementSource.validateProps(props));
    ApiManagementSource.checkSubaccountsAtSynth(TerraformStack.of(this));

    if (props.createEntitlement ?? true) {
      this.entitlement = new ApiPortalEntitlement(this, "entitlement", { subaccountId });
    }
    const dependsOn = this.entitlement ? [this.entitlement.resource] : undefined;
    const { serviceKeyName, keyRotationDays: rotationDays } = props;
    const name = props.serviceInstanceName;
    let instance: ApiPortalServiceInstance | ApiPortalCloudFoundryInstance;
    let key: ApiPortalServiceKey | CloudFoundryServiceKey;
    if (props.cloudFoundry) {
      // The entitlement stays BTP's; the instance and key are made in the space, as SAP documents.
      const { spaceId } = props.cloudFoundry;
      instance = new ApiPortalCloudFoundryInstance(this, "service-instance", { spaceId, name, dependsOn });
      key = new CloudFoundryServiceKey(this, "service-key", {
        serviceInstance: instance,
        name: serviceKeyName ?? ApiPortalServiceKey.DEFAULT_NAME,
        rotationDays,
      });
    } else {
      instance = new ApiPortalServiceInstance(this, "service-instance", { subaccountId, name, dependsOn });
      key = new ApiPortalServiceKey(this, "service-key", {
        subaccountId,
        serviceInstance: instance,
        name: serviceKeyName,
        rotationDays,
      });
    }
    this.serviceInstance = instance;
    this.serviceKey = key;
    this.destination = new ApiManagementDestination(this, "destination", {
      subaccountId,
      serviceKey: this.serviceKey,
      name: props.destinationName,
      description: props.destinationDescription,
    });

    if (props.connectionCheck ?? true) {
      this.connectionCheck = new ApiManagementConnectionCheck(this, "connection-check", {
        serviceKey: this.serviceKey,
        destinationUrl: this.destination.url,
      });
    }
    this.addImports(props, instance.resource, key.resource);
  }

  /** Import IDs as the providers document them: SAP/btp's composite IDs, Cloud Foundry's GUIDs. */
  private addImports(
    props: ApiManagementSourceProps,
    instance: TerraformResource,
    key: TerraformResource,
  ): void {
    const { subaccountId, adopt = {} } = props;
    const guidImportId = (guid: string) => (props.cloudFoundry ? guid : `${subaccountId},${guid}`);
    const imports: Array<[keyof ApiManagementSourceAdoption, TerraformResource | undefined, string | false]> =
      [
        [
          "entitlement",
          this.entitlement?.resource,
          adopt.entitlement === true &&
            `${subaccountId},${ApiPortalEntitlement.SERVICE_NAME},${ApiPortalEntitlement.PLAN_NAME}`,
        ],
        [
          "serviceInstanceId",
          instance,
          adopt.serviceInstanceId !== undefined && guidImportId(adopt.serviceInstanceId),
        ],
        ["serviceKeyId", key, adopt.serviceKeyId !== undefined && guidImportId(adopt.serviceKeyId)],
        [
          "destination",
          this.destination.resource,
          adopt.destination === true && `${subaccountId},${this.destinationName}`,
        ],
      ];
    for (const [what, resource, importId] of imports) {
      if (resource && importId) {
        this.imports[what] = new ImportBlock(this, `import-${what}`, { resource, importId });
      }
    }
  }
}

/** The groups of more than one that share a key, in the order of their first member. */
function groups<T>(items: readonly T[], key: (item: T) => string): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) byKey.set(key(item), [...(byKey.get(key(item)) ?? []), item]);
  return [...byKey.values()].filter((group) => group.length > 1);
}
