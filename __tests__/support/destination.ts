import { evaluateTemplate } from "../../scripts/lib/terraform-expression";
import { ServiceKey } from "./service-key";
import { StackJson, onlyResource } from "./synth";

/**
 * What Terraform would put into the destination of `stack` once its service key exists with
 * `key` as credentials: the synthesized `destination_configuration` expression, evaluated.
 */
export async function deployedDestination(
  stack: StackJson,
  key: ServiceKey,
): Promise<Record<string, unknown>> {
  const binding = onlyResource(stack, "btp_subaccount_service_binding");
  const destination = onlyResource(stack, "btp_subaccount_destination_generic");
  const configuration = await evaluateTemplate(destination.body.destination_configuration as string, {
    [`btp_subaccount_service_binding.${binding.name}.credentials`]: JSON.stringify(key),
  });
  return JSON.parse(configuration as string) as Record<string, unknown>;
}
