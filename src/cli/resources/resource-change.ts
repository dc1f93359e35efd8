// What create/apply/replace/delete report per resource, and the one decision every kind makes for create, apply and replace.
import type { ResourceKind } from "./resource-type.js";

export type Verb = "create" | "apply" | "replace" | "delete";
export type Result = "created" | "configured" | "unchanged" | "replaced" | "deleted";

export interface Outcome {
  readonly done: { kind: ResourceKind; id: string; result: Result }[];
  readonly failed: string[];
  readonly warnings: string[];
  /** Further lines for stdout after the results (what delete --release-blocks handed back). */
  readonly notes: string[];
}

/** A resource of FILE against the stored one of its kind and name. */
export interface Change<T> {
  readonly kind: ResourceKind;
  readonly id: string;
  readonly existing: T | undefined;
  readonly next: T;
  /** The commands that add one, for the error of a replace that finds none. */
  readonly addWith: string;
}

/**
 * calicoctl's rule: create fails for a resource that exists, replace for one that does not, and
 * apply does either; a resource equal to the stored one is "unchanged" and need not be written.
 */
export function decideChange<T>(
  verb: Exclude<Verb, "delete">,
  change: Change<T>,
  same: (a: T, b: T) => boolean,
): { result: Result } | { failure: string } {
  const { kind, id, existing, next } = change;
  if (verb === "create" && existing)
    return { failure: `${kind} ${id} already exists; change it with 'ippool apply' or 'ippool replace'` };
  if (verb === "replace" && !existing)
    return { failure: `${kind} ${id} does not exist; add it with ${change.addWith}` };
  return {
    result: !existing ? "created" : same(existing, next) ? "unchanged" : verb === "replace" ? "replaced" : "configured",
  };
}
