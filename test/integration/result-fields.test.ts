// What an ADD result carries besides the address: gateway rules, prefix length, routes per family, dns.
import { describe, expect, it } from "vitest";
import { netconf } from "../helpers/ippool.js";
import { VERSIONS, addOk, addressesOf, inlinePool, useDataDir } from "./support.js";

const dir = useDataDir();
const conf = (ipam: Record<string, unknown>, version = "1.0.0") => netconf(version, { dataDir: dir.path, ...ipam });

describe("gateway", () => {
  it("with the default gateway mode never hands out network+1, which the bridge plugin takes for itself", async () => {
    const ipam = { ipPools: [inlinePool("10.10.0.0/29")] };
    const got = [];
    for (let i = 0; i < 5; i++) got.push(...addressesOf(await addOk(conf(ipam), { containerId: `c${i}` })));
    expect(got).toEqual(["10.10.0.2", "10.10.0.3", "10.10.0.4", "10.10.0.5", "10.10.0.6"]);
  });

  it('with gateway "none" (routed, Calico style) returns no gateway and still never hands out network+1', async () => {
    const ipam = { ipPools: [inlinePool("10.10.0.0/29"), inlinePool("fd00:10::/125")], gateway: "none" };
    const first = await addOk(conf(ipam), { containerId: "a" });
    expect(first.ips).toEqual([{ address: "10.10.0.2/29" }, { address: "fd00:10::2/125" }]);
  });

  // Regression: gateway modes once shaped the reserved set, so a gateway-less network sharing a
  // pool handed network+1 to a container while a bridge network used it as its gateway.
  it("networks sharing a pool with different gateway settings never give out network+1", async () => {
    const pool = inlinePool("10.10.2.0/29");
    const routed = await addOk(conf({ ipPools: [pool], gateway: "none" }), { containerId: "routed" });
    const bridged = await addOk(conf({ ipPools: [pool] }), { containerId: "bridged" });
    expect([...addressesOf(routed), ...addressesOf(bridged)]).toEqual(["10.10.2.2", "10.10.2.3"]);
    expect(bridged.ips[0].gateway).toBe("10.10.2.1");
  });

  it("hands out both addresses of a /31 and the one of a /32, without a gateway", async () => {
    const ipam = { ipPools: [inlinePool("10.10.0.0/31"), inlinePool("10.10.1.7/32")] };
    const got = [];
    for (const id of ["a", "b", "c"]) got.push((await addOk(conf(ipam), { containerId: id })).ips[0]);
    expect(got).toEqual([{ address: "10.10.0.0/31" }, { address: "10.10.0.1/31" }, { address: "10.10.1.7/32" }]);
  });
});

describe("addressPrefix", () => {
  it.each(VERSIONS)('%s: "host" gives /32 and /128 with the pool gateway', async (version) => {
    const ipam = { ipPools: [inlinePool("10.11.0.0/16"), inlinePool("fd00:11::/64")], addressPrefix: "host" };
    const result = await addOk(conf(ipam, version));
    const entries = result.ips ?? [
      { address: result.ip4.ip, gateway: result.ip4.gateway },
      { address: result.ip6.ip, gateway: result.ip6.gateway },
    ];
    expect(entries.map((ip: any) => [ip.address, ip.gateway])).toEqual([
      ["10.11.0.2/32", "10.11.0.1"],
      ["fd00:11::2/128", "fd00:11::1"],
    ]);
  });

  it('"pool" (the default) gives the pool prefix', async () => {
    const result = await addOk(conf({ ipPools: [inlinePool("10.11.0.0/20")] }));
    expect(result.ips[0].address).toBe("10.11.0.2/20");
  });
});

describe("routes", () => {
  const routes = [{ dst: "0.0.0.0/0" }, { dst: "192.168.0.0/16", gw: "10.12.0.254" }, { dst: "::/0" }];

  it("are returned only for the families the container got an address of", async () => {
    const v4 = await addOk(conf({ ipPools: [inlinePool("10.12.0.0/24")], routes }), { containerId: "a" });
    expect(v4.routes).toEqual([{ dst: "0.0.0.0/0" }, { dst: "192.168.0.0/16", gw: "10.12.0.254" }]);
    const v6 = await addOk(conf({ ipPools: [inlinePool("fd00:12::/64")], routes }), { containerId: "b" });
    expect(v6.routes).toEqual([{ dst: "::/0" }]);
  });

  it("keep the 1.1 attributes only in a 1.1.0 result", async () => {
    const withAttributes = [{ dst: "0.0.0.0/0", mtu: 1400, priority: 10, table: 100, scope: 0, advmss: 1360 }];
    const ipam = { ipPools: [inlinePool("10.12.0.0/24")], routes: withAttributes };
    expect((await addOk(conf(ipam, "1.1.0"), { containerId: "a" })).routes).toEqual(withAttributes);
    expect((await addOk(conf(ipam, "1.0.0"), { containerId: "b" })).routes).toEqual([{ dst: "0.0.0.0/0" }]);
  });
});

describe("dns", () => {
  it.each(VERSIONS)("%s: is passed through from the ipam config", async (version) => {
    const dns = {
      nameservers: ["10.13.0.53", "fd00:13::53"],
      domain: "cluster.local",
      search: ["svc.cluster.local"],
      options: ["ndots:5"],
    };
    expect((await addOk(conf({ ipPools: [inlinePool("10.13.0.0/24")], dns }, version))).dns).toEqual(dns);
  });

  it("is left out when the config has none", async () => {
    expect(await addOk(conf({ ipPools: [inlinePool("10.13.0.0/24")] }))).not.toHaveProperty("dns");
  });
});
