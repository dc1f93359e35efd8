// Specific addresses asked for through runtimeConfig.ips, args.cni.ips and CNI_ARGS IP=, and the errors when they cannot be given.
import { describe, expect, it } from "vitest";
import { netconf } from "../helpers/ippool.js";
import { addOk, addressesOf, expectError, inlinePool, run, useDataDir } from "./support.js";

const dir = useDataDir();
const pools = [inlinePool("10.90.0.0/24"), inlinePool("fd00:90::/64"), inlinePool("10.91.0.0/24", { disabled: true })];
const conf = (extra: Record<string, unknown> = {}, ipam: Record<string, unknown> = {}) =>
  netconf("1.1.0", { dataDir: dir.path, ipPools: pools, ...ipam }, extra);

describe("requested addresses", () => {
  it.each([
    ["runtimeConfig.ips", { runtimeConfig: { ips: ["10.90.0.50/24"] } }, undefined],
    ["args.cni.ips", { args: { cni: { ips: ["10.90.0.50"] } } }, undefined],
    ["CNI_ARGS IP=", {}, "IP=10.90.0.50"],
  ])("gives the address asked for through %s", async (_name, extra, args) => {
    const result = await addOk(conf(extra), args ? { args } : {});
    // The other family still gets the next free address.
    expect(addressesOf(result)).toEqual(["10.90.0.50", "fd00:90::2"]);
    expect(result.ips[0].address).toBe("10.90.0.50/24");
  });

  it("takes one address of each family from runtimeConfig.ips", async () => {
    expect(addressesOf(await addOk(conf({ runtimeConfig: { ips: ["fd00:90::abc/64", "10.90.0.7/24"] } })))).toEqual([
      "10.90.0.7",
      "fd00:90::abc",
    ]);
  });

  it("ignores CNI_ARGS IP= when the config carries args", async () => {
    const result = await addOk(conf({ args: { cni: {} } }), { args: "IP=10.90.0.50" });
    expect(addressesOf(result)).toEqual(["10.90.0.2", "fd00:90::2"]);
  });

  it("does not move the next-fit cursor: the next ADD continues where it was", async () => {
    await addOk(conf(), { containerId: "a" });
    await addOk(conf({ runtimeConfig: { ips: ["10.90.0.100"] } }), { containerId: "b" });
    expect(addressesOf(await addOk(conf(), { containerId: "c" }))[0]).toBe("10.90.0.3");
  });

  it.each([
    ["held by another attachment", "10.90.0.2", 101, "already held by testnet/first:eth0"],
    ["the network address", "10.90.0.0", 101, "is the network address of pool 10.90.0.0/24"],
    ["the gateway", "10.90.0.1", 101, "is the gateway (network+1) of pool 10.90.0.0/24"],
    ["the broadcast address", "10.90.0.255", 101, "is the broadcast address of pool 10.90.0.0/24"],
    ["outside every pool", "192.168.1.1", 102, "requested address 192.168.1.1 is not in any usable IPv4 pool"],
    ["in a disabled pool", "10.91.0.5", 102, "not in any usable IPv4 pool"],
    ["not an address", "10.90.0", 7, 'requested address "10.90.0" is not an IP address'],
  ])("refuses an address %s", async (_name, address, code, message) => {
    await addOk(conf(), { containerId: "first" });
    const result = await run("ADD", conf({ runtimeConfig: { ips: [address] } }), { containerId: "second" });
    expectError(result, code, message);
  });

  it("refuses two addresses of one family", async () => {
    expectError(
      await run("ADD", conf({ runtimeConfig: { ips: ["10.90.0.5", "10.90.0.6"] } })),
      7,
      "more than one IPv4 address",
    );
  });

  it("refuses an address of a family the config turns off", async () => {
    expectError(
      await run("ADD", conf({ runtimeConfig: { ips: ["fd00:90::5"] } }, { assign_ipv6: false })),
      7,
      "assign_ipv6 is false",
    );
  });

  it("with gateway none, still refuses network+1 (another network's bridge may hold it)", async () => {
    expectError(
      await run("ADD", conf({ runtimeConfig: { ips: ["10.90.0.1"] } }, { gateway: "none" })),
      101,
      "the gateway",
    );
  });
});

describe("CNI_ARGS", () => {
  it("rejects an unknown key with code 4", async () => {
    expectError(await run("ADD", conf(), { args: "FOO=bar" }), 4, "unknown CNI_ARGS key FOO");
  });

  it("accepts unknown keys with IgnoreUnknown=1, as Kubernetes passes them", async () => {
    const args =
      "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0;K8S_POD_INFRA_CONTAINER_ID=ctr-1;FOO=bar";
    expect(addressesOf(await addOk(conf(), { args }))).toEqual(["10.90.0.2", "fd00:90::2"]);
  });

  it("rejects a malformed pair with code 4", async () => {
    expectError(await run("ADD", conf(), { args: "IP" }), 4, "invalid CNI_ARGS pair");
  });
});
