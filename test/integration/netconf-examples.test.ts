// Every config in netconf-examples/ runs ADD, CHECK and DEL through build/ippool, fed the way a runtime feeds a plugin.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT, execCli } from "../helpers/ippool.js";
import { cidrContains, formatCidr, parseAddress, parseCidr, type Cidr } from "../../src/alloc/address.js";
import { addOk, addressesOf, attachmentFiles, run, setBitCount, useDataDir } from "./support.js";

const EXAMPLES = join(REPO_ROOT, "netconf-examples");
const STORED_POOLS = join(EXAMPLES, "pools.yaml");
const files = readdirSync(EXAMPLES)
  .filter((name) => /\.(conflist|conf)$/.test(name))
  .sort();

/**
 * The ippool plugin's config as a runtime hands it over: a .conf is the plugin config itself; in a
 * .conflist, libcni copies the list's name and cniVersion into each plugin's config.
 */
function pluginConfig(name: string): Record<string, any> {
  const raw = JSON.parse(readFileSync(join(EXAMPLES, name), "utf8"));
  if (!Array.isArray(raw.plugins)) return raw;
  const plugin = raw.plugins.find((entry: any) => entry.ipam?.type === "ippool");
  expect(plugin, `${name} has no plugin with ipam type ippool`).toBeDefined();
  return { ...plugin, name: raw.name, cniVersion: raw.cniVersion };
}

/** An example needs the stored pools when it defines none inline or lists a pool it does not define. */
function needsStoredPools(ipam: Record<string, any>): boolean {
  const inline = new Set((ipam.ipPools ?? []).map((doc: any) => canonical(doc.metadata.cidr)));
  const listed = [...(ipam.ipv4_pools ?? []), ...(ipam.ipv6_pools ?? [])].map(canonical);
  return inline.size === 0 || listed.some((cidr) => !inline.has(cidr));
}

const canonical = (cidr: string): string => formatCidr(parseCidr(cidr)!.cidr);

const dir = useDataDir();

describe("netconf-examples", () => {
  it("holds at least the bridge IPv4, dual-stack, ptp, routed and inline-pool examples", () => {
    for (const name of ["bridge-ipv4", "bridge-dualstack", "ptp", "routed-host", "inline-pools"]) {
      expect(files, `netconf-examples/${name}.conflist`).toContain(`${name}.conflist`);
    }
  });

  it.each(files)("%s: ADD, CHECK and DEL succeed", async (name) => {
    const conf = pluginConfig(name);
    const ipam = conf.ipam as Record<string, any>;
    if (needsStoredPools(ipam)) {
      expect(existsSync(STORED_POOLS), `${name} needs stored pools from netconf-examples/pools.yaml`).toBe(true);
      const applied = await execCli(["apply", "-f", STORED_POOLS], { dataDir: dir.path });
      expect(applied.code, applied.stderr).toBe(0);
    }
    // The examples name the real data dir; a test never touches /var/lib.
    const testConf = { ...conf, ipam: { ...ipam, dataDir: dir.path } };

    const result = await addOk(testConf, { containerId: "example-1" });
    expect(result.cniVersion).toBe(conf.cniVersion);
    const addresses = addressesOf(result);
    expect(addresses.length).toBeGreaterThan(0);
    // A file named for one family hands out that family only, even with a stored pool of the other
    // (pools.yaml stores fd00:22::/64 too).
    const family = /-ipv([46])\./.exec(name)?.[1];
    if (family !== undefined)
      expect(
        addresses.map((address) => `IPv${parseAddress(address)!.family}`),
        name,
      ).toEqual([`IPv${family}`]);
    // Each address lies in a pool the example means for its family: the listed ones, else the inline ones.
    for (const address of addresses) {
      const value = parseAddress(address)!;
      const listed: string[] | undefined = value.family === 4 ? ipam.ipv4_pools : ipam.ipv6_pools;
      const inline: string[] = (ipam.ipPools ?? []).map((doc: any) => doc.metadata.cidr);
      const meant = (listed ?? inline)
        .map((cidr) => parseCidr(cidr)!.cidr)
        .filter((pool: Cidr) => pool.family === value.family);
      if (meant.length === 0) continue;
      const inside = meant.some((pool) => cidrContains(pool, value.family, value.value));
      expect(inside, `${address} is outside ${(listed ?? inline).join(", ")}`).toBe(true);
    }

    if (!["0.1.0", "0.2.0", "0.3.0", "0.3.1"].includes(conf.cniVersion)) {
      const check = await run("CHECK", { ...testConf, prevResult: result }, { containerId: "example-1" });
      expect(check.code, check.stdout).toBe(0);
    }
    const del = await run("DEL", testConf, { containerId: "example-1" });
    expect(del.code, del.stdout).toBe(0);
    expect(attachmentFiles(dir.path)).toEqual([]);
    expect(setBitCount(dir.path)).toBe(0);
  });
});
