// Every CNI spec version through the same lifecycle: ADD, repeated ADD, CHECK, DEL, repeated DEL, exec'ing build/ippool.
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
  useDataDir,
} from "./support.js";

const dir = useDataDir();
const conf = (version: string, extra: Record<string, unknown> = {}) =>
  netconf(version, { dataDir: dir.path, ipPools: [inlinePool("10.40.0.0/24")], routes: [{ dst: "0.0.0.0/0" }] }, extra);
const checkSupported = (version: string) => !["0.1.0", "0.2.0", "0.3.0", "0.3.1"].includes(version);

describe("ippool lifecycle in every spec version", () => {
  it.each(VERSIONS)("%s: ADD, repeated ADD, CHECK, DEL, repeated DEL", async (version) => {
    const first = await addOk(conf(version));
    expect(first.cniVersion).toBe(version);
    if (version === "0.1.0" || version === "0.2.0") {
      expect(first).toEqual({
        cniVersion: version,
        ip4: { ip: "10.40.0.2/24", gateway: "10.40.0.1", routes: [{ dst: "0.0.0.0/0" }] },
      });
    } else {
      const entry = {
        address: "10.40.0.2/24",
        gateway: "10.40.0.1",
        ...(version.startsWith("0.") ? { version: "4" } : {}),
      };
      expect(first).toEqual({ cniVersion: version, ips: [entry], routes: [{ dst: "0.0.0.0/0" }] });
    }

    // The runtime retried: same attachment, same answer, nothing more taken.
    expect(await addOk(conf(version))).toEqual(first);
    expect(setBitCount(dir.path)).toBe(1);

    const check = await run("CHECK", conf(version, { prevResult: first }));
    if (checkSupported(version)) {
      expect(check.code, check.stdout).toBe(0);
      expect(check.stdout).toBe("");
    } else {
      expectError(check, 1, "CHECK needs a config of cniVersion 0.4.0");
      expect(check.json.cniVersion).toBe(version);
    }

    for (let i = 0; i < 2; i++) {
      const del = await run("DEL", conf(version));
      expect(del.code, del.stdout).toBe(0);
      expect(del.stdout).toBe("");
    }
    expect(attachmentFiles(dir.path)).toEqual([]);
    expect(setBitCount(dir.path)).toBe(0);
  });

  it.each(VERSIONS)("%s: a second container gets the next address; DEL of one leaves the other", async (version) => {
    const a = addressesOf(await addOk(conf(version), { containerId: "a" }));
    const b = addressesOf(await addOk(conf(version), { containerId: "b" }));
    // Another interface of the same container is another attachment.
    const a2 = addressesOf(await addOk(conf(version), { containerId: "a", ifname: "net1" }));
    expect([a, b, a2]).toEqual([["10.40.0.2"], ["10.40.0.3"], ["10.40.0.4"]]);
    expect((await run("DEL", conf(version), { containerId: "a" })).code).toBe(0);
    expect(attachmentFiles(dir.path).sort()).toEqual(["testnet/a:net1", "testnet/b:eth0"]);
    if (checkSupported(version)) {
      const check = await run(
        "CHECK",
        conf(version, { prevResult: { cniVersion: version, ips: [{ address: "10.40.0.3/24" }] } }),
        { containerId: "b" },
      );
      expect(check.code, check.stdout).toBe(0);
    }
  });

  it.each(VERSIONS.filter(checkSupported))(
    "%s: CHECK fails for an address not held, and for an attachment holding nothing",
    async (version) => {
      await addOk(conf(version));
      const wrong = await run(
        "CHECK",
        conf(version, { prevResult: { cniVersion: version, ips: [{ address: "10.40.0.9/24" }] } }),
      );
      expectError(wrong, 105, "10.40.0.9");
      const nothing = await run(
        "CHECK",
        conf(version, { prevResult: { cniVersion: version, ips: [{ address: "10.40.0.2/24" }] } }),
        {
          containerId: "other",
        },
      );
      expectError(nothing, 3, "other");
    },
  );

  it.each(VERSIONS)("%s: DEL succeeds when nothing was ever allocated, and without CNI_NETNS", async (version) => {
    const del = await run("DEL", conf(version), { containerId: "never-added", env: { CNI_NETNS: undefined } });
    expect(del.code, del.stdout).toBe(0);
    expect(del.stdout).toBe("");
  });
});

describe("a config without cniVersion", () => {
  it("is a 0.1.0 request: answered in the 0.1.0 shape, and so are its errors", async () => {
    const { cniVersion: _none, ...conf } = netconf("0.1.0", {
      dataDir: dir.path,
      ipPools: [inlinePool("10.40.0.0/24")],
    });
    expect(await addOk(conf)).toEqual({ cniVersion: "0.1.0", ip4: { ip: "10.40.0.2/24", gateway: "10.40.0.1" } });
    const failed = await run("ADD", { ...conf, ipam: { ...conf.ipam, bogus: true } });
    expectError(failed, 2, "unknown field ipam.bogus");
    expect(failed.json.cniVersion).toBe("0.1.0");
    expectError(await run("CHECK", conf), 1, "CHECK needs a config of cniVersion 0.4.0");
  });
});

describe("VERSION", () => {
  it.each([...VERSIONS, undefined])("answers config version %s with every supported version", async (version) => {
    const result = await run("VERSION", version ? { cniVersion: version } : "", {
      env: { CNI_CONTAINERID: undefined, CNI_IFNAME: undefined, CNI_NETNS: undefined },
    });
    expect(result.code).toBe(0);
    expect(result.json).toEqual({ cniVersion: version ?? "1.1.0", supportedVersions: [...VERSIONS] });
  });
});
