// Turns a zod failure into one readable line: each offending field by its path, what was given and what is accepted.
import type { core } from "zod/mini";

/**
 * libcni's rule for container ids and network names; they become store key segments, so the
 * stored documents hold them to it as well.
 */
export const NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/**
 * Parse options every validation passes, so each issue carries the value it rejected. zod/mini
 * ships no messages ("Invalid input" for everything), so the words come from the issue's code.
 */
export const REPORT_INPUT = { reportInput: true } as const;

/** zod/mini's message for an issue it has no words for; anything else is a message the schema wrote. */
const GENERIC_MESSAGE = "Invalid input";

export function describeIssues(error: core.$ZodError, pathPrefix = ""): string {
  return error.issues
    .map((issue) => {
      const path = joinPath(pathPrefix, issue.path);
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => `unknown field ${joinPath(path, [key])}`).join("; ");
      }
      return `${path || "document"}: ${describeIssue(issue)}`;
    })
    .join("; ");
}

/** "expected "first-address" or "none", got "first"", or the schema's own message with the value given. */
function describeIssue(issue: core.$ZodIssue): string {
  const input = rejectedValue(issue);
  const given = input !== undefined ? `got ${describeValue(input)}` : "missing";
  if (issue.message !== GENERIC_MESSAGE)
    return given === "missing" ? `${issue.message} (missing)` : `${issue.message} (${given})`;
  const accepted = acceptedBy(issue);
  if (given === "missing") return accepted.length > 0 ? `missing; expected ${orList(accepted)}` : "missing";
  return accepted.length > 0 ? `expected ${orList(accepted)}, ${given}` : `not accepted (${given})`;
}

/** The value an issue rejects: a discriminated union reports its whole object under the discriminator's path. */
function rejectedValue(issue: core.$ZodIssue): unknown {
  const input = "input" in issue ? issue.input : undefined;
  const key = issue.path[issue.path.length - 1];
  if (issue.code !== "invalid_union" || typeof input !== "object" || input === null || typeof key !== "string")
    return input;
  return (input as Record<string, unknown>)[key];
}

/** What the schema behind one issue accepts, as phrases to join with "or" (a union's branches each add theirs). */
function acceptedBy(issue: core.$ZodIssue): string[] {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "boolean" ? ["true", "false"] : [TYPE_WORDS[issue.expected] ?? `a ${issue.expected}`];
    case "invalid_value":
      return issue.values.map((value) => JSON.stringify(value) ?? String(value));
    case "too_small":
      return [
        `${bound(issue.origin, issue.inclusive, "at least", "more than")} ${String(issue.minimum)}${unitOf(issue.origin)}`,
      ];
    case "too_big":
      return [
        `${bound(issue.origin, issue.inclusive, "at most", "less than")} ${String(issue.maximum)}${unitOf(issue.origin)}`,
      ];
    case "invalid_union":
      // Only a branch's own issues (an empty path) say what the value itself could have been.
      return [
        ...new Set(
          issue.errors.flatMap((branch) => branch.filter((inner) => inner.path.length === 0).flatMap(acceptedBy)),
        ),
      ];
    default:
      return [];
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "an integer",
  object: "an object",
  array: "a list",
};

const bound = (origin: string, inclusive: boolean | undefined, inclusiveWord: string, exclusiveWord: string): string =>
  origin === "number" || origin === "int" || origin === "bigint"
    ? `a number ${inclusive ? inclusiveWord : exclusiveWord}`
    : inclusiveWord;

const unitOf = (origin: string): string =>
  origin === "string" ? " character(s)" : origin === "array" || origin === "set" ? " entry(ies)" : "";

const orList = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} or ${items[items.length - 1]}`;

/** A rejected value in a few words: scalars as JSON (cut short), containers by their kind. */
function describeValue(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "an empty list" : `a list of ${value.length}`;
  if (typeof value === "object" && value !== null) return "an object";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** True when every problem is an unknown field, which the CNI spec reports as code 2. */
export const onlyUnknownFields = (error: core.$ZodError): boolean =>
  error.issues.every((issue) => issue.code === "unrecognized_keys");

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) out += typeof part === "number" ? `[${part}]` : `${out ? "." : ""}${String(part)}`;
  return out;
}
