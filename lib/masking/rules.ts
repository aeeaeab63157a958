// Pure: no I/O.
// The masking rules file: its shape (validated with zod) and the rules compiled for use. A bad rule is
// reported in one line that names it, so a wrong rule stops start-up instead of leaking or over-hiding.
import { JSONPath } from "jsonpath-plus";
import { z } from "zod";
import { TOPIC_GLOB, topicGlobToRegExp } from "./topic-glob";

type RuleBase = { name: string; topic: string; topicPattern: RegExp };
/** A rule that looks inside values: where it looks (message payloads, header values or both). */
type Scoped = { payload: boolean; headers: boolean };
export type JsonPathRule = RuleBase & Scoped & { kind: "jsonPath"; path: string };
export type RegexRule = RuleBase & Scoped & { kind: "regex"; pattern: RegExp };
/** Hides the whole value of a header, found by name (any case). */
export type HeaderRule = RuleBase & { kind: "header"; header: string };
export type MaskingRule = JsonPathRule | RegexRule | HeaderRule;

const RuleInput = z.strictObject({
  name: z.string().trim().min(1, "needs a name").max(100, "name is at most 100 characters"),
  topic: z.string().max(300).regex(TOPIC_GLOB, "topic is a glob of letters, digits, '.', '_', '-', '*' and '?'"),
  jsonPath: z.string().min(1).max(500).optional(),
  regex: z.string().min(1).max(1_000).optional(),
  flags: z.string().regex(/^[imsu]*$/, "flags are any of i, m, s and u").optional(),
  header: z.string().trim().min(1).max(300).optional(),
  in: z.array(z.enum(["payload", "headers"])).min(1, "in names payload, headers or both").optional(),
});
type RuleInput = z.infer<typeof RuleInput>;

const RulesFile = z.strictObject({ rules: z.array(z.unknown()).max(1_000, "at most 1,000 rules") });

/** A problem with the rules file, as one line. */
export class MaskingRulesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MaskingRulesError";
  }
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const path = issue?.path.join(".") ?? "";
  return `${path === "" ? "" : `${path}: `}${issue?.message ?? "invalid"}`;
}

/** The rules in a rules file's text; a MaskingRulesError naming the first bad rule otherwise. */
export function parseMaskingRules(text: string): MaskingRule[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new MaskingRulesError(`is not JSON: ${error instanceof Error ? error.message.split("\n")[0] : "unreadable"}`);
  }
  const file = RulesFile.safeParse(json);
  if (!file.success) throw new MaskingRulesError(`expected {"rules": [...]}: ${firstIssue(file.error)}`);
  const names = new Set<string>();
  return file.data.rules.map((raw, i) => {
    const label = (name?: string) => `rule ${i + 1}${name ? ` ("${name}")` : ""}`;
    const input = RuleInput.safeParse(raw);
    const rawName = typeof raw === "object" && raw !== null && "name" in raw && typeof raw.name === "string" ? raw.name : undefined;
    if (!input.success) throw new MaskingRulesError(`${label(rawName)}: ${firstIssue(input.error)}`);
    const rule = input.data;
    if (names.has(rule.name)) throw new MaskingRulesError(`${label(rule.name)}: another rule has this name`);
    names.add(rule.name);
    const problem = compileProblem(rule);
    if (typeof problem === "string") throw new MaskingRulesError(`${label(rule.name)}: ${problem}`);
    return problem;
  });
}

/** The compiled rule, or what is wrong with it. */
function compileProblem(rule: RuleInput): MaskingRule | string {
  const kinds = [rule.jsonPath, rule.regex, rule.header].filter((v) => v !== undefined).length;
  if (kinds !== 1) return "needs exactly one of jsonPath, regex or header";
  const base = { name: rule.name, topic: rule.topic, topicPattern: topicGlobToRegExp(rule.topic) };
  const scope = { payload: rule.in?.includes("payload") ?? true, headers: rule.in?.includes("headers") ?? true };
  if (rule.flags !== undefined && rule.regex === undefined) return "flags go with a regex";
  if (rule.header !== undefined) {
    if (rule.in !== undefined) return "\"in\" is for jsonPath and regex rules; a header rule hides that header's whole value";
    return { ...base, kind: "header", header: rule.header.toLowerCase() };
  }
  if (rule.regex !== undefined) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(rule.regex, `g${rule.flags ?? ""}`);
    } catch (error) {
      return `regex is not a valid regular expression (${error instanceof Error ? error.message : "invalid"})`;
    }
    // A pattern that matches nothing at all would put a marker between every two characters.
    if (pattern.test("")) return "regex matches the empty string, so it would mask everywhere";
    pattern.lastIndex = 0;
    return { ...base, ...scope, kind: "regex", pattern };
  }
  const path = rule.jsonPath ?? "";
  const pathProblem = jsonPathProblem(path);
  return pathProblem ?? { ...base, ...scope, kind: "jsonPath", path };
}

function jsonPathProblem(path: string): string | null {
  if (!path.startsWith("$")) return `jsonPath must start with $ (got "${path}")`;
  const unquoted = path.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "");
  let depth = 0;
  for (const char of unquoted) {
    depth += char === "[" ? 1 : char === "]" ? -1 : 0;
    if (depth < 0 || depth > 1) break;
  }
  if (depth !== 0) return `jsonPath has unbalanced brackets (got "${path}")`;
  // Filters and scripts would run code per message; paths, wildcards, slices and .. are enough to find fields.
  if (/[?(]/.test(unquoted)) return `jsonPath filter and script expressions ([?(...)], [(...)]) are not supported (got "${path}")`;
  try {
    JSONPath({ path, json: { probe: [{ probe: 1 }] }, resultType: "pointer", eval: false, wrap: true });
  } catch (error) {
    return `jsonPath is not valid (${error instanceof Error ? error.message : "invalid"})`;
  }
  return null;
}
