// The way out of a damaged, lost or restored document, by what the document holds; one text for the allocator, blocks rebuild and verify.
import { StoreError, isDamage } from "../store/store-error.js";
import { aroundTransactions, damagedKeyOf, type Store } from "../store/store.js";
import { ATTACHMENT_PREFIX, BLOCK_PREFIX, POOLS_KEY, poolIdFromSegment } from "./store-documents.js";
import { blockCidrOf } from "./block-state.js";

/** "block/10.22.0.0_16/1" -> "10.22.0.64/26"; undefined for any other key. */
export function blockCidrOfKey(key: string): string | undefined {
  const match = /^([^/]+)\/([0-9a-f]+)$/.exec(key.startsWith(BLOCK_PREFIX) ? key.slice(BLOCK_PREFIX.length) : "");
  return match ? blockCidrOf(poolIdFromSegment(match[1]!), BigInt(`0x${match[2]}`)) : undefined;
}

export const rebuildCommand = (blockCidr: string, flags: string): string =>
  `ippool blocks rebuild ${blockCidr} ${flags}`;

/**
 * The repair that is safe for the document at `key`, with the flags that reach its store. A block
 * is rebuilt from the attachment records, which are written in the same commit as its bits, so
 * every held address stays taken; that works on a damaged copy as on a lost or restored one. The
 * pool document holds no address, so it may go and be applied again; an attachment record is the
 * only word on who holds its addresses, so it is restored, never removed.
 */
export function damagedDocumentAdvice(key: string, flags: string): string {
  const verify = `'ippool verify ${flags}' lists every problem`;
  const block = blockCidrOfKey(key);
  if (block !== undefined) {
    return (
      `rebuild it from the attachment records with '${rebuildCommand(block, flags)}' (every address a record holds stays taken), ` +
      `or put back its newest copy; ${verify}`
    );
  }
  if (key === POOLS_KEY) {
    return (
      "it holds the pool definitions, no address: restore it from a backup, or remove it and apply the pool files again " +
      `with 'ippool apply -f FILE ${flags}'; ${verify}`
    );
  }
  // Until it is restored, an attachment's addresses stay taken in their blocks: nothing is handed out twice.
  if (key.startsWith(ATTACHMENT_PREFIX))
    return `restore it from a backup; its addresses stay taken until then; ${verify}`;
  return `restore it from a backup; ${verify}`;
}

/**
 * The repair commands for what `ippool verify` found: each block that is damaged, older than its
 * node's record or missing while listed, rebuilt from the attachment records.
 */
export function blocksToRebuild(problems: readonly { key: string; message: string }[]): string[] {
  const mentioned = new RegExp(`\\b${BLOCK_PREFIX}[^\\s/]+/[0-9a-f]+\\b`, "g");
  const keys = problems.flatMap((problem) => [problem.key, ...(problem.message.match(mentioned) ?? [])]);
  return [...new Set(keys.map(blockCidrOfKey).filter((cidr): cidr is string => cidr !== undefined))];
}

/** The store with every damaged-document error carrying the advice for its document (plugin verbs and CLI commands alike). */
export function withDamageAdvice(store: Store): Store {
  const advise = (error: unknown): never => {
    const key = damagedKeyOf(error);
    if (key === undefined || !isDamage(error)) throw error;
    throw Object.assign(new StoreError("damaged", error.message, damagedDocumentAdvice(key, store.cliFlags)), {
      damagedKey: key,
    });
  };
  return aroundTransactions(store, (transaction) => transaction().catch(advise));
}
