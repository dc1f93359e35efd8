// allocations and show: who holds which address, since when, listed or looked up one at a time.
import { CniError, ErrorCode } from "../../errors.js";
import type { AttachmentDoc } from "../../ipam/store-documents.js";
import { UsageError, stringFlag, type CommandContext, type CommandSpec } from "../framework/context.js";
import { formatJson, formatTable, outputFormat, since } from "../framework/output.js";
import {
  addressArgument,
  allocationRows,
  containerAttachments,
  describeUnallocated,
  lookupAddress,
  networkArgument,
  whyNothingMatched,
} from "./allocation-queries.js";
import { poolIdArgument } from "../resources/pool-descriptor.js";

const pod = (doc: AttachmentDoc): string => (doc.podName ? `${doc.podNamespace ?? ""}/${doc.podName}` : "-");

export const allocationsCommand: CommandSpec = {
  summary: "list allocated addresses with their pool, network, container, interface and time",
  args: [],
  requiresStore: true,
  usage: ["allocations [--pool CIDR] [--network NAME] [--container ID] [--ifname IF] [-o table|json]"],
  description: [
    "One row per allocated address, pool by pool. Filters combine. -o json prints one object per attachment",
    "(network, containerId, ifname, node, handle, addresses, allocatedAt, and the pod when the runtime passed it).",
  ],
  flags: {
    pool: { type: "string", value: "CIDR", help: "only addresses of this pool" },
    network: { type: "string", value: "NAME", help: "only this network (the netconf's name)" },
    container: { type: "string", value: "ID", help: "only this container id" },
    ifname: { type: "string", value: "IF", help: "only this interface name" },
    output: { type: "string", short: "o", value: "FORMAT", help: "table (default) or json" },
  },
  examples: [
    "ippool allocations",
    "ippool allocations --pool 10.22.0.0/16",
    "ippool allocations --network podnet -o json | jq '.[].containerId'",
  ],
  run: async (ctx) => {
    const format = outputFormat(stringFlag(ctx, "output"), ["table", "json"] as const, "allocations");
    const poolText = stringFlag(ctx, "pool");
    const pool = poolText === undefined ? undefined : poolIdArgument(poolText, "allocations");
    const network = networkArgument(stringFlag(ctx, "network"), "allocations");
    const containerId = stringFlag(ctx, "container");
    const ifname = stringFlag(ctx, "ifname");
    const filter = {
      ...(network !== undefined ? { network } : {}),
      ...(containerId !== undefined ? { containerId } : {}),
      ...(ifname !== undefined ? { ifname } : {}),
      ...(pool !== undefined ? { pool } : {}),
    };
    const docs = await ctx.store.read(async (txn) => {
      const found = await containerAttachments(txn, filter);
      const filtered = Object.keys(filter).length > 0;
      if (found.length === 0 && filtered) throw await whyNothingMatched(txn, filter, ctx.storeName);
      return found;
    });
    // With --pool, addresses of other pools are left out too, so the output is only that pool's.
    const narrowed =
      pool === undefined
        ? docs
        : docs.map((doc) => ({ ...doc, addresses: doc.addresses.filter((entry) => entry.pool === pool) }));
    if (format === "json") {
      ctx.out(formatJson(narrowed));
      return 0;
    }
    const rows = allocationRows(narrowed).map(({ pool: poolId, address, attachment }) => [
      poolId,
      address,
      attachment.network,
      attachment.containerId,
      attachment.ifname,
      attachment.node,
      pod(attachment),
      attachment.allocatedAt,
    ]);
    ctx.out(formatTable(["POOL", "ADDRESS", "NETWORK", "CONTAINER", "IFNAME", "NODE", "POD", "ALLOCATED"], rows));
    return 0;
  },
};

export const showCommand: CommandSpec = {
  summary: "show who holds an address, or what a container holds, and since when",
  args: ["ADDRESS|CONTAINER-ID"],
  requiresStore: true,
  usage: ["show ADDRESS [-o text|json]", "show CONTAINER-ID [-o text|json]"],
  description: [
    "An argument that parses as an IP address is looked up as one; anything else is a container id (exact).",
  ],
  flags: { output: { type: "string", short: "o", value: "FORMAT", help: "text (default) or json" } },
  examples: ["ippool show 10.22.0.5", "ippool show 3f1c2a9e0b7d", "ippool show fd00:22::5 -o json"],
  run: async (ctx) => {
    const [target] = ctx.positionals;
    if (target === undefined) throw new UsageError("'ippool show' needs an ADDRESS or a CONTAINER-ID", "show");
    const format = outputFormat(stringFlag(ctx, "output"), ["text", "json"] as const, "show");
    const address = addressArgument(target);
    return address === undefined ? showContainer(ctx, target, format) : showAddress(ctx, address, format);
  },
};

async function showAddress(ctx: CommandContext, address: string, format: "text" | "json"): Promise<number> {
  const found = await ctx.store.read((txn) => lookupAddress(txn, address));
  if (!found.owner) {
    throw new CniError(ErrorCode.unknownContainer, describeUnallocated(found));
  }
  if (format === "json") {
    ctx.out(formatJson({ address, pool: found.pool, holder: found.owner, attachment: found.attachment ?? null }));
    return 0;
  }
  ctx.out(
    fields([
      ["address", address],
      ["pool", found.pool!],
    ]),
  );
  if (found.attachment) ctx.out(attachmentFields(ctx, found.attachment));
  else ctx.out(fields([["holder", `${found.owner} (its attachment record is missing; run 'ippool verify')`]]));
  return 0;
}

async function showContainer(ctx: CommandContext, containerId: string, format: "text" | "json"): Promise<number> {
  const docs = await ctx.store.read((txn) => containerAttachments(txn, { containerId }));
  if (docs.length === 0) {
    throw new CniError(
      ErrorCode.unknownContainer,
      `container ${containerId} holds no address (container ids match exactly; see 'ippool allocations')`,
    );
  }
  if (format === "json") ctx.out(formatJson(docs));
  else ctx.out(docs.map((doc) => attachmentFields(ctx, doc)).join("\n"));
  return 0;
}

function attachmentFields(ctx: CommandContext, doc: AttachmentDoc): string {
  return fields([
    ["network", doc.network],
    ["container", doc.containerId],
    ["ifname", doc.ifname],
    ["node", doc.node],
    ["addresses", doc.addresses.map((entry) => `${entry.address} (pool ${entry.pool})`).join(", ")],
    ["allocated", since(doc.allocatedAt, ctx.now())],
    ...(doc.podName ? [["pod", pod(doc)] as [string, string]] : []),
  ]);
}

const fields = (pairs: readonly (readonly [string, string])[]): string =>
  pairs.map(([key, value]) => `${`${key}:`.padEnd(11)}${value}\n`).join("");
