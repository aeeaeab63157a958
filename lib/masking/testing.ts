// Pure: no I/O. Rules for the masking tests, written the way an administrator writes the file.
import { parseMaskingRules, type MaskingRule } from "./rules";

export function rules(...list: object[]): MaskingRule[] {
  return parseMaskingRules(JSON.stringify({ rules: list }));
}
