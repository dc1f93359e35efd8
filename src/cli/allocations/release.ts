// release: the manual DEL, by address or by attachment, previewed unless --yes is given.
import { CniError, ErrorCode } from "../../errors.js";
import { idOfAttachment, type AttachmentDoc } from "../../ipam/store-documents.js";
import { freeOffset } from "../../ipam/block-state.js";
import { releaseAddress, releaseAttachment } from "../../ipam/release.js";
import type { StoreReader, StoreTxn } from "../../store/store.js";
import { UsageError, booleanFlag, stringFlag, type CommandContext, type CommandSpec } from "../framework/context.js";
import {
  addressArgument,
  containerAttachments,
  describeHolder,
  describeUnallocated,
  lookupAddress,
  networkArgument,
} from "./allocation-queries.js";

/** What one release frees: a line for the operator each. */
type Plan = string[];

export const releaseCommand: CommandSpec = {
  summary: "release an address or a container's addresses (the manual DEL)",
  args: ["ADDRESS"],
  requiresStore: true,
  usage: ["release ADDRESS [--yes]", "release --container ID [--ifname IF] [--network NAME] [--yes]"],
  description: [
    "Frees addresses the runtime never released. Without --yes, prints what would be released and changes",
    "nothing (exit 1); with --yes, releases it. Releasing an address of a running container lets it be",
    "handed to another, so check with 'ippool show' first.",
  ],
  flags: {
    container: { type: "string", value: "ID", help: "release every attachment of this container id (exact)" },
    ifname: { type: "string", value: "IF", help: "with --container: only this interface" },
    network: { type: "string", value: "NAME", help: "with --container: only this network" },
    yes: { type: "boolean", short: "y", help: "release without asking (for scripts)" },
  },
  examples: [
    "ippool release 10.22.0.5 --yes",
    "ippool release --container 3f1c2a9e0b7d --yes",
    "ippool release --container 3f1c2a9e0b7d --network podnet --ifname eth1",
  ],
  run: async (ctx) => {
    const containerId = stringFlag(ctx, "container");
    const [target] = ctx.positionals;
    if ((target === undefined) === (containerId === undefined)) {
      throw new UsageError("'ippool release' needs either an ADDRESS or --container ID", "release");
    }
    if (target !== undefined && (stringFlag(ctx, "ifname") !== undefined || stringFlag(ctx, "network") !== undefined)) {
      throw new UsageError("--ifname and --network go with --container, not with an ADDRESS", "release");
    }
    const work =
      target !== undefined
        ? byAddress(addressOrFail(target))
        : byContainer(containerId!, stringFlag(ctx, "ifname"), networkArgument(stringFlag(ctx, "network"), "release"));
    return execute(ctx, work);
  },
};

interface Work {
  /** Plans in a read, or plans and releases in an update; throws when nothing matches. */
  (txn: StoreReader | StoreTxn, commit: boolean): Promise<Plan>;
}

async function execute(ctx: CommandContext, work: Work): Promise<number> {
  if (!booleanFlag(ctx, "yes")) {
    const plan = await ctx.store.read((txn) => work(txn, false));
    plan.forEach((line) => ctx.out(`would release ${line}\n`));
    ctx.error(`nothing was released from ${ctx.storeName}; run the command again with --yes to release it`);
    return 1;
  }
  const plan = await ctx.store.update((txn) => work(txn, true));
  plan.forEach((line) => ctx.out(`released ${line}\n`));
  ctx.out(`released from ${ctx.storeName}\n`);
  return 0;
}

function addressOrFail(text: string): string {
  const address = addressArgument(text);
  if (address === undefined) {
    throw new UsageError(
      `'${text}' is not an IP address; to release a container's addresses use --container ID`,
      "release",
    );
  }
  return address;
}

function byAddress(address: string): Work {
  return async (txn, commit) => {
    const found = await lookupAddress(txn, address);
    if (!found.owner) {
      throw new CniError(ErrorCode.unknownContainer, `nothing to release: ${describeUnallocated(found)}`);
    }
    const holder = found.attachment ? describeHolder(found.attachment) : `${found.owner} (no attachment record)`;
    if (commit) {
      const tx = txn as StoreTxn;
      // A block bit whose attachment record is gone is freed directly: nothing else could ever free it.
      if (found.attachment?.addresses.some((entry) => entry.address === address))
        await releaseAddress(tx, found.attachment, address);
      else await freeOffset(tx, found.pool!, found.offset!, { attachment: found.owner, handle: found.handle! });
    }
    return [`${address} (pool ${found.pool}) held by ${holder}`];
  };
}

function byContainer(containerId: string, ifname: string | undefined, network: string | undefined): Work {
  return async (txn, commit) => {
    const docs = await containerAttachments(txn, {
      containerId,
      ...(ifname !== undefined ? { ifname } : {}),
      ...(network !== undefined ? { network } : {}),
    });
    if (docs.length === 0) {
      const narrowed = [network && `network ${network}`, ifname && `ifname ${ifname}`].filter(Boolean).join(", ");
      throw new CniError(
        ErrorCode.unknownContainer,
        `nothing to release: container ${containerId}${narrowed ? ` (${narrowed})` : ""} holds no address`,
      );
    }
    if (commit) for (const doc of docs) await releaseAttachment(txn as StoreTxn, idOfAttachment(doc), doc.handle);
    return docs.map(describeRelease);
  };
}

export const describeRelease = (doc: AttachmentDoc): string =>
  `${doc.addresses.map((entry) => entry.address).join(", ") || "no address"} of ${describeHolder(doc)}, allocated ${doc.allocatedAt}`;
