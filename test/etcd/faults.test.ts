// A three-member etcd on loopback under faults: members killed during ADD bursts, quorum lost and back, plugins SIGKILLed mid-commit.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { ETCD_BINARY, startEtcd, type EtcdCluster } from "../helpers/etcd.js";
import { IPPOOL, execCli, execPlugin, poolDoc, type PluginResult } from "../helpers/ippool.js";

/** The quorum-loss case waits this long; the bursts use the default 10 s, as a node under load would. */
const TIMEOUT_SECONDS = 4;
const BURST_TIMEOUT_SECONDS = 10;
/** What "within timeoutSeconds" may take on top: a process start and a loaded 2-core machine. */
const SLACK_MS = 5000;
const POOL = "10.63.0.0/22";
const PREFIX = `/faults-${process.pid}`;

interface Row {
  containerId: string;
  addresses: { pool: string; address: string }[];
}

if (!skipUnlessReady("etcd faults", [`file:${ETCD_BINARY}`])) {
  describe("etcd datastore on a three-member cluster under faults", () => {
    let cluster: EtcdCluster;
    beforeAll(async () => {
      cluster = await startEtcd({ members: 3 });
    });
    afterAll(async () => cluster?.stop());

    /** Each call names the members in another order, so some of them talk to the one that dies. */
    let rotation = 0;
    const conf = (timeoutSeconds = TIMEOUT_SECONDS) => {
      const endpoints = cluster.endpoints.map((_, i) => cluster.endpoints[(i + rotation) % cluster.endpoints.length]!);
      rotation++;
      return {
        cniVersion: "1.1.0",
        name: "faultnet",
        ipam: {
          type: "ippool",
          ipPools: [poolDoc(POOL)],
          datastore: { type: "etcd", endpoints, prefix: PREFIX, timeoutSeconds },
        },
      };
    };
    const call = (command: string, containerId: string, timeoutSeconds?: number) =>
      execPlugin({ command, containerId }, conf(timeoutSeconds));
    const cli = (args: string[]) =>
      execCli([...args, "--etcd-endpoints", cluster.endpoints.join(","), "--etcd-prefix", PREFIX]);
    const allocations = async (): Promise<Row[]> => {
      const listed = await cli(["allocations", "-o", "json"]);
      expect(listed.code, listed.stderr).toBe(0);
      return JSON.parse(listed.stdout);
    };
    const okOr11 = (result: PluginResult) => {
      if (result.code !== 0) expect(result.json?.code, `${result.stdout}${result.stderr}`).toBe(11);
    };

    /**
     * The store agrees with itself and with what the plugins answered: no address twice, usage counts
     * what allocations list, and each ADD that answered 0 holds exactly the address it reported.
     */
    async function expectConsistent(reported: Map<string, string>): Promise<Row[]> {
      const rows = await allocations();
      const held = rows.flatMap((row) => row.addresses.map((entry) => entry.address));
      expect(new Set(held).size, "an address has two holders").toBe(held.length);
      const usage = JSON.parse((await cli(["usage", "-o", "json"])).stdout) as {
        pool: string;
        used: number | string;
      }[];
      expect(Number(usage.find((row) => row.pool === POOL)?.used ?? 0)).toBe(held.length);
      const byContainer = new Map(rows.map((row) => [row.containerId, row.addresses.map((entry) => entry.address)]));
      for (const [containerId, address] of reported)
        expect(byContainer.get(containerId), containerId).toEqual([address]);
      return rows;
    }

    async function burstWhile(name: string, count: number, fault: () => Promise<void>): Promise<Map<string, string>> {
      const ids = Array.from({ length: count }, (_, i) => `${name}-${i}`);
      const adds = Promise.all(ids.map((id) => call("ADD", id, BURST_TIMEOUT_SECONDS)));
      await new Promise((resolve) => setTimeout(resolve, 300));
      await fault();
      const results = await adds;
      const reported = new Map<string, string>();
      results.forEach((result, i) => {
        okOr11(result);
        if (result.code === 0) reported.set(ids[i]!, result.json.ips[0].address.split("/")[0]);
      });
      const why = results
        .filter((result) => result.code !== 0)
        .map((result) => String(result.json?.msg).replace(/\d+/g, "N"));
      console.info(
        `[faults] ${name}: ${reported.size} of ${count} ADDs succeeded; 11: ${JSON.stringify(Object.fromEntries(why.map((msg) => [msg, why.filter((other) => other === msg).length])))}`,
      );
      // A runtime DELs an attachment whose ADD failed; one whose commit did land is cleaned up so.
      for (const [i, result] of results.entries())
        if (result.code !== 0) expect((await call("DEL", ids[i]!)).code).toBe(0);
      return reported;
    }

    it.each([
      ["a follower", async () => (cluster.members.length + (await cluster.leader()) + 1) % cluster.members.length],
      ["the leader", () => cluster.leader()],
    ])(
      "keeps every ADD at exit 0 or code 11, none lost or doubled, when %s is killed during a burst",
      async (which, pick) => {
        let victim = -1;
        const reported = await burstWhile(which.replace(/\W/g, ""), 40, async () => {
          victim = await pick();
          await cluster.kill(victim);
        });
        expect(reported.size).toBeGreaterThan(0);
        await expectConsistent(reported);
        await cluster.restart(victim);
        await expectConsistent(reported);
      },
    );

    it("answers 11 to ADD and DEL and 50 to STATUS within timeoutSeconds when quorum is lost, writes nothing, and works once it is back", async () => {
      expect((await call("ADD", "kept")).code).toBe(0);
      const before = await allocations();
      const leader = await cluster.leader();
      const lost = [0, 1, 2]
        .filter((index) => index !== leader)
        .slice(0, 1)
        .concat(leader);
      for (const index of lost) await cluster.kill(index);
      for (const [command, id, code] of [
        ["ADD", "new", 11],
        ["DEL", "kept", 11],
        ["STATUS", "new", 50],
      ] as const) {
        const started = Date.now();
        const result = await call(command, id);
        const took = Date.now() - started;
        expect(result.json, `${command}: ${result.stdout}${result.stderr}`).toMatchObject({ code });
        expect(`${result.json.msg} ${result.json.details}`).toMatch(/etcd|nothing was written/);
        for (const endpoint of cluster.endpoints) expect(result.json.details).toContain(endpoint);
        expect(took, `${command} took ${took} ms`).toBeLessThan(TIMEOUT_SECONDS * 1000 + SLACK_MS);
      }
      for (const index of lost) await cluster.restart(index);
      expect(await allocations()).toEqual(before);
      const back = await call("ADD", "new");
      expect(back.code, back.stdout).toBe(0);
      expect((await call("STATUS", "new")).code).toBe(0);
      expect((await call("DEL", "kept")).code).toBe(0);
      expect((await allocations()).map((row) => row.containerId).sort()).toEqual(
        before
          .map((row) => row.containerId)
          .filter((id) => id !== "kept")
          .concat("new")
          .sort(),
      );
    });

    it("leaves no partial state when plugin processes are SIGKILLed mid-transaction", async () => {
      const ids = Array.from({ length: 40 }, (_, i) => `killed-${i}`);
      const outcomes = await Promise.all(
        ids.map((id, i) => addKilledAfter(id, i % 2 === 0 ? Math.random() * 150 : undefined)),
      );
      const reported = new Map<string, string>();
      outcomes.forEach((outcome, i) => {
        if (outcome.signal !== null) return;
        expect(outcome.code, outcome.stdout).toBe(0);
        reported.set(ids[i]!, JSON.parse(outcome.stdout).ips[0].address.split("/")[0]);
      });
      const rows = await expectConsistent(reported);
      // A killed ADD holds its one address or nothing; its DEL clears it, and then nothing is left anywhere.
      for (const row of rows) expect(row.addresses).toHaveLength(1);
      for (const id of ids) expect((await call("DEL", id)).code).toBe(0);
      expect((await allocations()).filter((row) => row.containerId.startsWith("killed-"))).toEqual([]);
      await expectConsistent(new Map());
    });

    /** An ADD through a real process, SIGKILLed after `delayMs` (or left alone when undefined). */
    function addKilledAfter(
      containerId: string,
      delayMs: number | undefined,
    ): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
      return new Promise((resolve, reject) => {
        const env = {
          PATH: process.env.PATH ?? "",
          CNI_COMMAND: "ADD",
          CNI_CONTAINERID: containerId,
          CNI_NETNS: "/var/run/netns/x",
          CNI_IFNAME: "eth0",
          CNI_PATH: "/opt/cni/bin",
        };
        const child = spawn(IPPOOL, [], { env, stdio: ["pipe", "pipe", "ignore"] });
        let stdout = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
        child.on("error", reject);
        child.on("close", (code, signal) => resolve({ code, signal, stdout }));
        child.stdin.end(JSON.stringify(conf(BURST_TIMEOUT_SECONDS)));
        if (delayMs !== undefined) setTimeout(() => child.kill("SIGKILL"), delayMs);
      });
    }
  });
}
