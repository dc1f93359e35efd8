// The pure part of the node agent: from pools, nodes, blocks and this node's name to the rules and routes it wants.
import { DataplaneError } from "./dataplane-error.js";
import { cidrContains, familyBits, formatCidr, parseCidr, type Family } from "../alloc/address.js";
import type { Encapsulation, Pool } from "../pool/resource.js";
import { nodeAddress, vxlanEndpoint, type Node } from "../node/resource.js";

/** A claimed block as the plan needs it: where it is, in which pool, and the node it is affine to. */
export interface AffineBlock {
  readonly cidr: string;
  readonly pool: string;
  readonly node: string;
}

export interface PlanInput {
  readonly pools: readonly Pool[];
  readonly nodes: readonly Node[];
  readonly blocks: readonly AffineBlock[];
  readonly nodename: string;
}

/** nat-outgoing of one family: sources to masquerade, and the destinations that are never masqueraded. */
export interface NatPlan {
  readonly masqueradePools: readonly string[];
  /** Every pool of the family, disabled ones included (a disabled pool marks a CIDR "do not NAT to"). */
  readonly allPools: readonly string[];
}

export type PlannedRoute =
  | { readonly family: Family; readonly kind: "blackhole"; readonly dst: string }
  /**
   * A host route to a remote VXLAN endpoint's tunnel address through the device. The kernel checks
   * an IPv6 onlink gateway against the routing table, and the block that holds that address may be
   * routed elsewhere (direct, by a cross-subnet pool); this route makes the gateway the device's.
   */
  | { readonly family: Family; readonly kind: "endpoint"; readonly dst: string }
  | {
      readonly family: Family;
      /** tunnel: through tunl0 to the node's address; vxlan: through the family's VXLAN device to its tunnel address. */
      readonly kind: "direct" | "tunnel" | "vxlan";
      readonly dst: string;
      readonly via: string;
    };

/** A family whose VXLAN device this node needs. */
export interface VxlanDevicePlan {
  readonly family: Family;
  /** The family's pools with VXLAN enabled; the node's tunnel address comes from one of them that is not disabled. */
  readonly pools: readonly string[];
  /** This node's own address of the family: the outer source of what the device sends. */
  readonly local: string;
}

/** A remote node's VXLAN endpoint this node sends to: a permanent neighbour entry and a forwarding entry. */
export interface VxlanPeer {
  readonly family: Family;
  readonly node: string;
  /** The neighbour entry maps the remote tunnel address to its MAC... */
  readonly tunnelAddress: string;
  readonly mac: string;
  /** ...and the forwarding entry that MAC to the remote node's own address, the outer destination. */
  readonly underlay: string;
}

export interface Plan {
  readonly nat: Readonly<Record<Family, NatPlan>>;
  /** Sorted by family, then the endpoints' host routes, then destination. */
  readonly routes: readonly PlannedRoute[];
  /** The pools whose routes go through tunl0; empty means tunl0 is left alone. */
  readonly tunnelPools: readonly string[];
  /** By family; none means no VXLAN device is needed. */
  readonly vxlanDevices: readonly VxlanDevicePlan[];
  /** Sorted by family, then node. */
  readonly vxlanPeers: readonly VxlanPeer[];
  /** One line each, for stderr; none of them changes the exit status. */
  readonly warnings: readonly string[];
}

