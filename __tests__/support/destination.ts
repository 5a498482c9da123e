import { evaluateDestinations } from "../../scripts/lib/destination-preview";
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
  // Throw unless the stack has exactly one key and one destination, so which one is meant is clear.
  onlyResource(stack, "btp_subaccount_service_binding");
  onlyResource(stack, "btp_subaccount_destination_generic");
  const [destination] = await evaluateDestinations(stack, JSON.stringify(key));
  return destination;
}
