// Shared by the plan's unit tests: pools, nodes and blocks built through the resources' own parsers.
import { parsePoolDocument, type Pool } from "../../src/pool/resource.js";
import { parseNodeDocument, type Node } from "../../src/node/resource.js";
import type { BlockSummary } from "../../src/ipam/blocks.js";

export const pool = (cidr: string, spec: Record<string, unknown> = {}): Pool =>
  parsePoolDocument({ apiVersion: "v1", kind: "ipPool", metadata: { cidr }, spec }, "test").pool;

export const node = (name: string, bgp?: Record<string, unknown>, vxlan?: Record<string, unknown>): Node =>
  parseNodeDocument(
    {
      apiVersion: "v1",
      kind: "node",
      metadata: { name },
      spec: { ...(bgp ? { bgp } : {}), ...(vxlan ? { vxlan } : {}) },
    },
    "test",
  ).node;

export const block = (cidr: string, poolCidr: string, nodeName: string, used = 1): BlockSummary => ({
  cidr,
  pool: poolCidr,
  node: nodeName,
  used,
  free: 64 - used,
});
