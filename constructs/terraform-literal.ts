import { templateLiteral, templateLiterals } from "./private/terraform-strings";

/**
 * User text for the synthesized JSON that Terraform reads back byte for byte, for arguments a stack
 * sets itself (a provider's global account, a backend's options): cdktf writes a string as it is,
 * and Terraform would read `${` and `%{` in it as a template. The constructs do this for their own props.
 */
export abstract class TerraformLiteral {
  /** `value` as a string attribute of Terraform's JSON syntax; a cdktf token is left as it is. */
  public static string(value: string): string {
    return templateLiteral(value);
  }

  /** `value` with every string in it, at any depth, a {@link TerraformLiteral.string}. */
  public static deep<T>(value: T): T {
    return templateLiterals(value) as T;
  }
}
