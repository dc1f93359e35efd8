// ippool datastore migrate: a node's disk store copied into a real etcd, idempotent, refusing conflicts, through build/ippool.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { ETCD_BINARY, startEtcd, type EtcdCluster } from "../helpers/etcd.js";
import { execCli, execPlugin, poolDoc, tempDir, type ProcessResult } from "../helpers/ippool.js";

const pools = [poolDoc("10.61.0.0/24"), poolDoc("fd61::/120")];
const netconfFor = (ipam: Record<string, unknown>) => ({ cniVersion: "1.0.0", name: "mignet", type: "bridge", ipam: { type: "ippool", ...ipam } });

function ok(result: ProcessResult): string {
  expect(result.code, `exit ${result.code}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`).toBe(0);
  return result.stdout;
}

if (!skipUnlessReady("datastore migrate", [`file:${ETCD_BINARY}`])) {
  describe("ippool datastore migrate", () => {
    let cluster: EtcdCluster;
    const disk = tempDir("ippool-migrate-");
    let prefixes = 0;
    beforeAll(async () => {
      cluster = await startEtcd();
      // A node's store as the plugin and CLI leave it: stored pools, two containers, one of them gone again.
      ok(await execCli(["apply", "-f", "-"], { dataDir: disk.path, stdin: pools.map((doc) => JSON.stringify(doc)).join("\n---\n") }));
      for (const id of ["ctr-a", "ctr-b", "ctr-c"]) expect((await execPlugin({ command: "ADD", containerId: id }, netconfFor({ dataDir: disk.path }))).code).toBe(0);
      expect((await execPlugin({ command: "DEL", containerId: "ctr-b" }, netconfFor({ dataDir: disk.path }))).code).toBe(0);
    });
    afterAll(async () => {
      await cluster?.stop();
      disk.remove();
    });

    const target = () => {
      const prefix = `/migrate-${prefixes++}`;
      const flags = ["--etcd-endpoints", cluster.endpoints.join(","), "--etcd-prefix", prefix];
      return { prefix, flags, cli: (args: string[], stdin?: string) => execCli([...args, ...flags], stdin !== undefined ? { stdin } : {}) };
    };
    const revision = (): string => JSON.parse(execFileSync("/usr/bin/etcdctl", [`--endpoints=${cluster.endpoints[0]}`, "endpoint", "status", "-w", "json"], { env: { ETCDCTL_API: "3" }, encoding: "utf8" }))[0].Status.header.revision;

    it("copies every key, after which every command shows on etcd what it showed on disk", async () => {
      const etcd = target();
      const out = ok(await etcd.cli(["datastore", "migrate", "--from-data-dir", disk.path]));
      expect(out).toMatch(new RegExp(`^copied \\d+ key\\(s\\) from ${disk.path} to etcd ${cluster.endpoints[0]} prefix ${etcd.prefix}\\n$`));
      // show prints how long ago the allocation was made; the two runs may straddle a second.
      const withoutAge = (text: string) => text.replace(/\(\d+[smhd] ago\)/g, "(… ago)");
      for (const args of [["get", "pools", "-o", "yaml"], ["allocations", "-o", "json"], ["usage", "-o", "json"], ["show", "ctr-a"]]) {
        expect(withoutAge(ok(await etcd.cli(args))), args.join(" ")).toBe(withoutAge(ok(await execCli(args, { dataDir: disk.path }))));
      }
      // The allocator carries on from the copied state: the same container keeps its addresses, a new one gets others.
      const conf = netconfFor({ dataDir: "/nonexistent", datastore: { type: "etcd", endpoints: cluster.endpoints, prefix: etcd.prefix } });
      const again = await execPlugin({ command: "ADD", containerId: "ctr-a" }, conf);
      const onDisk = JSON.parse(ok(await execCli(["allocations", "--container", "ctr-a", "-o", "json"], { dataDir: disk.path })));
      const addressesOf = (rows: { addresses: { address: string }[] }[]) => rows.flatMap((row) => row.addresses.map((entry) => entry.address)).sort();
      expect(again.json.ips.map((ip: { address: string }) => ip.address.split("/")[0]).sort()).toEqual(addressesOf(onDisk));
      const fresh = await execPlugin({ command: "ADD", containerId: "ctr-new" }, conf);
      expect(fresh.json.ips).toHaveLength(2);
      const held = addressesOf(JSON.parse(ok(await etcd.cli(["allocations", "-o", "json"]))));
      expect(held).toHaveLength(6);
      expect(new Set(held).size).toBe(held.length);
    });

    it("changes nothing when run again, and says so", async () => {
      const etcd = target();
      ok(await etcd.cli(["datastore", "migrate", "--from-data-dir", disk.path]));
      const before = revision();
      const out = ok(await etcd.cli(["datastore", "migrate", "--from-data-dir", disk.path]));
      expect(out).toMatch(/^nothing to copy: etcd .* already holds all \d+ key\(s\) of /);
      expect(revision()).toBe(before);
    });

    it("refuses a key that etcd holds with a different document, naming it, and writes nothing", async () => {
      const etcd = target();
      // etcd got its own pool at the same key before the migration.
      ok(await etcd.cli(["apply", "-f", "-"], JSON.stringify(poolDoc("10.99.0.0/24"))));
      const before = revision();
      const refused = await etcd.cli(["datastore", "migrate", "--from-data-dir", disk.path]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(new RegExp(`^ippool: etcd .* prefix ${etcd.prefix} already holds a different document at pools; nothing was copied`));
      expect(revision()).toBe(before);
    });

    it.each([
      [["datastore", "migrate"], 2, "--from-data-dir DIR is required"],
      [["datastore", "copy", "--from-data-dir", "/x"], 2, "expected 'datastore migrate'"],
    ])("rejects a wrong command line: %j", async (args, code, message) => {
      const result = await target().cli(args);
      expect([result.code, result.stderr]).toEqual([code, expect.stringContaining(message)]);
    });

    it("needs etcd as the target and a store as the source", async () => {
      const noEtcd = await execCli(["datastore", "migrate", "--from-data-dir", disk.path]);
      expect([noEtcd.code, noEtcd.stderr]).toEqual([2, expect.stringContaining("give --etcd-endpoints")]);
      const empty = tempDir("ippool-migrate-empty-");
      const nothing = await target().cli(["datastore", "migrate", "--from-data-dir", empty.path]);
      empty.remove();
      expect([nothing.code, nothing.stderr]).toEqual([1, expect.stringContaining("holds no ippool store")]);
    });
  });
}
