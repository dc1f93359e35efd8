// The runner's VXLAN part: per family the device, its tunnel address and the endpoint the node record publishes, and per peer a neighbour and a forwarding entry.
import { familyBits, type Family } from "../alloc/address.js";
import type { VxlanEndpoint } from "../node/resource.js";
import type { Tools } from "../system/tools.js";
import type { VxlanDevicePlan, VxlanPeer } from "./plan.js";
import { canonicalAddress, type RunReport } from "./run-report.js";
import {
  VXLAN_DEVICES,
  VXLAN_OVERHEAD,
  forwardingArgs,
  neighbourArgs,
  vxlanLinkArgs,
  type VxlanSettings,
} from "./vxlan.js";

/**
 * The IPAM and node-record side of this node's VXLAN endpoints, given by the command so the
 * runner never sees the Store. acquire is called only once the device exists, so a kernel
 * without VXLAN never gets an address allocated.
 */
export interface VxlanEndpoints {
  /** The endpoint the node record publishes now; a device made again takes its MAC, so peers' entries stay right. */
  recorded(family: Family): Promise<VxlanEndpoint | undefined>;
  /** The node's tunnel address of the family from one of `pools`; `allocated` when this call took it. */
  acquire(family: Family, pools: readonly string[]): Promise<{ address: string; allocated: boolean }>;
  /** Writes the endpoint into the node record, where other nodes' agents read it; true when the record changed. */
  publish(family: Family, endpoint: VxlanEndpoint): Promise<boolean>;
  /** Takes the endpoint out of the node record and releases the tunnel address; the address released, if any. */
  withdraw(family: Family): Promise<string | undefined>;
  /** The tunnel address held now, read only (remove --dry-run). */
  held(family: Family): Promise<string | undefined>;
}

interface LinkInfo {
  readonly mtu: number;
  readonly address: string;
  readonly flags: readonly string[];
  readonly linkinfo?: {
    readonly info_kind?: string;
    readonly info_data?: {
      readonly id?: number;
      readonly port?: number;
      readonly local?: string;
      readonly local6?: string;
      readonly learning?: boolean;
    };
  };
}

/** The device as `ip -d -j link` prints it, or undefined when there is none. */
export async function readVxlanLink(tools: Tools, family: Family): Promise<LinkInfo | undefined> {
  const result = await tools.run("ip", ["-d", "-j", "link", "show", "dev", VXLAN_DEVICES[family]]);
  return result.code === 0 ? (JSON.parse(result.stdout) as LinkInfo[])[0] : undefined;
}

/** A device of our name made with other settings (or by someone else) is made again, never half-used. */
function fitsPlan(link: LinkInfo, device: VxlanDevicePlan, settings: VxlanSettings): boolean {
  const data = link.linkinfo?.info_data;
  return (
    link.linkinfo?.info_kind === "vxlan" &&
    data?.id === settings.vni &&
    data.port === settings.port &&
    data.learning === false &&
    canonicalAddress(data.local ?? data.local6 ?? "") === canonicalAddress(device.local)
  );
}

/** The MTU of the link that holds the node's own address, which carries what the device sends. */
async function uplinkMtu(tools: Tools, device: VxlanDevicePlan): Promise<number> {
  const links = JSON.parse(await tools.check("ip", [`-${device.family}`, "-j", "addr", "show"])) as {
    mtu: number;
    addr_info?: { local: string }[];
  }[];
  const local = canonicalAddress(device.local);
  const uplink = links.find((link) => (link.addr_info ?? []).some((info) => canonicalAddress(info.local) === local));
  return uplink?.mtu ?? 1500;
}

function deviceError(device: VxlanDevicePlan, stderr: string): string {
  const name = VXLAN_DEVICES[device.family];
  const said = stderr.trim().replace(/^Error: /, "") || "no reason given";
  const reason = /unknown device type|not supported/i.test(said)
    ? `this kernel has no VXLAN support (ip link add ${name} type vxlan: ${said})`
    : `ip link add ${name} type vxlan failed: ${said}`;
  return (
    `${name}: ${reason}; the routes of pool(s) ${device.pools.join(", ")} need it and were not set; ` +
    `everything else was applied. Load the vxlan module, or set vxlan.enabled: false on those pools`
  );
}

/**
 * The family's device made, sized and up, with the node's tunnel address on it and its endpoint
 * published; false (the error reported) when the device cannot be made here.
 */
export async function ensureVxlanDevice(
  tools: Tools,
  device: VxlanDevicePlan,
  settings: VxlanSettings,
  endpoints: VxlanEndpoints | undefined,
  report: RunReport,
): Promise<boolean> {
  const name = VXLAN_DEVICES[device.family];
  let link = await readVxlanLink(tools, device.family);
  if (link && !fitsPlan(link, device, settings)) {
    await tools.check("ip", ["link", "del", "dev", name]);
    report.changes.push(`${name} removed: its kind, VNI, port, local address or learning differed from this node's`);
    link = undefined;
  }
  if (!link) {
    const args = vxlanLinkArgs(device, settings, (await endpoints?.recorded(device.family))?.mac);
    const made = await tools.run("ip", ["link", "add", ...args]);
    if (made.code !== 0) {
      report.errors.push(deviceError(device, made.stderr));
      return false;
    }
    report.changes.push(`${name} added: ${args.slice(2).join(" ")}`);
    link = (await readVxlanLink(tools, device.family))!;
  }
  const mtu = settings.mtu ?? (await uplinkMtu(tools, device)) - VXLAN_OVERHEAD[device.family];
  if (link.mtu !== mtu || !link.flags.includes("UP")) {
    await tools.check("ip", ["link", "set", "dev", name, "mtu", String(mtu), "up"]);
    report.changes.push(`${name} up, mtu ${mtu}`);
  }
  if (endpoints) await setEndpoint(tools, device, link.address, endpoints, report);
  return true;
}

