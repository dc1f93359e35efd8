// DEL, CHECK, GC and STATUS: the verbs that release, confirm and report rather than allocate.
import { CniError, ErrorCode, toCniError } from "../cni/errors.js";
import { prevResultAddresses } from "../cni/result.js";
import { poolLayout, usableCount } from "../alloc/pool-layout.js";
import { attachmentId, attachmentKey, attachmentSchema, idOfAttachment } from "../ipam/documents.js";
import { offsetOf, ownerOf, readPoolState, usedCount } from "../ipam/pool-state.js";
import { canonicalAddress, findStale, releaseAttachment } from "../ipam/release.js";
import { familyRequests, networkPools, parseInlinePools } from "./network-pools.js";
import type { VerbContext } from "./context.js";

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
      throw new CniError(ErrorCode.unknownContainer, `container ${env.containerId} (ifname ${env.ifname}) holds no address in network ${conf.name}`);
    }
    const held = doc.addresses.map((entry) => entry.address);
    for (const address of expected) {
      if (!held.includes(address)) {
        throw new CniError(ErrorCode.checkMismatch, `prevResult lists ${address}, which ippool does not hold for ${id}`, `it holds ${held.join(", ")}`);
      }
    }
    for (const { pool, address } of doc.addresses) {
      const owner = await ownerOf(txn, pool, offsetOf(pool, address));
      if (owner !== id) {
        throw new CniError(ErrorCode.checkMismatch, `${address} of ${id} is ${owner ? `recorded for ${owner}` : "free"} in pool ${pool}`, "run 'ippool verify'");
      }
    }
  });
}

/** GC (1.1): releases this network's attachments that the runtime no longer lists, reporting every failure at the end. */
export async function gc({ conf, store }: VerbContext): Promise<void> {
  if (!conf.validAttachments) {
    throw new CniError(ErrorCode.invalidConfig, "GC needs cni.dev/valid-attachments in the config", "without it every allocation would look stale");
  }
  const live = conf.validAttachments.map((entry) => ({ containerId: entry.containerID, ifname: entry.ifname }));
  const stale = await store.read((txn) => findStale(txn, conf.name, live));
  const failures: CniError[] = [];
  const lines: string[] = [];
  for (const doc of stale) {
    try {
      await store.update((txn) => releaseAttachment(txn, idOfAttachment(doc)));
    } catch (error) {
      failures.push(toCniError(error));
      lines.push(`${idOfAttachment(doc)}: ${failures.at(-1)!.message}`);
    }
  }
  if (failures.length > 0) {
    // One kind of failure keeps its code and its way out (a damaged file stays 104, a busy lock 11).
    const code = failures.every((failure) => failure.code === failures[0]!.code) ? failures[0]!.code : ErrorCode.ioFailure;
    const hints = [...new Set(failures.map((failure) => failure.details).filter((hint) => hint !== undefined))];
    throw new CniError(code, `gc could not release ${failures.length} of ${stale.length} stale attachment(s)`, [...lines, ...hints].join("; "));
  }
}

/** STATUS (1.1): fine when an ADD could succeed now, else code 50 saying why. */
export async function status({ conf, store, io }: VerbContext): Promise<void> {
  const inline = parseInlinePools(conf, io.warn);
  try {
    await store.read(async (txn) => {
      for (const request of familyRequests(conf, await networkPools(txn, inline), new Map())) {
        let free = false;
        for (const pool of request.candidates) {
          const used = usedCount(await readPoolState(txn, pool.id));
          if (used < usableCount(poolLayout(pool.cidr))) free = true;
        }
        if (!free) {
          const pools = request.candidates.map((pool) => pool.id).join(", ");
          throw new CniError(ErrorCode.poolExhausted, `every IPv${request.family} pool of network ${conf.name} is full (${pools})`);
        }
      }
    });
  } catch (error) {
    const cause = toCniError(error);
    if (cause.code === ErrorCode.invalidConfig || cause.code === ErrorCode.unsupportedField) throw cause;
    throw new CniError(ErrorCode.pluginNotAvailable, `ippool cannot serve ADD for network ${conf.name}: ${cause.message}`, cause.details);
  }
}
