// Turns a zod failure into one readable line that names each offending field by its path.
import type { core } from "zod/mini";

export function describeIssues(error: core.$ZodError, pathPrefix = ""): string {
  return error.issues
    .map((issue) => {
      const path = joinPath(pathPrefix, issue.path);
      if (issue.code === "unrecognized_keys") {
        return issue.keys.map((key) => `unknown field ${joinPath(path, [key])}`).join("; ");
      }
      return `${path || "document"}: ${issue.message}`;
    })
    .join("; ");
}

/** True when every problem is an unknown field, which the CNI spec reports as code 2. */
export const onlyUnknownFields = (error: core.$ZodError): boolean =>
  error.issues.every((issue) => issue.code === "unrecognized_keys");

function joinPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const part of path) out += typeof part === "number" ? `[${part}]` : `${out ? "." : ""}${String(part)}`;
  return out;
}
