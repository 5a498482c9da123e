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
  const destination = onlyResource(stack, "btp_subaccount_destination_generic").body;
  const { configuration } = evaluateInTerraform(
    { configuration: destination.destination_configuration as string },
    keyReference(stack, key),
  );
  return JSON.parse(configuration as string) as Record<string, unknown>;
}

/**
 * The one service key of `stack` as `evaluateInTerraform` takes it: the key's reference, with the
 * value its provider gives it once it holds `key`.
 */
export function keyReference(stack: StackJson, key: ServiceKey): Record<string, string> {
  // onlyResource throws unless the stack has exactly one key, so which one is meant is clear.
  // A BTP service binding holds the key as `credentials`; a Cloud Foundry credential binding holds
  // Cloud Foundry's binding details, the key under `credentials`, as the provider returns them.
  return stack.resource.cloudfoundry_service_credential_binding
    ? {
        [`cloudfoundry_service_credential_binding.${onlyResource(stack, "cloudfoundry_service_credential_binding").name}.credential_binding`]:
          JSON.stringify({ credentials: key, volume_mounts: [] }),
      }
    : {
        [`btp_subaccount_service_binding.${onlyResource(stack, "btp_subaccount_service_binding").name}.credentials`]:
          JSON.stringify(key),
      };
}
