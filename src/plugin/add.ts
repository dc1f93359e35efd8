// ADD: allocate (or find) the attachment's addresses and describe them as an IPAM result.
import { addressAt, familyBits, parseCidr } from "../alloc/address.js";
import { poolLayout } from "../alloc/pool-layout.js";
import { parseCniArgs } from "../cni/cni-args.js";
import type { IpamConfig } from "../cni/netconf.js";
import type { IpamResult } from "../cni/result.js";
import { assignAddresses, prefetchForAdd } from "../ipam/assign.js";
import {
  attachmentId,
  attachmentKey,
  attachmentSchema,
  poolCidr,
  type AttachmentDoc,
} from "../ipam/store-documents.js";
import { familyRequests, networkPools, parseInlinePools, requestedAddresses } from "./network-pools.js";
import { nodeOf, type VerbContext } from "./context.js";
import { newHandle } from "../ipam/handle.js";
import { assertCurrentLayout, updateInCurrentLayout } from "../ipam/layout-upgrade.js";

export async function add(context: VerbContext): Promise<IpamResult> {
  const { env, conf, store, io } = context;
  const node = nodeOf(context);
  const now = io.now();
  const cniArgs = parseCniArgs(env.args);
  const inline = parseInlinePools(conf, io.warn);
  // CONVENTIONS.md: when the config carries `args`, CNI_ARGS is ignored for the same purpose.
  const requested = requestedAddresses([
    ...conf.requestedIps.fromConfig,
    ...(conf.requestedIps.argsGiven ? [] : cniArgs.ips),
  ]);
  const id = attachmentId(conf.name, env.containerId, env.ifname);
  const attachment = await updateInCurrentLayout(store, async (txn) => {
    await prefetchForAdd(txn, id, node);
    // ADD is idempotent: a repeated ADD gets what the attachment holds, even when its pool has
    // since been disabled or left the config, so this comes before any pool is chosen.
    const existing = await txn.get(attachmentKey(id), attachmentSchema);
    if (existing) return existing;
    await assertCurrentLayout(txn);
    const families = familyRequests(conf, await networkPools(txn, inline), requested);
    return assignAddresses(txn, {
      network: conf.name,
      containerId: env.containerId,
      ifname: env.ifname,
      node,
      handle: newHandle(now),
      families,
      allocatedAt: now.toISOString(),
      ...(cniArgs.podNamespace ? { podNamespace: cniArgs.podNamespace } : {}),
      ...(cniArgs.podName ? { podName: cniArgs.podName } : {}),
    });
  });
  return describeAttachment(attachment, conf.ipam);
}

/**
 * Each address carries its pool's prefix (or /32, /128 with addressPrefix "host") and the
 * pool's gateway. Routes go out only for families the container got an address of: a
 * "::/0" route without an IPv6 address would make the main plugin fail.
 */
export function describeAttachment(attachment: AttachmentDoc, ipam: IpamConfig): IpamResult {
  const ips = attachment.addresses.map(({ pool, address }) => {
    const cidr = poolCidr(pool);
    const { gatewayOffset } = poolLayout(cidr);
    const prefix = ipam.addressPrefix === "host" ? familyBits(cidr.family) : cidr.prefix;
    return {
      family: cidr.family,
      address: `${address}/${prefix}`,
      ...(ipam.gateway === "first-address" && gatewayOffset !== undefined
        ? { gateway: addressAt(cidr, gatewayOffset) }
        : {}),
    };
  });
  const families = new Set(ips.map((ip) => ip.family));
  const routes = ipam.routes.filter((route) => families.has(parseCidr(route.dst)!.cidr.family));
  return { ips, routes, ...(ipam.dns ? { dns: ipam.dns } : {}) };
}
