// ippool datastore migrate: a node's disk store copied into a real etcd, idempotent, refusing conflicts, through build/ippool.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { encodeStateFile } from "../../src/store/disk/state-file.js";
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { ETCD_BINARY, startEtcd, type EtcdCluster } from "../helpers/etcd.js";
import { execCli, execPlugin, poolDoc, tempDir, type ProcessResult } from "../helpers/ippool.js";
import { LEGACY_KEYS } from "../helpers/legacy-layout.js";

const pools = [poolDoc("10.61.0.0/24"), poolDoc("fd61::/120")];
const netconfFor = (ipam: Record<string, unknown>) => ({
  cniVersion: "1.0.0",
  name: "mignet",
  type: "bridge",
  ipam: { type: "ippool", ...ipam },
});

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
      ok(
        await execCli(["apply", "-f", "-"], {
          dataDir: disk.path,
          stdin: pools.map((doc) => JSON.stringify(doc)).join("\n---\n"),
        }),
      );
      for (const id of ["ctr-a", "ctr-b", "ctr-c"])
        expect((await execPlugin({ command: "ADD", containerId: id }, netconfFor({ dataDir: disk.path }))).code).toBe(
          0,
        );
      expect(
        (await execPlugin({ command: "DEL", containerId: "ctr-b" }, netconfFor({ dataDir: disk.path }))).code,
      ).toBe(0);
    });
    afterAll(async () => {
      await cluster?.stop();
      disk.remove();
    });

    const target = () => {
      const prefix = `/migrate-${prefixes++}`;
      const flags = ["--etcd-endpoints", cluster.endpoints.join(","), "--etcd-prefix", prefix];
      return {
        prefix,
        flags,
        cli: (args: string[], stdin?: string) => execCli([...args, ...flags], stdin !== undefined ? { stdin } : {}),
      };
    };
    const revision = (): string =>
      JSON.parse(
        execFileSync("/usr/bin/etcdctl", [`--endpoints=${cluster.endpoints[0]}`, "endpoint", "status", "-w", "json"], {
          env: { ETCDCTL_API: "3" },
          encoding: "utf8",
        }),
      )[0].Status.header.revision;

    it("copies every key, after which every command shows on etcd what it showed on disk", async () => {
      const etcd = target();
      const out = ok(await etcd.cli(["datastore", "migrate", "--from-data-dir", disk.path]));
      expect(out).toMatch(
        new RegExp(
          `^copied \\d+ key\\(s\\) from ${disk.path} to etcd ${cluster.endpoints[0]} prefix ${etcd.prefix}\\n$`,
        ),
      );
      // show prints how long ago the allocation was made; the two runs may straddle a second.
      const withoutAge = (text: string) => text.replace(/\(\d+[smhd] ago\)/g, "(… ago)");
      for (const args of [
        ["get", "pools", "-o", "yaml"],
        ["allocations", "-o", "json"],
        ["usage", "-o", "json"],
        ["show", "ctr-a"],
      ]) {
        expect(withoutAge(ok(await etcd.cli(args))), args.join(" ")).toBe(
          withoutAge(ok(await execCli(args, { dataDir: disk.path }))),
        );
      }
      // The allocator carries on from the copied state: the same container keeps its addresses, a new one gets others.
      const conf = netconfFor({
        dataDir: "/nonexistent",
        datastore: { type: "etcd", endpoints: cluster.endpoints, prefix: etcd.prefix },
      });
      const again = await execPlugin({ command: "ADD", containerId: "ctr-a" }, conf);
      const onDisk = JSON.parse(
        ok(await execCli(["allocations", "--container", "ctr-a", "-o", "json"], { dataDir: disk.path })),
      );
      const addressesOf = (rows: { addresses: { address: string }[] }[]) =>
        rows.flatMap((row) => row.addresses.map((entry) => entry.address)).sort();
      expect(again.json.ips.map((ip: { address: string }) => ip.address.split("/")[0]).sort()).toEqual(
        addressesOf(onDisk),
      );
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
      expect(refused.stderr).toMatch(
        new RegExp(
          `^ippool: etcd .* prefix ${etcd.prefix} already holds a different document at pools; nothing was copied`,
        ),
      );
      expect(revision()).toBe(before);
    });

    describe("several nodes' disk stores into one etcd", () => {
      const POOL = "10.62.0.0/24";
      const nodeConf = (dataDir: string, nodename: string) =>
        netconfFor({ dataDir, nodename, ipPools: [poolDoc(POOL)] });
      const add = async (conf: object, id: string) => {
        const result = await execPlugin({ command: "ADD", containerId: id }, conf);
        expect(result.code, result.stderr + result.stdout).toBe(0);
        return (result.json.ips as { address: string }[]).map((ip) => ip.address.split("/")[0]!);
      };
      const del = async (conf: object, id: string) =>
        expect((await execPlugin({ command: "DEL", containerId: id }, conf)).code).toBe(0);
      const stores: { remove(): void }[] = [];
      afterAll(() => stores.forEach((store) => store.remove()));
      const nodeStore = () => {
        const dir = tempDir("ippool-migrate-node-");
        stores.push(dir);
        return dir.path;
      };

      it("keeps every node's addresses: a first block both stores claimed stays the first node's, the second node's addresses borrowed in it", async () => {
        const etcd = target();
        const [dirA, dirB] = [nodeStore(), nodeStore()];
        const [a, b] = [nodeConf(dirA, "node-a"), nodeConf(dirB, "node-b")];
        const held = [...(await add(a, "a1")), ...(await add(a, "a2")), ...(await add(a, "a3"))];
        // Node b's pods came and went, so its next-fit cursor moved past the addresses node a holds.
        for (const id of ["b1", "b2", "b3"]) await add(b, id);
        for (const id of ["b1", "b2", "b3"]) await del(b, id);
        held.push(...(await add(b, "b4")), ...(await add(b, "b5")));
        expect(held).toEqual(["10.62.0.2", "10.62.0.3", "10.62.0.4", "10.62.0.5", "10.62.0.6"]);

        ok(await etcd.cli(["datastore", "migrate", "--from-data-dir", dirA]));
        const second = ok(await etcd.cli(["datastore", "migrate", "--from-data-dir", dirB]));
        expect(second).toMatch(/1 block\(s\) another node holds there got this node's addresses as borrowed ones/);
        const rows = JSON.parse(ok(await etcd.cli(["allocations", "-o", "json"]))) as {
          containerId: string;
          addresses: { address: string }[];
        }[];
        const byContainer = Object.fromEntries(
          rows.map((row) => [row.containerId, row.addresses.map((entry) => entry.address)]),
        );
        expect(byContainer).toEqual({
          a1: ["10.62.0.2"],
          a2: ["10.62.0.3"],
          a3: ["10.62.0.4"],
          b4: ["10.62.0.5"],
          b5: ["10.62.0.6"],
        });
        ok(await etcd.cli(["verify"]));

        // Both nodes carry on from etcd without handing out a held address.
        const onEtcd = (nodename: string) =>
          netconfFor({
            nodename,
            ipPools: [poolDoc(POOL)],
            datastore: { type: "etcd", endpoints: cluster.endpoints, prefix: etcd.prefix },
          });
        const fresh = [...(await add(onEtcd("node-a"), "a4")), ...(await add(onEtcd("node-b"), "b6"))];
        const all = [...held, ...fresh];
        expect(new Set(all).size).toBe(all.length);
        ok(await etcd.cli(["verify"]));
      });

      it("refuses an address two nodes' stores both hold, naming both holders, and writes nothing", async () => {
        const etcd = target();
        const [dirA, dirC] = [nodeStore(), nodeStore()];
        await add(nodeConf(dirA, "node-a"), "a1");
        await add(nodeConf(dirC, "node-c"), "c1");
        ok(await etcd.cli(["datastore", "migrate", "--from-data-dir", dirA]));
        const before = revision();
        const refused = await etcd.cli(["datastore", "migrate", "--from-data-dir", dirC]);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(
          /already holds 10\.62\.0\.2 .* for mignet\/a1:eth0 on node node-a, and this store holds it for mignet\/c1:eth0 on node node-c; nothing was copied/,
        );
        expect(refused.stderr).toMatch(/release one of them/);
        expect(revision()).toBe(before);
      });
    });

    describe("a store in the layout of an earlier version", () => {
      const etcdctl = (...args: string[]) =>
        execFileSync("/usr/bin/etcdctl", [`--endpoints=${cluster.endpoints[0]}`, ...args], {
          env: { ETCDCTL_API: "3" },
          encoding: "utf8",
        });

      it("is converted by the first ADD on etcd: every container keeps its address, and nothing held is handed out", async () => {
        const etcd = target();
        for (const [key, doc] of Object.entries(LEGACY_KEYS))
          etcdctl("put", `${etcd.prefix}/${key}`, JSON.stringify(doc));
        const conf = (nodename: string) =>
          netconfFor({ nodename, datastore: { type: "etcd", endpoints: cluster.endpoints, prefix: etcd.prefix } });
        const fresh: string[] = [];
        for (const [node, id] of [
          ["node-a", "a3"],
          ["node-b", "b2"],
          ["node-c", "c1"],
        ] as const) {
          const result = await execPlugin({ command: "ADD", containerId: id }, conf(node));
          expect(result.code, result.stdout).toBe(0);
          fresh.push(...(result.json.ips as { address: string }[]).map((ip) => ip.address.split("/")[0]!));
        }
        expect(fresh.slice(0, 2)).toEqual(["10.63.0.4", "10.63.0.65"]);
        expect(["10.63.0.2", "10.63.0.3", "10.63.0.64", "10.63.0.4", "10.63.0.65"]).not.toContain(fresh[2]);
        expect(etcdctl("get", "--prefix", `${etcd.prefix}/claims/`, "--keys-only").trim()).toBe("");
        expect(
          etcdctl("get", "--prefix", `${etcd.prefix}/block-claim/`, "--keys-only").trim().split(/\n+/),
        ).toHaveLength(3);
        const rows = JSON.parse(ok(await etcd.cli(["allocations", "-o", "json"]))) as {
          containerId: string;
          addresses: { address: string }[];
        }[];
        expect(Object.fromEntries(rows.map((row) => [row.containerId, row.addresses[0]!.address]))).toMatchObject({
          a1: "10.63.0.2",
          a2: "10.63.0.3",
          b1: "10.63.0.64",
        });
        ok(await etcd.cli(["verify"]));
      });

      it("is converted on the way by datastore migrate from a disk store an earlier version wrote", async () => {
        const etcd = target();
        const dir = tempDir("ippool-migrate-legacy-");
        try {
          for (const [key, doc] of Object.entries(LEGACY_KEYS)) {
            mkdirSync(dirname(join(dir.path, key)), { recursive: true });
            writeFileSync(join(dir.path, `${key}.json`), encodeStateFile(doc));
          }
          ok(await etcd.cli(["datastore", "migrate", "--from-data-dir", dir.path]));
          expect(etcdctl("get", "--prefix", `${etcd.prefix}/claims/`, "--keys-only").trim()).toBe("");
          ok(await etcd.cli(["verify"]));
          // The source is only read: it keeps the earlier layout.
          expect(existsSync(join(dir.path, "claims/10.63.0.0_24.json"))).toBe(true);
        } finally {
          dir.remove();
        }
      });
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
