// Unit tests of the Calico v1 ipPool schema: defaults, rejected fields, warnings and the canonical document.
import { describe, expect, it } from "vitest";
import { parsePoolDocument, poolToDocument } from "../../src/pool/resource.js";
import { thrownCniError } from "./support.js";

const doc = (cidr: string, spec?: unknown, extra: Record<string, unknown> = {}) => ({
  apiVersion: "v1",
  kind: "ipPool",
  metadata: { cidr },
  ...(spec === undefined ? {} : { spec }),
  ...extra,
});

const rejection = (input: unknown) => thrownCniError(() => parsePoolDocument(input, "pool document 1"));

describe("parsePoolDocument defaults", () => {
  it.each([
    ["no spec", undefined, { natOutgoing: false, disabled: false }],
    ["an empty spec", {}, { natOutgoing: false, disabled: false }],
    [
      "ipip: {} (enabled, mode always)",
      { ipip: {} },
      { ipip: { enabled: true, mode: "always" }, natOutgoing: false, disabled: false },
    ],
    [
      "ipip disabled",
      { ipip: { enabled: false } },
      { ipip: { enabled: false, mode: "always" }, natOutgoing: false, disabled: false },
    ],
    [
      "every field",
      { ipip: { enabled: true, mode: "cross-subnet" }, "nat-outgoing": true, disabled: true },
      { ipip: { enabled: true, mode: "cross-subnet" }, natOutgoing: true, disabled: true },
    ],
  ])("applies the defaults to %s", (_name, spec, expected) => {
    const { pool } = parsePoolDocument(doc("10.1.0.0/16", spec), "pool document 1");
    expect(pool).toEqual({ cidr: { family: 4, network: 0x0a010000n, prefix: 16 }, id: "10.1.0.0/16", ...expected });
    // No ipip in the document means tunnelling off, not "ipip with defaults".
    if (spec === undefined || !("ipip" in (spec as object))) expect(pool.ipip).toBeUndefined();
  });

  it("reads an IPv6 pool and canonicalises its id", () => {
    const { pool, warnings } = parsePoolDocument(doc("FD00:22:0::/64"), "p");
    expect(pool.id).toBe("fd00:22::/64");
    expect(pool.cidr.family).toBe(6);
    expect(warnings).toEqual([]);
  });
});

describe("parsePoolDocument rejections", () => {
  it.each([
    ["an unknown spec field", doc("10.1.0.0/16", { natOutgoing: true }), "unknown field spec.natOutgoing"],
    ["an unknown ipip field", doc("10.1.0.0/16", { ipip: { mod: "always" } }), "unknown field spec.ipip.mod"],
    [
      "an unknown metadata field",
      { ...doc("10.1.0.0/16"), metadata: { cidr: "10.1.0.0/16", name: "x" } },
      "unknown field metadata.name",
    ],
    ["an unknown top-level field", doc("10.1.0.0/16", {}, { status: {} }), "unknown field status"],
    [
      "a bad ipip mode",
      doc("10.1.0.0/16", { ipip: { mode: "sometimes" } }),
      "spec.ipip.mode: mode must be one of always, cross-subnet",
    ],
    ["a bad CIDR", doc("10.1/16"), "metadata.cidr: not a valid IPv4 or IPv6 CIDR"],
    ["a missing CIDR", { apiVersion: "v1", kind: "ipPool", metadata: {} }, "metadata.cidr"],
    ["a non-boolean disabled", doc("10.1.0.0/16", { disabled: "yes" }), "spec.disabled"],
    ["another apiVersion", { ...doc("10.1.0.0/16"), apiVersion: "projectcalico.org/v3" }, 'apiVersion must be "v1"'],
    ["another kind", { ...doc("10.1.0.0/16"), kind: "IPPool" }, 'kind must be "ipPool"'],
  ])("rejects %s with code 7, naming the field", (_name, input, fragment) => {
    const error = rejection(input);
    expect(error.code).toBe(7);
    expect(error.message).toContain("pool document 1");
    expect(error.message).toContain(fragment);
  });
});

describe("parsePoolDocument warnings", () => {
  it("masks host bits and says what it stored", () => {
    const { pool, warnings } = parsePoolDocument(doc("10.1.2.3/16"), "ipam.ipPools[0]");
    expect(pool.id).toBe("10.1.0.0/16");
    expect(warnings).toEqual(["ipam.ipPools[0]: cidr 10.1.2.3/16 has host bits set; stored as 10.1.0.0/16"]);
  });

  it("warns about ipip without nat-outgoing and still accepts the pool", () => {
    const { pool, warnings } = parsePoolDocument(doc("10.1.0.0/16", { ipip: {} }), "p");
    expect(pool.ipip?.enabled).toBe(true);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("nat-outgoing");
  });

  it.each([{ ipip: {} }, { ipip: { enabled: true, mode: "cross-subnet" } }])(
    "refuses ipip enabled on an IPv6 pool, as calicoctl does (%o)",
    (spec) => {
      expect(() => parsePoolDocument(doc("fd00:1::/64", spec), "ipam.ipPools[1]")).toThrow(
        expect.objectContaining({
          code: 7,
          message: "ipam.ipPools[1]: spec.ipip: IP-in-IP is not supported on an IPv6 pool (fd00:1::/64)",
        }),
      );
      expect(parsePoolDocument(doc("fd00:1::/64", { ipip: { enabled: false } }), "p").pool.ipip).toEqual({
        enabled: false,
        mode: "always",
      });
    },
  );

  it.each([
    ["ipip with nat-outgoing", { ipip: {}, "nat-outgoing": true }],
    ["ipip disabled", { ipip: { enabled: false } }],
    ["no ipip", {}],
  ])("does not warn for %s", (_name, spec) => {
    expect(parsePoolDocument(doc("10.1.0.0/16", spec), "p").warnings).toEqual([]);
  });
});

