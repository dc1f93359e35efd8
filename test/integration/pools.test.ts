// Which pools a network allocates from: dual-stack, IPv6 /64, disabled pools, ipv4_pools lists, exhaustion, stored pools.
import { describe, expect, it } from "vitest";
import { netconf } from "../helpers/ippool.js";
import {
  VERSIONS,
  addOk,
  addressesOf,
  attachmentFiles,
  expectError,
  inlinePool,
  run,
  setBitCount,
  storePools,
  useDataDir,
} from "./support.js";

const dir = useDataDir();
const conf = (ipam: Record<string, unknown>, version = "1.0.0", extra: Record<string, unknown> = {}) =>
  netconf(version, { dataDir: dir.path, ...ipam }, extra);
const dualStack = {
  ipPools: [inlinePool("10.50.0.0/16"), inlinePool("fd00:50::/64")],
  routes: [{ dst: "0.0.0.0/0" }, { dst: "::/0" }],
};

describe("dual-stack", () => {
  it.each(VERSIONS)("%s: one address of each family, each with its own gateway and routes", async (version) => {
    const result = await addOk(conf(dualStack, version));
    if (version === "0.1.0" || version === "0.2.0") {
      expect(result.ip4).toEqual({ ip: "10.50.0.2/16", gateway: "10.50.0.1", routes: [{ dst: "0.0.0.0/0" }] });
      expect(result.ip6).toEqual({ ip: "fd00:50::2/64", gateway: "fd00:50::1", routes: [{ dst: "::/0" }] });
    } else {
      expect(result.ips.map((ip: any) => [ip.address, ip.gateway, ip.version])).toEqual([
        ["10.50.0.2/16", "10.50.0.1", version.startsWith("0.") ? "4" : undefined],
        ["fd00:50::2/64", "fd00:50::1", version.startsWith("0.") ? "6" : undefined],
      ]);
      expect(result.routes).toEqual([{ dst: "0.0.0.0/0" }, { dst: "::/0" }]);
    }
    if (version >= "0.4.0") expect((await run("CHECK", conf(dualStack, version, { prevResult: result }))).code).toBe(0);
    expect((await run("DEL", conf(dualStack, version))).code).toBe(0);
    expect(setBitCount(dir.path)).toBe(0);
  });

  it.each([
    ["assign_ipv6 false", { assign_ipv6: false }, ["10.50.0.2"]],
    ['assign_ipv4 "false" (Calico spelling)', { assign_ipv4: "false" }, ["fd00:50::2"]],
  ])("honours %s", async (_name, flags, expected) => {
    expect(addressesOf(await addOk(conf({ ...dualStack, ...flags })))).toEqual(expected);
  });

  it("fails with code 103 when assign_ipv6 is true and the network has no IPv6 pool", async () => {
    expectError(
      await run("ADD", conf({ ipPools: [inlinePool("10.50.0.0/16")], assign_ipv6: true })),
      103,
      "no enabled IPv6 pool",
    );
  });

  it("takes nothing when the second family fails: the IPv4 address taken first is given back", async () => {
    // The IPv6 pool is a /127 whose two addresses are both held already.
    const pools = [inlinePool("10.50.0.0/16"), inlinePool("fd00:50::/127")];
    await addOk(conf({ ipPools: pools }), { containerId: "a" });
    await addOk(conf({ ipPools: pools }), { containerId: "b" });
    expect(setBitCount(dir.path)).toBe(4);
    expectError(await run("ADD", conf({ ipPools: pools }), { containerId: "c" }), 100, "fd00:50::/127");
    expect(setBitCount(dir.path)).toBe(4);
    expect(attachmentFiles(dir.path).sort()).toEqual(["testnet/a:eth0", "testnet/b:eth0"]);
  });
});

describe("IPv6 /64", () => {
  it("allocates from a /64 and writes state only for the block it touched", async () => {
    const ipam = { ipPools: [inlinePool("fd00:64::/64")] };
    const addresses = [];
    for (const id of ["a", "b", "c"]) addresses.push(...addressesOf(await addOk(conf(ipam), { containerId: id })));
    expect(addresses).toEqual(["fd00:64::2", "fd00:64::3", "fd00:64::4"]);
    expect(setBitCount(dir.path)).toBe(3);
    for (const id of ["a", "b", "c"]) expect((await run("DEL", conf(ipam), { containerId: id })).code).toBe(0);
    expect(setBitCount(dir.path)).toBe(0);
  });
});

