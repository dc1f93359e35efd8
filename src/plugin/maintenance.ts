// DEL, CHECK, GC and STATUS: the verbs that release, confirm and report rather than allocate.
import { CniError, ErrorCode } from "../errors.js";
import { toCniError } from "../error-mapping.js";
import { prevResultAddresses } from "../cni/result.js";
import { attachmentId, attachmentKey, attachmentSchema, idOfAttachment } from "../ipam/store-documents.js";
import { offsetOf, ownerOf } from "../ipam/block-state.js";
import { chooseAddress } from "../ipam/assign.js";
import { canonicalAddress, findStale, releaseAttachment } from "../ipam/release.js";
import { familyRequests, networkPools, parseInlinePools } from "./network-pools.js";
import { nodeOf, type VerbContext } from "./context.js";

/** DEL succeeds when there is nothing to release: the runtime may call it twice or after a failed ADD. */
export async function del({ env, conf, store }: VerbContext): Promise<void> {
  await store.update((txn) => releaseAttachment(txn, attachmentId(conf.name, env.containerId, env.ifname)));
}

export async function check({ env, conf, store }: VerbContext): Promise<void> {
  const id = attachmentId(conf.name, env.containerId, env.ifname);
  const expected = prevResultAddresses(conf.prevResult ?? {}).map((address) => canonicalAddress(address)!);
  await store.read(async (txn) => {
    const doc = await txn.get(attachmentKey(id), attachmentSchema);
    if (!doc || doc.addresses.length === 0) {
      throw new CniError(
        ErrorCode.unknownContainer,
        `container ${env.containerId} (ifname ${env.ifname}) holds no address in network ${conf.name}`,
      );
    }
    const held = doc.addresses.map((entry) => entry.address);
    for (const address of expected) {
      if (!held.includes(address)) {
        throw new CniError(
          ErrorCode.checkMismatch,
          `prevResult lists ${address}, which ippool does not hold for ${id}`,
          `it holds ${held.join(", ")}`,
        );
      }
    }
    for (const { pool, address } of doc.addresses) {
      const owner = await ownerOf(txn, pool, offsetOf(pool, address));
      if (owner?.attachment !== id || owner.handle !== doc.handle) {
        const holder =
          owner === undefined
            ? "free"
            : owner.attachment === id
              ? "recorded for another allocation of it"
              : `recorded for ${owner.attachment}`;
        throw new CniError(
          ErrorCode.checkMismatch,
          `${address} of ${id} is ${holder} in pool ${pool}`,
          "run 'ippool verify'",
        );
      }
    }
  });
}

/**
 * GC (1.1): releases this network's attachments on this node that the runtime no longer lists,
 * reporting every failure at the end. Each release is of the allocation GC saw (its handle), so
 * a container DEL'd and ADDed again meanwhile keeps its new address.
 */
export async function gc(context: VerbContext): Promise<void> {
  const { conf, store } = context;
  const node = nodeOf(context);
  if (!conf.validAttachments) {
    throw new CniError(
      ErrorCode.invalidConfig,
      "GC needs cni.dev/valid-attachments in the config",
      "without it every allocation would look stale",
    );
  }
  const live = conf.validAttachments.map((entry) => ({ containerId: entry.containerID, ifname: entry.ifname }));
  const stale = await store.read((txn) => findStale(txn, conf.name, node, live));
  const failures: CniError[] = [];
  const lines: string[] = [];
  for (const doc of stale) {
    try {
      await store.update((txn) => releaseAttachment(txn, idOfAttachment(doc), doc.handle));
    } catch (error) {
      failures.push(toCniError(error));
      lines.push(`${idOfAttachment(doc)}: ${failures.at(-1)!.message}`);
    }
  }
  if (failures.length > 0) {
    // One kind of failure keeps its code and its way out (a damaged file stays 104, a busy lock 11).
    const code = failures.every((failure) => failure.code === failures[0]!.code)
      ? failures[0]!.code
      : ErrorCode.ioFailure;
    const hints = [...new Set(failures.map((failure) => failure.details).filter((hint) => hint !== undefined))];
    throw new CniError(
      code,
      `gc could not release ${failures.length} of ${stale.length} stale attachment(s)`,
      [...lines, ...hints].join("; "),
    );
  }
}

/** STATUS (1.1): fine when an ADD on this node could get an address now (own block, new block or borrowed), else code 50 saying why. */
export async function status(context: VerbContext): Promise<void> {
  const { conf, store, io } = context;
  const inline = parseInlinePools(conf, io.warn);
  const node = nodeOf(context);
  try {
    await store.read(async (txn) => {
      for (const request of familyRequests(conf, await networkPools(txn, inline), new Map())) {
        if ((await chooseAddress(txn, node, request)) === undefined) {
          const pools = request.candidates.map((pool) => pool.id).join(", ");
          throw new CniError(
            ErrorCode.poolExhausted,
            `every IPv${request.family} pool of network ${conf.name} is full (${pools})`,
          );
        }
      }
    });
  } catch (error) {
    const cause = toCniError(error);
    if (cause.code === ErrorCode.invalidConfig || cause.code === ErrorCode.unsupportedField) throw cause;
    throw new CniError(
      ErrorCode.pluginNotAvailable,
      `ippool cannot serve ADD for network ${conf.name}: ${cause.message}`,
      cause.details,
    );
  }
}
