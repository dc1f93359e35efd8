// Unit tests of the Calico v1 node schema: addresses with prefix, rejected fields, warnings, the canonical document.
import { describe, expect, it } from "vitest";
import { nodeToDocument, parseNodeAddress, parseNodeDocument } from "../../src/node/resource.js";
import { thrownCniError } from "./support.js";

const doc = (name: unknown, spec?: unknown, extra: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "node",
  metadata: { name },
  ...(spec === undefined ? {} : { spec }),
  ...extra,
});
const rejection = (input: unknown) => thrownCniError(() => parseNodeDocument(input, "nodes.yaml: document 1"));

describe("parseNodeDocument", () => {
  it("keeps the host bits of the address and takes the subnet from its prefix", () => {
    const { node, warnings } = parseNodeDocument(
      doc("node-a", { bgp: { ipv4Address: "192.168.10.11/24", ipv6Address: "fd00:10:0::11/64", asNumber: 64512 } }),
      "x",
    );
    expect(node.ipv4).toEqual({
      family: 4,
      value: 0xc0a80a0bn,
      address: "192.168.10.11",
      subnet: { family: 4, network: 0xc0a80a00n, prefix: 24 },
      text: "192.168.10.11/24",
    });
    expect(node.ipv6?.text).toBe("fd00:10::11/64");
    expect(node.asNumber).toBe(64512);
    expect(warnings).toEqual([]);
  });

  it("reads a bare address as a subnet of one, and warns", () => {
    const { node, warnings } = parseNodeDocument(
      doc("n", { bgp: { ipv4Address: "192.168.10.11" } }),
      "nodes.yaml: document 1",
    );
    expect(node.ipv4?.text).toBe("192.168.10.11/32");
    expect(warnings).toEqual([
      expect.stringContaining("nodes.yaml: document 1: spec.bgp.ipv4Address 192.168.10.11 has no prefix"),
    ]);
  });

  it("accepts a node without spec or address", () => {
    expect(parseNodeDocument(doc("bare"), "x").node).toEqual({ name: "bare" });
  });

  it.each([
    ["an unknown spec field", doc("n", { orchRefs: [] }), "nodes.yaml: document 1: unknown field spec.orchRefs"],
    ["an unknown bgp field", doc("n", { bgp: { ipv4Adress: "10.0.0.1/24" } }), "unknown field spec.bgp.ipv4Adress"],
    ["an unknown top-level field", doc("n", {}, { status: {} }), "unknown field status"],
    [
      "an IPv6 address as ipv4Address",
      doc("n", { bgp: { ipv4Address: "fd00::1/64" } }),
      "spec.bgp.ipv4Address: not an IPv4 address with prefix",
    ],
    [
      "a prefix too long",
      doc("n", { bgp: { ipv4Address: "10.0.0.1/33" } }),
      "spec.bgp.ipv4Address: not an IPv4 address",
    ],
    ["a name with a slash", doc("a/b"), "metadata.name: a node name is lower-case letters"],
    ["a name of dots", doc(".."), "metadata.name: a node name"],
    ["an upper-case name", doc("Node"), "metadata.name: a node name"],
    ["an AS number of 0", doc("n", { bgp: { asNumber: 0 } }), "spec.bgp.asNumber"],
    ["a wrong kind", { ...doc("n"), kind: "Node" }, 'kind must be "node"'],
  ])("rejects %s", (_name, input, message) => {
    expect(rejection(input).message).toContain(message);
  });
});

describe("nodeToDocument", () => {
  it("writes the canonical form, which parses back to the same node", () => {
    const { node } = parseNodeDocument(
      doc("n", { bgp: { ipv6Address: "FD00:0010::0011/64", ipv4Address: "10.0.0.5/8" } }),
      "x",
    );
    const written = nodeToDocument(node);
    expect(written).toEqual({
      apiVersion: "v1",
      kind: "node",
      metadata: { name: "n" },
      spec: { bgp: { ipv4Address: "10.0.0.5/8", ipv6Address: "fd00:10::11/64" } },
    });
    expect(parseNodeDocument(written, "x").node).toEqual(node);
    expect(nodeToDocument({ name: "bare" })).toEqual({
      apiVersion: "v1",
      kind: "node",
      metadata: { name: "bare" },
      spec: {},
    });
  });
});

describe("parseNodeAddress", () => {
  it.each(["10.0.0.1/", "10.1/8", "10.0.0.1/x", "", "fd00::1/129"])("rejects %j", (text) =>
    expect(parseNodeAddress(text)).toBeUndefined(),
  );
});
