// The VXLAN devices' defaults and the kernel tools' arguments for them and for the entries that reach each peer.
import type { Family } from "../alloc/address.js";
import type { VxlanDevicePlan, VxlanPeer } from "./plan.js";

/** Named like felix's vxlan.calico and vxlan-v6.calico, so both can live on one host. */
export const VXLAN_DEVICES: Readonly<Record<Family, string>> = { 4: "vxlan.ippool", 6: "vxlan6.ippool" };
/** The outer headers: Ethernet 14 + UDP 8 + VXLAN 8, plus IPv4's 20 or IPv6's 40; unless set, the MTU is the uplink's minus this. */
export const VXLAN_OVERHEAD: Readonly<Record<Family, number>> = { 4: 50, 6: 70 };

/** What the operator may set per node; every node of a cluster must use the same VNI and port. */
export interface VxlanSettings {
  readonly vni: number;
  readonly port: number;
  /** Absent: the uplink's MTU minus VXLAN_OVERHEAD. */
  readonly mtu?: number;
}

/** felix's VNI and the IANA port, so an ippool node and a Calico node speak the same VXLAN. */
export const DEFAULT_VXLAN: VxlanSettings = { vni: 4096, port: 4789 };

/**
 * Arguments of `ip link add` (after "add"). nolearning: every peer is written as a neighbour and a
 * forwarding entry from the node records, so the device never floods or learns from what it hears.
 * `mac`, when given, is the one the node record already publishes, so peers' entries stay right.
 */
export const vxlanLinkArgs = (device: VxlanDevicePlan, settings: VxlanSettings, mac?: string): string[] => [
  "name",
  VXLAN_DEVICES[device.family],
  ...(mac ? ["address", mac] : []),
  "type",
  "vxlan",
  "id",
  String(settings.vni),
  "local",
  device.local,
  "dstport",
  String(settings.port),
  "nolearning",
];

/** Arguments of `ip neigh replace` (after "replace"): the peer's tunnel address answers with its MAC. */
export const neighbourArgs = (peer: VxlanPeer): string[] => [
  peer.tunnelAddress,
  "lladdr",
  peer.mac,
  "dev",
  VXLAN_DEVICES[peer.family],
  "nud",
  "permanent",
];

/** Arguments of `bridge fdb replace` (after "replace"): frames for the peer's MAC go to its node's own address. */
export const forwardingArgs = (peer: VxlanPeer): string[] => [
  peer.mac,
  "dev",
  VXLAN_DEVICES[peer.family],
  "dst",
  peer.underlay,
  "self",
  "permanent",
];

/** What --dry-run adds for VXLAN, in the routes' style: a header per tool, then its arguments one line each. */
export function renderVxlan(
  devices: readonly VxlanDevicePlan[],
  peers: readonly VxlanPeer[],
  settings: VxlanSettings,
): string {
  if (devices.length === 0 && peers.length === 0) return "";
  const lines = (header: string, rows: string[][]) =>
    `# ${header}\n${rows.map((row) => `${row.join(" ")}\n`).join("")}`;
  const mtu =
    settings.mtu !== undefined
      ? `mtu ${settings.mtu}`
      : `mtu the uplink's minus ${VXLAN_OVERHEAD[4]} over IPv4, ${VXLAN_OVERHEAD[6]} over IPv6`;
  return [
    lines(
      `vxlan devices (ip link add; ${mtu})`,
      devices.map((device) => vxlanLinkArgs(device, settings)),
    ),
    lines("vxlan neighbours (ip neigh replace)", peers.map(neighbourArgs)),
    lines("vxlan forwarding entries (bridge fdb replace)", peers.map(forwardingArgs)),
  ].join("");
}
