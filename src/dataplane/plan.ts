// The pure part of the node agent: from pools, nodes, blocks and this node's name to the rules and routes it wants.
import { DataplaneError } from "./dataplane-error.js";
import { cidrContains, familyBits, formatCidr, parseCidr, type Family } from "../alloc/address.js";
import type { Pool } from "../pool/resource.js";
import { nodeAddress, type Node } from "../node/resource.js";

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
  | { readonly family: Family; readonly kind: "direct" | "tunnel"; readonly dst: string; readonly via: string };

export interface Plan {
  readonly nat: Readonly<Record<Family, NatPlan>>;
  /** Sorted by family, then destination. */
  readonly routes: readonly PlannedRoute[];
  /** The pools whose routes go through tunl0; empty means tunl0 is left alone. */
  readonly tunnelPools: readonly string[];
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
    // ipip never applies to IPv6: IP-in-IP carries IPv4 only, and the pool schema rejects it there.
    const tunnel = family === 4 && pool?.ipip?.enabled === true && (pool.ipip.mode === "always" || !sameSubnet);
    if (tunnel) {
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

  routes.sort((a, b) => a.family - b.family || (a.dst < b.dst ? -1 : a.dst > b.dst ? 1 : 0));
  return {
    nat: { 4: natPlan(input.pools, 4), 6: natPlan(input.pools, 6) },
    routes,
    tunnelPools: [...tunnelPools].sort(),
    warnings,
  };
}

function natPlan(pools: readonly Pool[], family: Family): NatPlan {
  const ofFamily = pools.filter((pool) => pool.cidr.family === family);
  return {
    masqueradePools: ofFamily.filter((pool) => pool.natOutgoing).map((pool) => pool.id),
    allPools: ofFamily.map((pool) => pool.id),
  };
}
