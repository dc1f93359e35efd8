// Reading a resource file for create/apply/replace/delete -f: every document validated before anything changes.
import { CniError, ErrorCode } from "../../errors.js";
import { parseResourceDocuments } from "../../pool/split-documents.js";
import { parsePoolDocument, type Pool } from "../../pool/resource.js";
import { parseNodeDocument, type Node } from "../../node/resource.js";
import type { CommandContext } from "../framework/context.js";

interface FileResource {
  /** "pools.yaml: document 2", for messages. */
  readonly where: string;
  /** "document 2", to name it in a message about another document of the same file. */
  readonly document: string;
  readonly warnings: readonly string[];
}

export interface FilePool extends FileResource {
  readonly pool: Pool;
}

export interface FileNode extends FileResource {
  readonly node: Node;
}

export interface ResourceFile {
  readonly pools: FilePool[];
  readonly nodes: FileNode[];
}

/**
 * Each document goes to the schema its kind names: `node` to the node resource, anything else
 * to the pool schema (whose message names a wrong kind). If any is invalid, the error lists each
 * bad one and nothing is applied, so a file never lands half-way.
 */
export async function loadResourceFile(ctx: CommandContext, path: string): Promise<ResourceFile> {
  const source = path === "-" ? "stdin" : path;
  const docs = parseResourceDocuments(await ctx.readInput(path), source);
  const problems: string[] = [];
  const file: ResourceFile = { pools: [], nodes: [] };
  const firstWhere = new Map<string, string>();
  const noteIdentity = (identity: string, field: string, label: string, where: string, document: string) => {
    const earlier = firstWhere.get(identity);
    if (earlier) problems.push(`${where}: ${field}: ${label} is also given in ${earlier}`);
    firstWhere.set(identity, earlier ?? document);
  };
  for (const doc of docs) {
    try {
      const where = `${source}: ${doc.where}`;
      if (doc.value.kind === "node") {
        const { node, warnings } = parseNodeDocument(doc.value, where);
        noteIdentity(`node ${node.name}`, "metadata.name", `node ${node.name}`, where, doc.where);
        file.nodes.push({ node, where, document: doc.where, warnings });
      } else {
        const { pool, warnings } = parsePoolDocument(doc.value, where);
        noteIdentity(`pool ${pool.id}`, "metadata.cidr", `pool ${pool.id}`, where, doc.where);
        file.pools.push({ pool, where, document: doc.where, warnings });
      }
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
  return file;
}