export function planDataplane(input: PlanInput): Plan {
  const local = input.nodes.find((node) => node.name === input.nodename);
  if (!local) {
    const known =
      input.nodes.length > 0
        ? ` (stored nodes: ${input.nodes.map((node) => node.name).join(", ")})`
        : " (no node is stored)";
    throw new DataplaneError(
      `node ${input.nodename} has no node record${known}`,
      `register it with 'ippool node register --nodename ${input.nodename}', or give the name it was registered under with --nodename`,
    );
  }
  const pools = new Map(input.pools.map((pool) => [pool.id, pool]));
  const nodes = new Map(input.nodes.map((node) => [node.name, node]));
  const routes: PlannedRoute[] = [];
  const tunnelPools = new Set<string>();
  const vxlanPeers = new Map<string, VxlanPeer>();
  /** Blocks left without a route because their node has not published its VXLAN endpoint, by node and family. */
  const awaitingEndpoint = new Map<string, { node: string; family: Family; blocks: string[] }>();
  const warnings: string[] = [];

  for (const block of input.blocks) {
    const parsed = parseCidr(block.cidr);
    if (!parsed) continue;
    const { family } = parsed.cidr;
    if (block.node === local.name) {
      // A /32 (/128) block would collide with the container's own host route; nothing to cover.
      if (parsed.cidr.prefix < familyBits(family)) routes.push({ family, kind: "blackhole", dst: block.cidr });
      continue;
    }
    const remote = nodes.get(block.node);
    if (!remote) {
      warnings.push(
        `block ${block.cidr} is affine to node ${block.node}, which has no node record: no route (register it with 'ippool node register')`,
      );
      continue;
    }
    const address = nodeAddress(remote, family);
    if (!address) {
      warnings.push(
        `node ${remote.name} has no IPv${family} address (spec.bgp.ipv${family}Address): block ${block.cidr} is unroutable from ${local.name}`,
      );
      continue;
    }
    const localAddress = nodeAddress(local, family);
    const sameSubnet = localAddress !== undefined && cidrContains(localAddress.subnet, family, address.value);
    const pool = pools.get(block.pool);
    // Without an address of the family here, this node has no VXLAN device to send from.
    if (localAddress && encapsulates(pool?.vxlan, sameSubnet)) {
      const endpoint = vxlanEndpoint(remote, family);
      const key = `${family} ${remote.name}`;
      if (!endpoint) {
        const awaiting = awaitingEndpoint.get(key) ?? { node: remote.name, family, blocks: [] };
        awaiting.blocks.push(block.cidr);
        awaitingEndpoint.set(key, awaiting);
        continue;
      }
      routes.push({ family, kind: "vxlan", dst: block.cidr, via: endpoint.address });
      vxlanPeers.set(key, {
        family,
        node: remote.name,
        tunnelAddress: endpoint.address,
        mac: endpoint.mac,
        underlay: address.address,
      });
    } else if (family === 4 && encapsulates(pool?.ipip, sameSubnet)) {
      // ipip never applies to IPv6: IP-in-IP carries IPv4 only, and the pool schema rejects it there.
      tunnelPools.add(pool!.id);
      routes.push({ family, kind: "tunnel", dst: block.cidr, via: address.address });
    } else if (sameSubnet) {
      routes.push({ family, kind: "direct", dst: block.cidr, via: address.address });
    } else {
      const mine = localAddress
        ? `outside this node's subnet ${formatCidr(localAddress.subnet)}`
        : `and node ${local.name} has no IPv${family} address`;
      warnings.push(
        `node ${remote.name} at ${address.address} is unroutable for block ${block.cidr}: ${mine}, no direct route (a routing daemon may cover it)`,
      );
    }
  }

  for (const { node, family, blocks } of awaitingEndpoint.values()) {
    warnings.push(
      `node ${node} has no IPv${family} VXLAN endpoint yet (spec.vxlan.ipv${family}TunnelAddress and ipv${family}TunnelMAC, ` +
        `written by its agent): no route from ${local.name} to block(s) ${blocks.join(", ")}`,
    );
  }
  for (const peer of vxlanPeers.values())
    routes.push({ family: peer.family, kind: "endpoint", dst: `${peer.tunnelAddress}/${familyBits(peer.family)}` });
  // An endpoint's host route goes first: the routes through the device name it as their gateway.
  routes.sort((a, b) => a.family - b.family || endpointFirst(a) - endpointFirst(b) || byText(a.dst, b.dst));
  return {
    nat: { 4: natPlan(input.pools, 4), 6: natPlan(input.pools, 6) },
    routes,
    tunnelPools: [...tunnelPools].sort(),
    vxlanDevices: vxlanDevices(input.pools, local),
    vxlanPeers: [...vxlanPeers.values()].sort((a, b) => a.family - b.family || byText(a.node, b.node)),
    warnings,
  };
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const endpointFirst = (route: PlannedRoute): number => (route.kind === "endpoint" ? 0 : 1);

/**
 * ipip and vxlan decide alike: on when enabled, in mode always for every remote node, in mode
 * cross-subnet only for one outside this node's subnet.
 */
const encapsulates = (setting: Encapsulation | undefined, sameSubnet: boolean): boolean =>
  setting?.enabled === true && (setting.mode === "always" || !sameSubnet);

/**
 * Every family with a VXLAN pool, whatever this node's own routes need: other nodes can send to
 * this node's blocks only once its device exists and its agent has published the endpoint, so
 * waiting for a route of its own to need the device would leave both sides waiting.
 */
function vxlanDevices(pools: readonly Pool[], local: Node): VxlanDevicePlan[] {
  return ([4, 6] as const).flatMap((family) => {
    const ids = pools.filter((pool) => pool.cidr.family === family && pool.vxlan?.enabled).map((pool) => pool.id);
    const localAddress = nodeAddress(local, family);
    return ids.length > 0 && localAddress ? [{ family, pools: ids, local: localAddress.address }] : [];
  });
}

function natPlan(pools: readonly Pool[], family: Family): NatPlan {
  const ofFamily = pools.filter((pool) => pool.cidr.family === family);
  return {
    masqueradePools: ofFamily.filter((pool) => pool.natOutgoing).map((pool) => pool.id),
    allPools: ofFamily.map((pool) => pool.id),
  };
}
