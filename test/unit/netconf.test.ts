// Unit tests of decoding and validating the network config read from stdin.
import { describe, expect, it } from "vitest";
import { thrownCniError } from "./support.js";
import { decodeJson, parseNetConf, replyVersion } from "../../src/cni/netconf.js";

const conf = (ipam: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) => ({
  cniVersion: "1.0.0",
  name: "podnet",
  type: "bridge",
  ipam: { type: "ippool", ...ipam },
  ...extra,
});

describe("decodeJson", () => {
  it.each(["", "{", "not json", "[]", "null", "42", '"text"'])("rejects %j with code 6", (text) => {
    expect(thrownCniError(() => decodeJson(text)).code).toBe(6);
  });
});

describe("parseNetConf", () => {
  it("applies the ipam defaults", () => {
    const parsed = parseNetConf(conf());
    expect(parsed.ipam).toMatchObject({
      dataDir: "/var/lib/cni/ippool",
      ipPools: [],
      routes: [],
      gateway: "first-address",
      addressPrefix: "pool",
      lockWaitSeconds: 30,
    });
    expect(parsed.ipam.assign_ipv4).toBeUndefined();
    expect(parsed.ipam.ipv4_pools).toBeUndefined();
  });

  it("reads a config without cniVersion as 0.1.0, as libcni does", () => {
    const { cniVersion: _omitted, ...rest } = conf();
    expect(parseNetConf(rest).cniVersion).toBe("0.1.0");
  });

  it.each([["2.0.0"], ["0.5.0"], [""], [1]])("rejects cniVersion %j with code 1", (version) => {
    expect(thrownCniError(() => parseNetConf({ ...conf(), cniVersion: version })).code).toBe(1);
  });

  it("keeps unknown top-level fields (they belong to the main plugin)", () => {
    expect(parseNetConf(conf({}, { bridge: "cni0", isGateway: true, mtu: 1450 })).name).toBe("podnet");
  });

  it("rejects an unknown ipam field with code 2, naming it", () => {
    const error = thrownCniError(() => parseNetConf(conf({ subnet: "10.0.0.0/24" })));
    expect(error.code).toBe(2);
    expect(error.message).toContain("unknown field ipam.subnet");
  });

  it.each([
    ["a route with a bad CIDR", { routes: [{ dst: "10.0.0/8" }] }, "ipam.routes[0].dst"],
    ["a route with a bad gateway", { routes: [{ dst: "0.0.0.0/0", gw: "10.1" }] }, "ipam.routes[0].gw"],
    ["an unknown gateway mode", { gateway: "last-address" }, "ipam.gateway"],
    ["an unknown addressPrefix", { addressPrefix: "24" }, "ipam.addressPrefix"],
    ["a relative dataDir", { dataDir: "var/lib/ippool" }, "ipam.dataDir"],
    ["a bad nameserver", { dns: { nameservers: ["dns.local"] } }, "ipam.dns.nameservers[0]"],
    ["assign_ipv4 as a word", { assign_ipv4: "yes" }, "ipam.assign_ipv4"],
  ])("rejects %s with code 7, naming the field", (_name, ipam, path) => {
    const error = thrownCniError(() => parseNetConf(conf(ipam)));
    expect(error.code).toBe(7);
    expect(error.message).toContain(path);
  });

  it.each([
    ["a missing ipam", { cniVersion: "1.0.0", name: "podnet" }],
    ["a bad network name", conf({}, { name: "-podnet" })],
    ["a missing network name", { cniVersion: "1.0.0", ipam: { type: "ippool" } }],
  ])("rejects %s with code 7", (_name, input) => {
    expect(thrownCniError(() => parseNetConf(input)).code).toBe(7);
  });

  it.each([
    ["true", true],
    ["false", false],
    [true, true],
    [false, false],
  ])("reads assign_ipv4/assign_ipv6 %j (Calico writes strings) as %s", (value, expected) => {
    const parsed = parseNetConf(conf({ assign_ipv4: value, assign_ipv6: value }));
    expect(parsed.ipam.assign_ipv4).toBe(expected);
    expect(parsed.ipam.assign_ipv6).toBe(expected);
  });

  it("collects requested addresses from runtimeConfig.ips and args.cni.ips, and notes that args was given", () => {
    const parsed = parseNetConf(
      conf({}, { runtimeConfig: { ips: ["10.0.0.5/24"] }, args: { cni: { ips: ["fd00::5"] } } }),
    );
    expect(parsed.requestedIps).toEqual({ fromConfig: ["10.0.0.5/24", "fd00::5"], argsGiven: true });
    expect(parseNetConf(conf()).requestedIps).toEqual({ fromConfig: [], argsGiven: false });
  });

  it("reads valid attachments from cni.dev/valid-attachments or the older cni.dev/attachments", () => {
    const list = [{ containerID: "c1", ifname: "eth0" }];
    expect(parseNetConf(conf({}, { cniVersion: "1.1.0", "cni.dev/valid-attachments": list })).validAttachments).toEqual(
      list,
    );
    expect(parseNetConf(conf({}, { cniVersion: "1.1.0", "cni.dev/attachments": list })).validAttachments).toEqual(list);
    expect(parseNetConf(conf({}, { cniVersion: "1.1.0" })).validAttachments).toBeUndefined();
  });

  // Regression: libcni injects a nil Go slice, which marshals to null, when nothing is live; GC was refused with code 7.
  it("reads a null list of valid attachments as an empty one", () => {
    expect(parseNetConf(conf({}, { cniVersion: "1.1.0", "cni.dev/valid-attachments": null })).validAttachments).toEqual(
      [],
    );
  });
});

describe("replyVersion", () => {
  it("answers in the request's version when it is known, else the latest", () => {
    expect(replyVersion({ cniVersion: "0.3.1" })).toBe("0.3.1");
    expect(replyVersion({ cniVersion: "9.9.9" })).toBe("1.1.0");
    expect(replyVersion(undefined)).toBe("1.1.0");
    // Regression: a config without cniVersion is read as 0.1.0 but its errors answered in 1.1.0.
    expect(replyVersion({ name: "podnet" })).toBe("0.1.0");
  });
});
