// Unit tests of the IPAM result's wire shape in every CNI spec version, and of reading a CHECK's prevResult.
import { describe, expect, it } from "vitest";
import { encodeResult, prevResultAddresses, type IpamResult } from "../../src/cni/result.js";
import { SUPPORTED_VERSIONS } from "../../src/cni/versions.js";

const dualStack: IpamResult = {
  ips: [
    { family: 4, address: "10.22.0.2/16", gateway: "10.22.0.1" },
    { family: 6, address: "fd00:22::2/64", gateway: "fd00:22::1" },
  ],
  routes: [
    { dst: "0.0.0.0/0" },
    { dst: "10.99.0.0/16", gw: "10.22.0.254", mtu: 1400, priority: 5 },
    { dst: "::/0", table: 100 },
  ],
  dns: { nameservers: ["10.22.0.53"], search: ["svc.local"] },
};

describe("encodeResult", () => {
  it.each(["0.1.0", "0.2.0"] as const)("%s puts each family in ip4/ip6 with that family's routes", (version) => {
    expect(encodeResult(version, dualStack)).toEqual({
      cniVersion: version,
      ip4: {
        ip: "10.22.0.2/16",
        gateway: "10.22.0.1",
        routes: [{ dst: "0.0.0.0/0" }, { dst: "10.99.0.0/16", gw: "10.22.0.254" }],
      },
      ip6: { ip: "fd00:22::2/64", gateway: "fd00:22::1", routes: [{ dst: "::/0" }] },
      dns: dualStack.dns,
    });
  });

  it.each(["0.3.0", "0.3.1", "0.4.0"] as const)("%s lists ips[] with their version", (version) => {
    expect(encodeResult(version, dualStack)).toEqual({
      cniVersion: version,
      ips: [
        { version: "4", address: "10.22.0.2/16", gateway: "10.22.0.1" },
        { version: "6", address: "fd00:22::2/64", gateway: "fd00:22::1" },
      ],
      routes: [{ dst: "0.0.0.0/0" }, { dst: "10.99.0.0/16", gw: "10.22.0.254" }, { dst: "::/0" }],
      dns: dualStack.dns,
    });
  });

  it("1.0.0 lists ips[] without version and routes without the 1.1 attributes", () => {
    expect(encodeResult("1.0.0", dualStack)).toEqual({
      cniVersion: "1.0.0",
      ips: [
        { address: "10.22.0.2/16", gateway: "10.22.0.1" },
        { address: "fd00:22::2/64", gateway: "fd00:22::1" },
      ],
      routes: [{ dst: "0.0.0.0/0" }, { dst: "10.99.0.0/16", gw: "10.22.0.254" }, { dst: "::/0" }],
      dns: dualStack.dns,
    });
  });

  it("1.1.0 keeps the route attributes (mtu, advmss, priority, table, scope)", () => {
    expect(encodeResult("1.1.0", dualStack).routes).toEqual(dualStack.routes);
  });

  it.each(SUPPORTED_VERSIONS)("%s never carries interfaces or ips[].interface", (version) => {
    const text = JSON.stringify(encodeResult(version, dualStack));
    expect(text).not.toContain("interface");
  });

  it.each(SUPPORTED_VERSIONS)("%s leaves out gateway, routes and dns when there are none", (version) => {
    const encoded = encodeResult(version, { ips: [{ family: 4, address: "10.0.0.5/32" }], routes: [] });
    const text = JSON.stringify(encoded);
    expect(text).toContain("10.0.0.5/32");
    for (const field of ["gateway", "routes", "dns", "ip6"]) expect(text).not.toContain(`"${field}"`);
  });
});

describe("prevResultAddresses", () => {
  it.each([
    [
      "a 1.x result",
      { cniVersion: "1.0.0", ips: [{ address: "10.0.0.2/24" }, { address: "fd00::2/64" }] },
      ["10.0.0.2", "fd00::2"],
    ],
    [
      "a 0.2.0 result",
      { cniVersion: "0.2.0", ip4: { ip: "10.0.0.2/24" }, ip6: { ip: "fd00::2/64" } },
      ["10.0.0.2", "fd00::2"],
    ],
    [
      "a result with interfaces from the main plugin",
      { ips: [{ address: "10.0.0.2/24", interface: 1 }], interfaces: [{ name: "eth0" }] },
      ["10.0.0.2"],
    ],
    ["an empty object", {}, []],
  ])("reads the addresses of %s", (_name, prevResult, expected) => {
    expect(prevResultAddresses(prevResult)).toEqual(expected);
  });

  it.each([
    ["not an object", "10.0.0.2"],
    ["ips that is not a list", { ips: "10.0.0.2/24" }],
    ["an address that is not one", { ips: [{ address: "ten/24" }] }],
  ])("rejects a prevResult that is %s with code 6", (_name, prevResult) => {
    expect(() => prevResultAddresses(prevResult)).toThrow(expect.objectContaining({ code: 6 }));
  });
});