describe("poolToDocument", () => {
  it.each([
    ["no ipip", "fd00:1::/64", { disabled: true }],
    ["ipip defaults", "10.1.0.0/16", { ipip: {} }],
    ["every field", "fd00:1::/64", { ipip: { enabled: false, mode: "cross-subnet" }, "nat-outgoing": true }],
  ])("writes every default out and re-parses to the same pool (%s)", (_name, cidr, spec) => {
    const { pool } = parsePoolDocument(doc(cidr, spec), "p");
    const written = poolToDocument(pool);
    expect(written.spec).toHaveProperty("nat-outgoing");
    expect(written.spec).toHaveProperty("disabled");
    expect(parsePoolDocument(written, "p").pool).toEqual(pool);
  });
});

describe("spec.vxlan", () => {
  it.each([
    ["vxlan: {} (enabled, mode always)", "10.1.0.0/16", { vxlan: {} }, { enabled: true, mode: "always" }],
    ["vxlan disabled", "10.1.0.0/16", { vxlan: { enabled: false } }, { enabled: false, mode: "always" }],
    ["vxlan cross-subnet", "10.1.0.0/16", { vxlan: { mode: "cross-subnet" } }, { enabled: true, mode: "cross-subnet" }],
    ["an IPv6 pool (unlike ipip)", "fd00:1::/64", { vxlan: {} }, { enabled: true, mode: "always" }],
  ])("takes the same defaults as ipip: %s", (_name, cidr, spec, vxlan) => {
    const { pool } = parsePoolDocument(doc(cidr, { ...spec, "nat-outgoing": true }), "p");
    expect(pool.vxlan).toEqual(vxlan);
    expect(pool.ipip).toBeUndefined();
  });

  it("is off when absent, and a pool without it is written without the key", () => {
    const { pool } = parsePoolDocument(doc("10.1.0.0/16", { ipip: {}, "nat-outgoing": true }), "p");
    expect(pool.vxlan).toBeUndefined();
    expect(poolToDocument(pool).spec).toEqual({
      ipip: { enabled: true, mode: "always" },
      "nat-outgoing": true,
      disabled: false,
    });
  });

  it.each([
    ["no vxlan", "10.1.0.0/16", { vxlan: { enabled: false, mode: "cross-subnet" } }],
    ["vxlan defaults on IPv6", "fd00:1::/64", { vxlan: {} }],
    ["ipip off beside vxlan", "10.1.0.0/16", { ipip: { enabled: false }, vxlan: {} }],
  ])("writes every default out and re-parses to the same pool (%s)", (_name, cidr, spec) => {
    const { pool } = parsePoolDocument(doc(cidr, spec), "p");
    expect(poolToDocument(pool).spec).toHaveProperty("vxlan");
    expect(parsePoolDocument(poolToDocument(pool), "p").pool).toEqual(pool);
  });

  it.each([
    ["10.1.0.0/16", { ipip: {}, vxlan: {} }],
    ["10.1.0.0/16", { ipip: { mode: "cross-subnet" }, vxlan: { enabled: true, mode: "always" } }],
  ])("refuses ipip and vxlan both enabled with code 7, naming both fields (%s %o)", (cidr, spec) => {
    const error = thrownCniError(() => parsePoolDocument(doc(cidr, spec), "ipam.ipPools[0]"));
    expect(error.code).toBe(7);
    expect(error.message).toBe(
      "ipam.ipPools[0]: spec.ipip and spec.vxlan are both enabled on pool 10.1.0.0/16; a pool uses one encapsulation",
    );
  });

  it.each([
    ["a bad mode", { vxlan: { mode: "CrossSubnet" } }, "spec.vxlan.mode: mode must be one of always, cross-subnet"],
    ["an unknown field", { vxlan: { vni: 4096 } }, "unknown field spec.vxlan.vni"],
    ["a non-boolean enabled", { vxlan: { enabled: "true" } }, "spec.vxlan.enabled"],
    ["null", { vxlan: null }, "spec.vxlan"],
  ])("rejects %s with code 7, naming the field", (_name, spec, fragment) => {
    const error = rejection(doc("10.1.0.0/16", spec));
    expect(error.code).toBe(7);
    expect(error.message).toContain(fragment);
  });

  it("warns about vxlan without nat-outgoing, as about ipip, and still accepts the pool", () => {
    const { pool, warnings } = parsePoolDocument(doc("10.1.0.0/16", { vxlan: {} }), "p");
    expect(pool.vxlan?.enabled).toBe(true);
    expect(warnings).toEqual([expect.stringContaining("p: pool 10.1.0.0/16 has vxlan enabled but nat-outgoing off")]);
    expect(parsePoolDocument(doc("10.1.0.0/16", { vxlan: { enabled: false } }), "p").warnings).toEqual([]);
  });
});
