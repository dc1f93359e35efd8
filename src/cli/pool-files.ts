// Reading a pool file for create/apply/replace/delete -f: every document validated before anything changes.
import { CniError, ErrorCode } from "../cni/errors.js";
import { parseResourceDocuments } from "../pool/documents.js";
import { parsePoolDocument, type Pool } from "../pool/resource.js";
import type { CommandContext } from "./context.js";

export interface FilePool {
  readonly pool: Pool;
  /** "pools.yaml: document 2", for messages. */
  readonly where: string;
  /** "document 2", to name it in a message about another document of the same file. */
  readonly document: string;
  readonly warnings: readonly string[];
}

/**
 * The plugin's own schema (parsePoolDocument) validates every document; if any is invalid,
 * the error lists each bad one and nothing is applied, so a file never lands half-way.
 */
export async function loadPoolFile(ctx: CommandContext, path: string): Promise<FilePool[]> {
  const source = path === "-" ? "stdin" : path;
  const docs = parseResourceDocuments(await ctx.readInput(path), source);
  const problems: string[] = [];
  const pools: FilePool[] = [];
  const firstWhere = new Map<string, string>();
  for (const doc of docs) {
    try {
      const where = `${source}: ${doc.where}`;
      const { pool, warnings } = parsePoolDocument(doc.value, where);
      const earlier = firstWhere.get(pool.id);
      if (earlier) problems.push(`${where}: metadata.cidr: pool ${pool.id} is also given in ${earlier}`);
      firstWhere.set(pool.id, earlier ?? doc.where);
      pools.push({ pool, where, document: doc.where, warnings });
    } catch (error) {
      if (!(error instanceof CniError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) {
    throw new CniError(ErrorCode.invalidConfig, problems.join("; "), "nothing was changed; fix the file and run the command again");
  }
  return pools;
}
