// Unit tests of the Calico v1 node schema: addresses with prefix, rejected fields, warnings, the canonical document.
import { describe, expect, it } from "vitest";
import { nodeToDocument, parseNodeAddress, parseNodeDocument, vxlanEndpoint } from "../../src/node/resource.js";
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

describe("the VXLAN endpoint fields (spec.vxlan)", () => {
  const VXLAN = {
    ipv4TunnelAddress: "10.60.0.1",
    ipv4TunnelMAC: "66:1F:9A:0C:3E:21",
    ipv6TunnelAddress: "FD00:60:0::1",
    ipv6TunnelMAC: "66:1f:9a:0c:3e:22",
  };

  it("accepts both families' address and MAC, canonical, and writes them back under spec.vxlan", () => {
    const { node, warnings } = parseNodeDocument(doc("n", { bgp: { ipv4Address: "10.0.0.5/8" }, vxlan: VXLAN }), "x");
    expect(warnings).toEqual([]);
    const canonical = {
      ipv4TunnelAddress: "10.60.0.1",
      ipv4TunnelMAC: "66:1f:9a:0c:3e:21",
      ipv6TunnelAddress: "fd00:60::1",
      ipv6TunnelMAC: "66:1f:9a:0c:3e:22",
    };
    expect(node.vxlan).toEqual(canonical);
    expect(nodeToDocument(node).spec).toEqual({ bgp: { ipv4Address: "10.0.0.5/8" }, vxlan: canonical });
    expect(parseNodeDocument(nodeToDocument(node), "x").node).toEqual(node);
  });

  it("knows a family's endpoint only once both its address and its MAC are there", () => {
    const { node } = parseNodeDocument(
      doc("n", { vxlan: { ipv4TunnelAddress: "10.60.0.1", ipv6TunnelMAC: "66:00:00:00:00:01" } }),
      "x",
    );
    expect(vxlanEndpoint(node, 4)).toBeUndefined();
    expect(vxlanEndpoint(node, 6)).toBeUndefined();
    const full = parseNodeDocument(doc("n", { vxlan: VXLAN }), "x").node;
    expect(vxlanEndpoint(full, 4)).toEqual({ address: "10.60.0.1", mac: "66:1f:9a:0c:3e:21" });
    expect(vxlanEndpoint(full, 6)).toEqual({ address: "fd00:60::1", mac: "66:1f:9a:0c:3e:22" });
  });

  it("leaves a node without them as it was: an empty spec.vxlan writes no key", () => {
    const { node } = parseNodeDocument(doc("n", { bgp: { ipv4Address: "10.0.0.5/8" }, vxlan: {} }), "x");
    expect(node.vxlan).toBeUndefined();
    expect(nodeToDocument(node).spec).toEqual({ bgp: { ipv4Address: "10.0.0.5/8" } });
  });

  it.each([
    [
      "an IPv6 address as the IPv4 one",
      { ipv4TunnelAddress: "fd00::1" },
      "spec.vxlan.ipv4TunnelAddress: not an IPv4 address",
    ],
    [
      "an IPv4 address as the IPv6 one",
      { ipv6TunnelAddress: "10.60.0.1" },
      "spec.vxlan.ipv6TunnelAddress: not an IPv6 address",
    ],
    [
      "an address with a prefix",
      { ipv4TunnelAddress: "10.60.0.1/32" },
      "spec.vxlan.ipv4TunnelAddress: not an IPv4 address without prefix",
    ],
    ["a short IPv4 spelling", { ipv4TunnelAddress: "10.60.1" }, "spec.vxlan.ipv4TunnelAddress"],
    ["a MAC of five bytes", { ipv4TunnelMAC: "66:1f:9a:0c:3e" }, "spec.vxlan.ipv4TunnelMAC: not a unicast MAC address"],
    [
      "a MAC with dashes",
      { ipv6TunnelMAC: "66-1f-9a-0c-3e-21" },
      "spec.vxlan.ipv6TunnelMAC: not a unicast MAC address",
    ],
    ["a multicast MAC", { ipv4TunnelMAC: "01:00:5e:00:00:01" }, "spec.vxlan.ipv4TunnelMAC: not a unicast MAC address"],
    [
      "the broadcast MAC",
      { ipv4TunnelMAC: "ff:ff:ff:ff:ff:ff" },
      "spec.vxlan.ipv4TunnelMAC: not a unicast MAC address",
    ],
    ["the all-zero MAC", { ipv6TunnelMAC: "00:00:00:00:00:00" }, "spec.vxlan.ipv6TunnelMAC: not a unicast MAC address"],
    ["a MAC that is not a string", { ipv4TunnelMAC: 42 }, "spec.vxlan.ipv4TunnelMAC"],
    ["Calico v3's flat name", { ipv4VXLANTunnelAddr: "10.60.0.1" }, "unknown field spec.vxlan.ipv4VXLANTunnelAddr"],
  ])("rejects %s with code 7, naming the field", (_name, vxlan, message) => {
    const error = rejection(doc("n", { vxlan }));
    expect(error.code).toBe(7);
    expect(error.message).toContain("nodes.yaml: document 1: ");
    expect(error.message).toContain(message);
  });
});
