// reclaim: release a network's leaked addresses, given the attachments that are still live.
import { idOfAttachment, type AttachmentDoc } from "../../ipam/store-documents.js";
import { findStale, listAttachments, releaseAttachment } from "../../ipam/release.js";
import type { StoreReader } from "../../store/store.js";
import { UsageError, booleanFlag, stringFlag, type CommandSpec, type CommandContext } from "../framework/context.js";
import { networkArgument } from "./allocation-queries.js";
import { parseLiveList, type LiveEntry } from "./live-list.js";
import { describeRelease } from "./release.js";

export const reclaimCommand: CommandSpec = {
  summary: "release a network's leaked addresses: all but the live attachments you list",
  args: [],
  requiresStore: true,
  usage: ["reclaim --network NAME --live FILE|- [--dry-run]"],
  description: [
    'The fix for addresses leaked by a reboot or a missed DEL ("no IP addresses available in range set"),',
    "without deleting the data dir. Give the attachments that are live on this node for NAME; every other",
    'allocation of NAME is released. The live list is JSON (["ctr1", "ctr2:eth1", {"containerID": "ctr3",',
    '"ifname": "eth0"}]) or lines of containerID[:ifname]; an entry without :ifname keeps all the container\'s',
    "interfaces. An empty list is refused; pass '[]' if truly nothing is live. Use --dry-run first.",
    "Only attachments made on this node (--nodename, env NODENAME, else the host name) are considered: a runtime lists its own node's containers.",
  ],
  flags: {
    network: { type: "string", value: "NAME", help: "the network (netconf name) to reclaim in; required" },
    live: { type: "string", value: "FILE", help: "the live attachments; '-' reads stdin; required" },
    "dry-run": { type: "boolean", help: "print what would be released and change nothing" },
  },
  examples: [
    "podman ps -q --no-trunc | ippool reclaim --network podman --live - --dry-run",
    "ippool reclaim --network podnet --live live.txt",
    "echo '[]' | ippool reclaim --network podnet --live -",
  ],
  run: async (ctx) => {
    const network = networkArgument(stringFlag(ctx, "network"), "reclaim");
    const livePath = stringFlag(ctx, "live");
    if (network === undefined) {
      const known = await ctx.store.read(networksWithAllocations);
      throw new UsageError(
        `'ippool reclaim' needs --network NAME (networks with allocations: ${known.join(", ") || "none"})`,
        "reclaim",
      );
    }
    if (livePath === undefined)
      throw new UsageError("'ippool reclaim' needs --live FILE (or --live - for stdin)", "reclaim");
    const live = parseLiveList(await ctx.readInput(livePath), livePath === "-" ? "stdin" : livePath);
    const dryRun = booleanFlag(ctx, "dry-run");
    // One transaction: the stale set is decided and released under the same lock, so an ADD in between cannot be caught.
    const { stale, kept } = dryRun
      ? await ctx.store.read((txn) => partition(txn, network, ctx.nodename, live))
      : await ctx.store.update(async (txn) => {
          const result = await partition(txn, network, ctx.nodename, live);
          for (const doc of result.stale) await releaseAttachment(txn, idOfAttachment(doc), doc.handle);
          return result;
        });
    if (stale.length === 0 && kept === 0) ctx.warn(await nothingHeld(ctx, network));
    for (const doc of stale) ctx.out(`${dryRun ? "would release" : "released"} ${describeRelease(doc)}\n`);
    const addresses = stale.reduce((sum, doc) => sum + doc.addresses.length, 0);
    const what = `${stale.length} attachment(s) (${addresses} address(es)) of network ${network} in ${ctx.storeName}`;
    ctx.out(
      dryRun
        ? `dry run: ${what} would be released, ${kept} kept; nothing was changed\n`
        : `reclaimed ${what}; ${kept} live attachment(s) kept\n`,
    );
    return 0;
  },
};

async function partition(
  txn: StoreReader,
  network: string,
  node: string,
  live: readonly LiveEntry[],
): Promise<{ stale: AttachmentDoc[]; kept: number }> {
  const exact = live.filter((entry): entry is Required<LiveEntry> => entry.ifname !== undefined);
  const wholeContainers = new Set(live.filter((entry) => entry.ifname === undefined).map((entry) => entry.containerId));
  // The live list is one node's runtime: attachments made on other nodes are neither stale nor kept here.
  const all = (await listAttachments(txn, network)).filter((doc) => doc.node === node);
  const stale = (await findStale(txn, network, node, exact)).filter((doc) => !wholeContainers.has(doc.containerId));
  return { stale, kept: all.length - stale.length };
}

/**
 * Either the network is misspelt, or its allocations were made on other nodes: reclaim acts for
 * one node, so a CLI run elsewhere (without --nodename) finds none of its own.
 */
async function nothingHeld(ctx: CommandContext, network: string): Promise<string> {
  const holders = await ctx.store.read(async (txn) => (await listAttachments(txn, network)).map((doc) => doc.node));
  const nodes = [...new Set(holders)].sort().join(", ");
  if (nodes !== "") {
    const self = `this node, ${ctx.nodename} (from ${ctx.nodenameSource})`;
    const wayOut = "reclaim acts for one node: run it there, or give --nodename NODE";
    return `${self}, holds no allocation of network ${network}; nodes that do: ${nodes}; ${wayOut}`;
  }
  const known = await ctx.store.read(networksWithAllocations);
  const networks = known.join(", ") || "none";
  return `network ${network} holds no allocation in ${ctx.storeName} (networks with allocations: ${networks})`;
}

async function networksWithAllocations(txn: StoreReader): Promise<string[]> {
  return [...new Set((await listAttachments(txn)).map((doc) => doc.network))].sort();
}
