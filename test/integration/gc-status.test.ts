// GC and STATUS (CNI 1.1): releasing what the runtime no longer lists, and saying whether an ADD could succeed.
import { describe, expect, it } from "vitest";
import { netconf } from "../helpers/ippool.js";
import { VERSIONS, addOk, attachmentFiles, expectError, inlinePool, run, setBitCount, useDataDir } from "./support.js";

const dir = useDataDir();
const conf = (version: string, ipam: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) =>
  netconf(version, { dataDir: dir.path, ipPools: [inlinePool("10.30.0.0/29")], ...ipam }, extra);
/** GC and STATUS get no container: the runtime sets only CNI_COMMAND and CNI_PATH. */
const noContainer = { env: { CNI_CONTAINERID: undefined, CNI_IFNAME: undefined, CNI_NETNS: undefined } };

describe("GC", () => {
  it.each(["cni.dev/valid-attachments", "cni.dev/attachments"])(
    "releases this network's attachments not listed in %s, and nothing of other networks",
    async (key) => {
      await addOk(conf("1.1.0"), { containerId: "live" });
      await addOk(conf("1.1.0"), { containerId: "gone" });
      await addOk(conf("1.1.0"), { containerId: "live", ifname: "net1" });
      // A network whose name starts with this one's must be left alone too.
      await addOk(conf("1.1.0", {}, { name: "testnet2" }), { containerId: "gone" });
      const gc = await run("GC", conf("1.1.0", {}, { [key]: [{ containerID: "live", ifname: "eth0" }] }), noContainer);
      expect(gc.code, gc.stdout).toBe(0);
      expect(gc.stdout).toBe("");
      expect(attachmentFiles(dir.path).sort()).toEqual(["testnet/live:eth0", "testnet2/gone:eth0"]);
      expect(setBitCount(dir.path)).toBe(2);
      // The live one still checks out; the released address goes to the next ADD only after the others.
      const check = await run(
        "CHECK",
        conf("1.1.0", {}, { prevResult: { cniVersion: "1.1.0", ips: [{ address: "10.30.0.2/29" }] } }),
        {
          containerId: "live",
        },
      );
      expect(check.code, check.stdout).toBe(0);
    },
  );

  it("releases every attachment of the network when the list is empty", async () => {
    await addOk(conf("1.1.0"), { containerId: "a" });
    await addOk(conf("1.1.0"), { containerId: "b" });
    expect((await run("GC", conf("1.1.0", {}, { "cni.dev/valid-attachments": [] }), noContainer)).code).toBe(0);
    expect(attachmentFiles(dir.path)).toEqual([]);
    expect(setBitCount(dir.path)).toBe(0);
  });

  // libcni marshals an empty Go slice of live attachments as JSON null.
  it("treats a null list (libcni's empty slice) as nothing live", async () => {
    await addOk(conf("1.1.0"), { containerId: "a" });
    const gc = await run("GC", conf("1.1.0", {}, { "cni.dev/valid-attachments": null }), noContainer);
    expect(gc.code, gc.stdout).toBe(0);
    expect(attachmentFiles(dir.path)).toEqual([]);
  });

  it("keeps releasing allocations of a pool that is now disabled", async () => {
    await addOk(conf("1.1.0"), { containerId: "a" });
    const disabled = { ipPools: [inlinePool("10.30.0.0/29", { disabled: true })] };
    expect((await run("GC", conf("1.1.0", disabled, { "cni.dev/valid-attachments": [] }), noContainer)).code).toBe(0);
    expect(setBitCount(dir.path)).toBe(0);
  });

  it("refuses to run without a list of live attachments (code 7) and releases nothing", async () => {
    await addOk(conf("1.1.0"), { containerId: "a" });
    expectError(await run("GC", conf("1.1.0"), noContainer), 7, "cni.dev/valid-attachments");
    expect(setBitCount(dir.path)).toBe(1);
  });

  it.each(VERSIONS.filter((version) => version !== "1.1.0"))("%s: GC is code 1", async (version) => {
    await addOk(conf(version), { containerId: "a" });
    expectError(
      await run("GC", conf(version, {}, { "cni.dev/valid-attachments": [] }), noContainer),
      1,
      "GC needs a config of cniVersion 1.1.0",
    );
    expect(setBitCount(dir.path)).toBe(1);
  });
});

describe("STATUS", () => {
  it("succeeds silently while an ADD could succeed, and on a data dir never written", async () => {
    const status = await run("STATUS", conf("1.1.0"), noContainer);
    expect(status.code, status.stdout).toBe(0);
    expect(status.stdout).toBe("");
  });

  it("is code 50 once every pool of a family is full, and fine again after a DEL", async () => {
    // /29 with gateway: five usable addresses.
    for (let i = 0; i < 5; i++) await addOk(conf("1.1.0"), { containerId: `c${i}` });
    expectError(await run("STATUS", conf("1.1.0"), noContainer), 50, /full.*10\.30\.0\.0\/29/);
    await run("DEL", conf("1.1.0"), { containerId: "c0" });
    expect((await run("STATUS", conf("1.1.0"), noContainer)).code).toBe(0);
  });

  it("is fine while a second candidate pool has room", async () => {
    const ipam = { ipPools: [inlinePool("10.30.0.0/30"), inlinePool("10.31.0.0/24")] };
    await addOk(conf("1.1.0", ipam), { containerId: "a" });
    expect((await run("STATUS", conf("1.1.0", { ...ipam, ipv4_pools: ["10.31.0.0/24"] }), noContainer)).code).toBe(0);
    expectError(await run("STATUS", conf("1.1.0", { ...ipam, ipv4_pools: ["10.30.0.0/30"] }), noContainer), 50, "full");
  });

  it.each([
    ["no pool at all", { ipPools: [] }, "no enabled pool"],
    ["only disabled pools", { ipPools: [inlinePool("10.30.0.0/29", { disabled: true })] }, "no enabled pool"],
    ["a listed pool that does not exist", { ipv4_pools: ["10.99.0.0/24"] }, "does not exist"],
  ])("is code 50 with %s", async (_name, ipam, message) => {
    expectError(await run("STATUS", conf("1.1.0", ipam), noContainer), 50, message);
  });

  it("reports a config error as such, not as code 50", async () => {
    expectError(
      await run("STATUS", conf("1.1.0", { ipPools: [inlinePool("10.30.0/29")] }), noContainer),
      7,
      "metadata.cidr",
    );
  });

  it.each(VERSIONS.filter((version) => version !== "1.1.0"))("%s: STATUS is code 1", async (version) => {
    expectError(await run("STATUS", conf(version), noContainer), 1, "STATUS needs a config of cniVersion 1.1.0");
  });
});