/** The device carries exactly the node's tunnel address (a host prefix: the source of what it sends), and the record says so. */
async function setEndpoint(
  tools: Tools,
  device: VxlanDevicePlan,
  mac: string,
  endpoints: VxlanEndpoints,
  report: RunReport,
): Promise<void> {
  const { family } = device;
  const name = VXLAN_DEVICES[family];
  const { address, allocated } = await endpoints.acquire(family, device.pools);
  if (allocated) report.changes.push(`VXLAN tunnel address ${address} allocated for ${name}`);
  const [link] = JSON.parse(await tools.check("ip", [`-${family}`, "-j", "addr", "show", "dev", name])) as {
    addr_info?: { local: string; scope: string }[];
  }[];
  const present = (link?.addr_info ?? []).filter((info) => info.scope === "global").map((info) => info.local);
  const prefix = familyBits(family);
  for (const other of present.filter((local) => canonicalAddress(local) !== address))
    await tools.check("ip", ["addr", "del", `${other}/${prefix}`, "dev", name]);
  if (!present.some((local) => canonicalAddress(local) === address)) {
    // nodad: a tentative IPv6 address could not be the source of the first packets.
    await tools.check("ip", ["addr", "add", `${address}/${prefix}`, "dev", name, ...(family === 6 ? ["nodad"] : [])]);
    report.changes.push(`${name} address set: ${address}/${prefix}`);
  }
  if (await endpoints.publish(family, { address, mac }))
    report.changes.push(`node record: IPv${family} VXLAN endpoint ${address} ${mac} published`);
}

/**
 * Exactly the plan's neighbour and forwarding entries on the family's device: ours are the
 * permanent ones (the device never learns), so anything else the kernel keeps there is left alone.
 */
export async function reconcileVxlanPeers(
  tools: Tools,
  family: Family,
  peers: readonly VxlanPeer[],
  report: RunReport,
): Promise<void> {
  const name = VXLAN_DEVICES[family];
  const neighbours = (
    JSON.parse((await tools.check("ip", [`-${family}`, "-j", "neigh", "show", "dev", name])) || "[]") as {
      dst: string;
      lladdr?: string;
      state?: string[];
    }[]
  ).filter((entry) => entry.state?.includes("PERMANENT"));
  const forwarding = (
    JSON.parse((await tools.check("bridge", ["-j", "fdb", "show", "dev", name])) || "[]") as {
      mac: string;
      dst?: string;
    }[]
  ).filter((entry) => entry.dst !== undefined);
  const wantedNeighbours = new Set(peers.map((peer) => `${canonicalAddress(peer.tunnelAddress)} ${peer.mac}`));
  const wantedForwarding = new Set(peers.map((peer) => `${peer.mac} ${canonicalAddress(peer.underlay)}`));

  // Stale entries go first, so a peer whose MAC or address moved is written afresh, not beside its old entry.
  for (const entry of neighbours) {
    if (wantedNeighbours.has(`${canonicalAddress(entry.dst)} ${entry.lladdr}`)) continue;
    await tools.check("ip", [`-${family}`, "neigh", "del", entry.dst, "dev", name]);
    report.changes.push(`vxlan neighbour removed: ${entry.dst} lladdr ${entry.lladdr ?? "none"} dev ${name}`);
  }
  for (const entry of forwarding) {
    if (wantedForwarding.has(`${entry.mac} ${canonicalAddress(entry.dst!)}`)) continue;
    await tools.check("bridge", ["fdb", "del", entry.mac, "dev", name, "dst", entry.dst!, "self"]);
    report.changes.push(`vxlan forwarding entry removed: ${entry.mac} dst ${entry.dst} dev ${name}`);
  }
  const presentNeighbours = new Set(neighbours.map((entry) => `${canonicalAddress(entry.dst)} ${entry.lladdr}`));
  const presentForwarding = new Set(forwarding.map((entry) => `${entry.mac} ${canonicalAddress(entry.dst!)}`));
  for (const peer of peers) {
    if (!presentNeighbours.has(`${canonicalAddress(peer.tunnelAddress)} ${peer.mac}`)) {
      await tools.check("ip", [`-${family}`, "neigh", "replace", ...neighbourArgs(peer)]);
      report.changes.push(`vxlan neighbour set: ${neighbourArgs(peer).join(" ")}`);
    }
    if (!presentForwarding.has(`${peer.mac} ${canonicalAddress(peer.underlay)}`)) {
      await tools.check("bridge", ["fdb", "replace", ...forwardingArgs(peer)]);
      report.changes.push(`vxlan forwarding entry set: ${forwardingArgs(peer).join(" ")}`);
    }
  }
}

/** Deletes the family's device (its routes, neighbour and forwarding entries go with it); the change, or undefined when there was none. */
export async function deleteVxlanDevice(tools: Tools, family: Family): Promise<string | undefined> {
  if (!(await readVxlanLink(tools, family))) return undefined;
  await tools.check("ip", ["link", "del", "dev", VXLAN_DEVICES[family]]);
  return `${VXLAN_DEVICES[family]} removed`;
}

/** No pool of the family has VXLAN any more (or remove): the device goes, and so do the tunnel address and the published endpoint. */
export async function dropVxlan(
  tools: Tools,
  family: Family,
  endpoints: VxlanEndpoints | undefined,
  report: RunReport,
): Promise<void> {
  const removed = await deleteVxlanDevice(tools, family);
  if (removed) report.changes.push(removed);
  const released = await endpoints?.withdraw(family);
  if (released !== undefined) report.changes.push(`VXLAN tunnel address ${released} released`);
}
