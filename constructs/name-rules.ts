import { nearestName, spelling } from "./private/did-you-mean";
import { validateName } from "./private/validation";

/**
 * The rules the constructs apply to names, for names a stack takes from its users beside the
 * constructs' props (a global account, an option of a configuration file), so one rule answers both.
 */
export abstract class NameRules {
  /**
   * The problems of a name (not a string, blank, a control or invisible character, longer than
   * `maxLength`), each naming `field` and the value; empty when it is fine.
   */
  public static problems(field: string, value: string, maxLength?: number): string[] {
    return validateName(field, value, maxLength);
  }

  /** The known name a mistyped one most likely meant (`regoin` for `region`), or undefined. */
  public static nearest(name: string, known: readonly string[]): string | undefined {
    return nearestName(name, known);
  }

  /** Whether two names are one name spelt differently: `secret_key`, `SecretKey` and `secret-key` are. */
  public static sameSpelling(a: string, b: string): boolean {
    return spelling(a) === spelling(b);
  }
}
