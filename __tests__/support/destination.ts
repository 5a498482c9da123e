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
  const binding = onlyResource(stack, "btp_subaccount_service_binding").name;
  const destination = onlyResource(stack, "btp_subaccount_destination_generic").body;
  const { configuration } = evaluateInTerraform(
    { configuration: destination.destination_configuration as string },
    { [`btp_subaccount_service_binding.${binding}.credentials`]: JSON.stringify(key) },
  );
  return JSON.parse(configuration as string) as Record<string, unknown>;
}
