// Every resource kind the CLI knows, and the TYPE word or document that names one.
import { UsageError } from "../framework/context.js";
import { nodeDescriptor } from "./node-descriptor.js";
import { poolDescriptor } from "./pool-descriptor.js";
import type { ResourceDescriptor } from "./resource-descriptor.js";

/** In the order a file's results are reported. */
export const RESOURCE_KINDS: readonly ResourceDescriptor<unknown>[] = [poolDescriptor, nodeDescriptor];

/** Checks the TYPE argument and says which kind it names. */
export function resourceType(word: string | undefined, command: string): ResourceDescriptor<unknown> {
  const accepted = `accepted types: ${RESOURCE_KINDS.flatMap((kind) => kind.aliases).join(", ")} (any case)`;
  if (word === undefined) throw new UsageError(`'ippool ${command}' needs a resource TYPE; ${accepted}`, command);
  const descriptor = RESOURCE_KINDS.find((kind) => kind.aliases.includes(word.toLowerCase()));
  if (!descriptor) throw new UsageError(`unknown resource type '${word}'; ${accepted}`, command);
  return descriptor;
}

/** The kind a document's `kind` names; any other goes to the pool schema, whose message names the wrong kind. */
export const documentKind = (kind: unknown): ResourceDescriptor<unknown> =>
  RESOURCE_KINDS.find((descriptor) => descriptor.kind === kind) ?? poolDescriptor;
