// The one rule for a node's name, the node resource's (as Calico's): checked wherever a name enters.
import * as z from "zod/mini";

/** DNS-1123 style, as Calico and Kubernetes name nodes; it also keeps "/", "." and ".." out of store keys. */
const NODE_NAME_PATTERN = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const MAX_NODE_NAME_LENGTH = 253;

/**
 * Why `name` could not be a node record's metadata.name, or undefined when it could. The plugin,
 * the CLI's --nodename and the node resource all ask this, so a block is never claimed for a node
 * that `ippool node register` would refuse.
 */
export function nodeNameProblem(name: string): string | undefined {
  if (name.length > MAX_NODE_NAME_LENGTH) return `a node name may be at most ${MAX_NODE_NAME_LENGTH} characters`;
  if (!NODE_NAME_PATTERN.test(name))
    return "a node name is lower-case letters, digits, '-' and '.', starting and ending with a letter or digit";
  return undefined;
}

/** The rule as a schema field: metadata.name of a node, ipam.nodename of a netconf. */
export const nodeNameSchema = z
  .string()
  .check(
    z.refine((name) => nodeNameProblem(name) === undefined, { error: (issue) => nodeNameProblem(String(issue.input)) }),
  );
