import { ServiceKey } from "./service-key";
import { StackJson, onlyResource } from "./synth";
import { evaluateInTerraform } from "./terraform-eval";

/**
 * What Terraform puts into the destination of `stack` once its service key exists with `key` as
 * credentials: the synthesized `destination_configuration` expression, evaluated by Terraform.
 */
export async function deployedDestination(
  stack: StackJson,
  key: ServiceKey,
): Promise<Record<string, unknown>> {
  // Throw unless the stack has exactly one key and one destination, so which one is meant is clear.
  // A BTP service binding holds the key as `credentials`; a Cloud Foundry credential binding holds
  // Cloud Foundry's binding details, the key under `credentials`, as the provider returns them.
  const reference = stack.resource.cloudfoundry_service_credential_binding
    ? {
        [`cloudfoundry_service_credential_binding.${onlyResource(stack, "cloudfoundry_service_credential_binding").name}.credential_binding`]:
          JSON.stringify({ credentials: key, volume_mounts: [] }),
      }
    : {
        [`btp_subaccount_service_binding.${onlyResource(stack, "btp_subaccount_service_binding").name}.credentials`]:
          JSON.stringify(key),
      };
  const destination = onlyResource(stack, "btp_subaccount_destination_generic").body;
  const { configuration } = evaluateInTerraform(
    { configuration: destination.destination_configuration as string },
    reference,
  );
  return JSON.parse(configuration as string) as Record<string, unknown>;
}
