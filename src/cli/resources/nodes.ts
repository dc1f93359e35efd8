// The node resource in the CLI: its part of create/apply/replace/delete.
import { listBlocks, releaseEmptyBlocks } from "../../ipam/blocks.js";
import { nodeToDocument, type Node } from "../../node/resource.js";
import { deleteStoredNode, readStoredNode, writeStoredNode } from "../../ipam/stored-nodes.js";
import type { StoreTxn } from "../../store/store.js";
import { decideChange, type Outcome, type Result, type Verb } from "./resource-change.js";

export interface NodeTarget {
  readonly name: string;
  /** The new resource; absent for delete by name. */
  readonly node?: Node;
  readonly where: string;
}

export const sameNode = (a: Node, b: Node): boolean =>
  JSON.stringify(nodeToDocument(a)) === JSON.stringify(nodeToDocument(b));

export interface NodeChangeFlags {
  readonly force: boolean;
  /** delete: hand the node's empty blocks back too, so other nodes may claim them. */
  readonly releaseBlocks: boolean;
}

/** The node half of a file verb, inside the command's one transaction; a node that cannot change fails alone. */
export async function changeNodes(
  txn: StoreTxn,
  verb: Verb,
  targets: readonly NodeTarget[],
  flags: NodeChangeFlags,
  outcome: Outcome,
): Promise<void> {
  const blocks = verb === "delete" && targets.length > 0 ? await listBlocks(txn) : [];
  for (const target of targets) {
    const existing = await readStoredNode(txn, target.name);
    const fail = (message: string) => outcome.failed.push(target.where ? `${target.where}: ${message}` : message);
    let result: Result;
    if (verb === "delete") {
      if (!existing) {
        fail(`node ${target.name} does not exist`);
        continue;
      }
      const holding = blocks.filter((block) => block.node === target.name && block.used > 0);
      if (holding.length > 0) {
        const used = holding.reduce((sum, block) => sum + block.used, 0);
        const which = holding.map((block) => block.cidr).join(", ");
        if (!flags.force) {
          fail(
            `node ${target.name} still holds ${used} allocation(s) in block(s) ${which}; release them ('ippool release', 'ippool reclaim') or delete it anyway with --force`,
          );
          continue;
        }
        outcome.warnings.push(
          `node ${target.name} deleted with ${used} allocation(s) still held in block(s) ${which}; other nodes no longer route to them`,
        );
      }
      deleteStoredNode(txn, target.name);
      result = "deleted";
      if (flags.releaseBlocks) {
        // The same release as 'blocks release --all-empty': blocks that hold addresses stay affine to the node.
        const released = await releaseEmptyBlocks(txn, target.name, true);
        outcome.notes.push(
          `released ${released.length} empty block(s) of node ${target.name}${released.length > 0 ? `: ${released.join(", ")}` : ""}`,
        );
      }
    } else {
      const node = target.node!;
      const addWith = "'ippool create', 'ippool apply' or 'ippool node register'";
      const decision = decideChange(verb, { kind: "node", id: target.name, existing, next: node, addWith }, sameNode);
      if ("failure" in decision) {
        fail(decision.failure);
        continue;
      }
      result = decision.result;
      if (result !== "unchanged") writeStoredNode(txn, node);
    }
    outcome.done.push({ kind: "node", id: target.name, result });
  }
}
