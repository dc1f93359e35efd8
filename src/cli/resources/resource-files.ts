// Reading a resource file for create/apply/replace/delete -f: every document validated before anything changes.
import { CniError, ErrorCode } from "../../errors.js";
import { parseResourceDocuments } from "../../pool/split-documents.js";
import type { CommandContext } from "../framework/context.js";
import type { ResourceDescriptor, Target } from "./resource-descriptor.js";
import { RESOURCE_KINDS, documentKind } from "./resource-kinds.js";

export interface FileTarget<T> extends Target<T> {
  readonly resource: T;
  readonly document: string;
  readonly warnings: readonly string[];
}

/** The resources of one kind in a file, in file order. */
export interface FileKind<T> {
  readonly descriptor: ResourceDescriptor<T>;
  readonly targets: FileTarget<T>[];
}

/**
 * Each document goes to the schema its kind names. If any is invalid, the error lists each bad
 * one and nothing is applied, so a file never lands half-way. Returns the kinds the file holds,
 * in RESOURCE_KINDS order.
 */
export async function loadResourceFile(ctx: CommandContext, path: string): Promise<FileKind<unknown>[]> {
  const source = path === "-" ? "stdin" : path;
  const docs = parseResourceDocuments(await ctx.readInput(path), source);
  const problems: string[] = [];
  const kinds = RESOURCE_KINDS.map((descriptor): FileKind<unknown> => ({ descriptor, targets: [] }));
  const firstWhere = new Map<string, string>();
  for (const doc of docs) {
    try {
      const where = `${source}: ${doc.where}`;
      const { descriptor, targets } = kinds.find((kind) => kind.descriptor === documentKind(doc.value.kind))!;
      const { resource, warnings } = descriptor.parse(doc.value, where);
      const id = descriptor.idOf(resource);
      const label = `${descriptor.noun} ${id}`;
      const earlier = firstWhere.get(label);
      if (earlier) problems.push(`${where}: ${descriptor.idField}: ${label} is also given in ${earlier}`);
      firstWhere.set(label, earlier ?? doc.where);
      targets.push({ id, resource, where, document: doc.where, warnings });
    } catch (error) {
      if (!(error instanceof CniError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) {
    throw new CniError(
      ErrorCode.invalidConfig,
      problems.join("; "),
      "nothing was changed; fix the file and run the command again",
    );
  }
  return kinds.filter((kind) => kind.targets.length > 0);
}