describe("disabled pools", () => {
  it("never give a new address, but existing allocations still CHECK and DEL", async () => {
    const enabled = { ipPools: [inlinePool("10.51.0.0/24")] };
    const disabled = { ipPools: [inlinePool("10.51.0.0/24", { disabled: true })] };
    const held = await addOk(conf(enabled), { containerId: "old" });
    expectError(await run("ADD", conf(disabled), { containerId: "new" }), 103, "no enabled pool");
    // Idempotent ADD of the existing attachment still answers with what it holds.
    expect(await addOk(conf(disabled), { containerId: "old" })).toEqual(held);
    expect((await run("CHECK", conf(disabled, "1.0.0", { prevResult: held }), { containerId: "old" })).code).toBe(0);
    expect((await run("DEL", conf(disabled), { containerId: "old" })).code).toBe(0);
    expect(setBitCount(dir.path)).toBe(0);
  });

  it("are skipped in favour of an enabled pool of the same family", async () => {
    const ipam = { ipPools: [inlinePool("10.51.0.0/24", { disabled: true }), inlinePool("10.52.0.0/24")] };
    expect(addressesOf(await addOk(conf(ipam)))).toEqual(["10.52.0.2"]);
  });
});

describe("ipv4_pools and ipv6_pools", () => {
  const three = [
    inlinePool("10.60.0.0/24"),
    inlinePool("10.61.0.0/24"),
    inlinePool("10.62.0.0/24", { disabled: true }),
    inlinePool("fd00:60::/64"),
  ];

  it("without a list, tries every enabled pool in CIDR order", async () => {
    expect(addressesOf(await addOk(conf({ ipPools: three, assign_ipv6: false })))).toEqual(["10.60.0.2"]);
  });

  it("restricts and orders the candidates", async () => {
    const ipam = { ipPools: three, ipv4_pools: ["10.61.0.0/24", "10.60.0.0/24"], ipv6_pools: ["fd00:60::/64"] };
    expect(addressesOf(await addOk(conf(ipam)))).toEqual(["10.61.0.2", "fd00:60::2"]);
  });

  it("moves on to the next listed pool when the first is full", async () => {
    const pools = [inlinePool("10.63.0.0/30"), inlinePool("10.60.0.0/24")];
    const ipam = { ipPools: pools, ipv4_pools: ["10.63.0.0/30", "10.60.0.0/24"] };
    expect(addressesOf(await addOk(conf(ipam), { containerId: "a" }))).toEqual(["10.63.0.2"]);
    expect(addressesOf(await addOk(conf(ipam), { containerId: "b" }))).toEqual(["10.60.0.2"]);
  });

  it.each([
    ["a missing pool", ["10.99.0.0/24"], "ipam.ipv4_pools names pool 10.99.0.0/24, which does not exist"],
    ["a disabled pool", ["10.60.0.0/24", "10.62.0.0/24"], "ipam.ipv4_pools names pool 10.62.0.0/24, which is disabled"],
  ])("fail ADD naming %s (code 103)", async (_name, list, message) => {
    const result = await run("ADD", conf({ ipPools: three, ipv4_pools: list }));
    expectError(result, 103);
    expect(result.json.msg).toBe(message);
  });
});

describe("exhaustion", () => {
  it.each(VERSIONS)("%s: code 100 naming the pool and its usage once a /29 is full", async (version) => {
    const ipam = { ipPools: [inlinePool("10.70.0.0/29")] };
    // /29: 8 addresses less network, gateway and broadcast.
    const got = [];
    for (let i = 0; i < 5; i++) got.push(...addressesOf(await addOk(conf(ipam, version), { containerId: `c${i}` })));
    expect(got).toEqual(["10.70.0.2", "10.70.0.3", "10.70.0.4", "10.70.0.5", "10.70.0.6"]);
    const full = await run("ADD", conf(ipam, version), { containerId: "c5" });
    expectError(full, 100);
    expect(full.json.msg).toBe("no free IPv4 address in pool 10.70.0.0/29 (5 of 5 in use)");
    expect(full.json.cniVersion).toBe(version);
    // A DEL frees one address, which the next ADD gets.
    expect((await run("DEL", conf(ipam, version), { containerId: "c2" })).code).toBe(0);
    expect(addressesOf(await addOk(conf(ipam, version), { containerId: "c5" }))).toEqual(["10.70.0.4"]);
  });

  it("does not reuse a released address while others are free", async () => {
    const ipam = { ipPools: [inlinePool("10.71.0.0/24")] };
    await addOk(conf(ipam), { containerId: "a" });
    expect((await run("DEL", conf(ipam), { containerId: "a" })).code).toBe(0);
    expect(addressesOf(await addOk(conf(ipam), { containerId: "b" }))).toEqual(["10.71.0.3"]);
  });
});

describe("stored pools", () => {
  it("are used alone, and combined with inline pools (inline replaces a stored pool of the same CIDR)", async () => {
    await storePools(dir.path, [
      inlinePool("10.80.0.0/24", { disabled: true }),
      inlinePool("10.81.0.0/24"),
      inlinePool("fd00:80::/64"),
    ]);
    // Stored only: the disabled one is skipped.
    expect(addressesOf(await addOk(conf({}), { containerId: "a" }))).toEqual(["10.81.0.2", "fd00:80::2"]);
    // Inline enables 10.80.0.0/24 for this network and adds 10.82.0.0/24.
    const ipam = { ipPools: [inlinePool("10.80.0.0/24"), inlinePool("10.82.0.0/24")], ipv4_pools: ["10.80.0.0/24"] };
    expect(addressesOf(await addOk(conf(ipam), { containerId: "b" }))).toEqual(["10.80.0.2", "fd00:80::3"]);
    expect(addressesOf(await addOk(conf({ ...ipam, ipv4_pools: ["10.82.0.0/24"] }), { containerId: "c" }))).toEqual([
      "10.82.0.2",
      "fd00:80::4",
    ]);
  });

  it("rejects an inline pool that overlaps a stored one with code 7", async () => {
    await storePools(dir.path, [inlinePool("10.80.0.0/16")]);
    expectError(await run("ADD", conf({ ipPools: [inlinePool("10.80.5.0/24")] })), 7, "overlaps");
  });

  it("fails with code 103 when there is no pool at all", async () => {
    expectError(await run("ADD", conf({})), 103, "no enabled pool");
  });
});

describe("pools shared between networks", () => {
  it("hand out each address once when two networks name the same CIDR", async () => {
    const ipam = { ipPools: [inlinePool("10.85.0.0/24")] };
    const first = addressesOf(await addOk(conf(ipam, "1.0.0", { name: "net-a" })));
    const second = addressesOf(await addOk(conf(ipam, "1.0.0", { name: "net-b" })));
    expect([first, second]).toEqual([["10.85.0.2"], ["10.85.0.3"]]);
    // Same container and ifname on two networks are two attachments; DEL of one leaves the other.
    expect((await run("DEL", conf(ipam, "1.0.0", { name: "net-a" }))).code).toBe(0);
    expect(attachmentFiles(dir.path)).toEqual(["net-b/ctr-1:eth0"]);
  });

  it("refuse a pool overlapping one of another network that still holds addresses (code 7)", async () => {
    await addOk(conf({ ipPools: [inlinePool("10.86.0.0/16")] }, "1.0.0", { name: "net-a" }));
    const overlapping = conf({ ipPools: [inlinePool("10.86.0.0/24")] }, "1.0.0", { name: "net-b" });
    expectError(
      await run("ADD", overlapping),
      7,
      "pool 10.86.0.0/24 overlaps pool 10.86.0.0/16, which still holds 1 address",
    );
    // Once the other pool is empty again there is nothing to collide with.
    expect((await run("DEL", conf({ ipPools: [inlinePool("10.86.0.0/16")] }, "1.0.0", { name: "net-a" }))).code).toBe(
      0,
    );
    expect(addressesOf(await addOk(overlapping))).toEqual(["10.86.0.2"]);
  });
});

describe("pool warnings on stderr", () => {
  it.each([
    [
      "host bits in the CIDR",
      inlinePool("10.87.3.4/16"),
      "cidr 10.87.3.4/16 has host bits set; stored as 10.87.0.0/16",
      "10.87.0.2",
    ],
    [
      "ipip without nat-outgoing",
      inlinePool("10.88.0.0/16", { ipip: {} }),
      "ipip enabled but nat-outgoing off",
      "10.88.0.2",
    ],
  ])("warns about %s and allocates all the same", async (_name, doc, warning, address) => {
    const result = await run("ADD", conf({ ipPools: [doc] }));
    expect(result.code, result.stdout).toBe(0);
    expect(addressesOf(result.json)).toEqual([address]);
    expect(result.stderr).toContain("ipam.ipPools[0]");
    expect(result.stderr).toContain(warning);
  });
});
