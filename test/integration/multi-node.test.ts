// Several nodes on one store (one NODENAME each): each allocates from blocks it claimed, borrows only when none is left, and no address has two holders.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { IPPOOL, execCli, netconf, type ProcessResult } from "../helpers/ippool.js";
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { addressesOf, inlinePool, run, useDataDir } from "./support.js";
import { STRESS_SCALE } from "../robustness/support.js";

const dir = useDataDir();
const NODES = ["node-a", "node-b", "node-c"] as const;
/** Hundreds of processes take turns on one disk store on 2 shared cores; the lock wait must outlast the queue (as in test/robustness). */
const LOCK_WAIT = { lockWaitSeconds: 300 };
/** 750 plugin processes on 2 shared cores: minutes when other work runs beside the suite. */
const BURST_TIMEOUT = 600_000;
/** Setting a host name for one process takes a UTS namespace of its own. */
const skipHostname = skipUnlessReady("node name from the host name", ["root", "program:unshare"]);
const explain = (result: ProcessResult) =>
  `exit ${result.code} signal ${result.signal}: ${result.stdout}${result.stderr}`;

interface Block {
  cidr: string;
  pool: string;
  node: string;
  used: number;
  free: number;
}

async function cliJson(args: string[]): Promise<any> {
  const result = await execCli([...args, "-o", "json"], { dataDir: dir.path });
  expect(result.code, explain(result)).toBe(0);
  return JSON.parse(result.stdout);
}

async function expectVerifyPasses(): Promise<void> {
  const result = await execCli(["verify"], { dataDir: dir.path });
  expect(result.stdout, result.stderr).toMatch(/ok: no problems found/);
  expect(result.code).toBe(0);
}

/** The claimed block (as listed by `ippool blocks`) an IPv4 address falls in. */
function blockOf(blocks: readonly Block[], address: string): Block {
  const value = (text: string) => text.split(".").reduce((sum, octet) => sum * 256 + Number(octet), 0);
  const block = blocks.find((candidate) => {
    const [base, prefix] = candidate.cidr.split("/") as [string, string];
    return value(address) >= value(base) && value(address) < value(base) + 2 ** (32 - Number(prefix));
  });
  if (!block) throw new Error(`${address} lies in no claimed block`);
  return block;
}

/** Who holds what, from `ippool allocations`: every address once, with its node. */
async function holdings(): Promise<Map<string, string>> {
  const docs: { node: string; containerId: string; addresses: { address: string }[] }[] = await cliJson([
    "allocations",
  ]);
  const byAddress = new Map<string, string>();
  for (const doc of docs) {
    for (const { address } of doc.addresses) {
      expect(byAddress.has(address), `${address} held by ${byAddress.get(address)} and ${doc.containerId}`).toBe(false);
      byAddress.set(address, doc.node);
    }
  }
  return byAddress;
}

/** ADDs of the first burst at CI size (half of them then leave while as many arrive); IPPOOL_STRESS_SCALE=N runs N times as many. */
const BURST = 150 * STRESS_SCALE;

describe("three nodes on one store", () => {
  it(
    `${BURST} ADDs at once over three nodes, then DELs racing new ADDs: no failure, no address twice, each node in its own blocks`,
    async () => {
      const conf = netconf("1.0.0", { dataDir: dir.path, ipPools: [inlinePool("10.60.0.0/16")], ...LOCK_WAIT });
      const add = (node: string, containerId: string) => run("ADD", conf, { containerId, env: { NODENAME: node } });
      const first = Array.from({ length: BURST }, (_, index) => ({ node: NODES[index % 3]!, id: `first-${index}` }));
      const adds = await Promise.all(first.map(({ node, id }) => add(node, id)));
      expect(adds.filter((result) => result.code !== 0).map(explain)).toEqual([]);
      const given = adds.flatMap((result) => addressesOf(result.json));
      expect(new Set(given).size).toBe(BURST);

      // Half of each node's containers go while as many new ones arrive on the same nodes.
      const leaving = first.filter((_, index) => index % 2 === 0);
      const arriving = Array.from({ length: leaving.length }, (_, index) => ({
        node: NODES[index % 3]!,
        id: `second-${index}`,
      }));
      const racing = await Promise.all([
        ...leaving.map(({ node, id }) => run("DEL", conf, { containerId: id, env: { NODENAME: node } })),
        ...arriving.map(({ node, id }) => add(node, id)),
      ]);
      expect(racing.filter((result) => result.code !== 0).map(explain)).toEqual([]);

      const held = await holdings();
      expect(held.size).toBe(BURST);
      // Unclaimed blocks remain (a /16 has 1024), so nobody borrowed: every address lies in a block of its own node.
      const blocks: Block[] = await cliJson(["blocks"]);
      for (const [address, node] of held) expect(blockOf(blocks, address).node, address).toBe(node);
      expect(new Set(blocks.map((block) => block.node))).toEqual(new Set(NODES));
      expect(blocks.reduce((sum, block) => sum + block.used, 0)).toBe(BURST);
      await expectVerifyPasses();
    },
    BURST_TIMEOUT,
  );

  it(
    "once every block of a small pool is claimed, a node with full blocks borrows from the others, still without duplicates",
    async () => {
      // A /24 is four blocks: 62, 64, 64 and 63 usable addresses (network, gateway, broadcast reserved).
      const conf = netconf("1.1.0", { dataDir: dir.path, ipPools: [inlinePool("10.61.0.0/24")], ...LOCK_WAIT });
      const addMany = async (node: string, prefix: string, count: number) => {
        const results = await Promise.all(
          Array.from({ length: count }, (_, index) =>
            run("ADD", conf, { containerId: `${prefix}-${index}`, env: { NODENAME: node } }),
          ),
        );
        expect(results.filter((result) => result.code !== 0).map(explain)).toEqual([]);
        return results.flatMap((result) => addressesOf(result.json));
      };
      await addMany("node-a", "a", 62);
      await addMany("node-b", "b", 10);
      await addMany("node-c", "c", 10);
      await addMany("node-a", "a2", 10);
      let blocks: Block[] = await cliJson(["blocks"]);
      expect(blocks.map((block) => [block.cidr, block.node, block.used, block.free])).toEqual([
        ["10.61.0.0/26", "node-a", 62, 0],
        ["10.61.0.64/26", "node-b", 10, 54],
        ["10.61.0.128/26", "node-c", 10, 54],
        ["10.61.0.192/26", "node-a", 10, 53],
      ]);

      // node-b fills its own block first, then borrows the rest from blocks affine to other nodes.
      const more = await addMany("node-b", "b2", 60);
      blocks = await cliJson(["blocks"]);
      const inOwn = more.filter((address) => blockOf(blocks, address).node === "node-b");
      expect(inOwn).toHaveLength(54);
      expect(more.length - inOwn.length).toBe(6);
      expect(blocks.map((block) => block.node)).toEqual(["node-a", "node-b", "node-c", "node-a"]);
      await holdings();
      await expectVerifyPasses();

      // Fill what is left from all three nodes at once, then every node is out of addresses.
      const left = blocks.reduce((sum, block) => sum + block.free, 0);
      await Promise.all(
        NODES.map((node, index) => addMany(node, `last-${index}`, Math.floor(left / 3) + (index < left % 3 ? 1 : 0))),
      );
      const full = await run("ADD", conf, { containerId: "one-too-many", env: { NODENAME: "node-c" } });
      expect(full.json).toMatchObject({ code: 100 });
      for (const node of NODES)
        expect((await run("STATUS", conf, { env: { NODENAME: node } })).json, node).toMatchObject({ code: 50 });
      expect((await holdings()).size).toBe(253);
      await expectVerifyPasses();

      // One address freed on node-a's block: node-c may borrow it, and STATUS says so on every node.
      const docs: { containerId: string; addresses: { address: string }[] }[] = await cliJson([
        "allocations",
        "--container",
        "a-5",
      ]);
      const freed = docs[0]!.addresses[0]!.address;
      expect((await run("DEL", conf, { containerId: "a-5", env: { NODENAME: "node-a" } })).code).toBe(0);
      for (const node of NODES) expect((await run("STATUS", conf, { env: { NODENAME: node } })).code, node).toBe(0);
      const borrowed = addressesOf(
        (await run("ADD", conf, { containerId: "borrower", env: { NODENAME: "node-c" } })).json,
      );
      expect(borrowed).toEqual([freed]);
      await expectVerifyPasses();
    },
    BURST_TIMEOUT,
  );
});

describe("the node name", () => {
  const pool = [inlinePool("10.62.0.0/24")];
  it.each([
    { how: "ipam.nodename", ipam: { nodename: "from-conf" }, env: { NODENAME: "from-env" }, node: "from-conf" },
    { how: "env NODENAME", ipam: {}, env: { NODENAME: "from-env" }, node: "from-env" },
  ])("comes from $how and is recorded in the attachment and its block", async ({ ipam, env, node }) => {
    const conf = netconf("1.0.0", { dataDir: dir.path, ipPools: pool, ...ipam });
    expect((await run("ADD", conf, { containerId: "named", env })).code).toBe(0);
    expect((await cliJson(["allocations"]))[0].node).toBe(node);
    expect((await cliJson(["blocks"]))[0]).toEqual({
      cidr: "10.62.0.0/26",
      pool: "10.62.0.0/24",
      node,
      used: 1,
      free: 61,
    });
  });

  // Names the node resource refuses: had the plugin taken them, 'node register' could never record the node.
  it.each(["Node_A", "NODE-A", "node_a", "node-a-", "../etc", "a/b", ".hidden", "", "x".repeat(254)])(
    "%j in ipam.nodename is code 7, in NODENAME code 4 saying why, nothing is written, and node register refuses it too",
    async (bad) => {
      const withConf = await run("ADD", netconf("1.0.0", { dataDir: dir.path, ipPools: pool, nodename: bad }));
      expect(withConf.json, withConf.stdout).toMatchObject({ code: 7 });
      expect(withConf.json.msg).toContain("nodename");
      if (bad !== "") {
        const withEnv = await run("ADD", netconf("1.0.0", { dataDir: dir.path, ipPools: pool }), {
          env: { NODENAME: bad },
        });
        expect(withEnv.json, withEnv.stdout).toMatchObject({ code: 4 });
        expect(withEnv.json.msg).toContain(
          `node name ${JSON.stringify(bad)} from env variable NODENAME cannot name a node record: a node name `,
        );
        const registered = await execCli(["node", "register", "--nodename", bad], { dataDir: dir.path });
        expect(registered.code).toBe(2);
        expect(registered.stderr).toContain(`--nodename ${JSON.stringify(bad)} is not a node name: a node name `);
      }
      // Nothing written: the store holds no allocation, or (when this case runs first) nothing at all.
      const listed = await execCli(["allocations", "-o", "json"], { dataDir: dir.path });
      if (listed.code === 0) expect(JSON.parse(listed.stdout)).toEqual([]);
      else expect(listed.stderr).toMatch(/it holds nothing ippool wrote|no key under the prefix/);
    },
  );

  it("a name the plugin takes from NODENAME is one 'node register' records, and the dataplane finds it", async () => {
    const conf = netconf("1.0.0", { dataDir: dir.path, ipPools: pool });
    expect((await run("ADD", conf, { containerId: "dotted", env: { NODENAME: "node-7.example.com" } })).code).toBe(0);
    const registered = await execCli(["node", "register", "--ipv4-address", "192.168.7.7/24"], {
      dataDir: dir.path,
      env: { NODENAME: "node-7.example.com" },
    });
    expect(registered.stdout, registered.stderr).toBe("registered node node-7.example.com\n");
    const plan = await execCli(["dataplane", "apply", "--dry-run"], {
      dataDir: dir.path,
      env: { NODENAME: "node-7.example.com" },
    });
    expect(plan.stdout, plan.stderr).toContain("blackhole 10.62.0.0/26 proto 201\n");
  });

  describe.skipIf(skipHostname)("from the host name (in a UTS namespace of its own)", () => {
    /** IPPOOL run under the host name `name`, set for it alone (the kernel's, which hostname(1) would check first). */
    const underHostname = (name: string): string => {
      const script = join(dir.path, `as-${name}.sh`);
      writeFileSync(
        script,
        `#!/bin/sh\nexec unshare --uts /bin/sh -c 'printf %s "$1" >/proc/sys/kernel/hostname && shift && exec "$@"' sh '${name}' '${IPPOOL}' "$@"\n`,
        { mode: 0o755 },
      );
      return script;
    };

    it("is lower-cased, as Calico does, for the plugin and the CLI alike", async () => {
      const executable = underHostname("Node-A");
      const conf = netconf("1.0.0", { dataDir: dir.path, ipPools: pool });
      expect((await run("ADD", conf, { containerId: "hosted", executable })).code).toBe(0);
      expect((await cliJson(["allocations"]))[0].node).toBe("node-a");
      const registered = await execCli(["node", "register"], { dataDir: dir.path, executable });
      expect(registered.stdout, registered.stderr).toBe("registered node node-a\n");
    });

    it("that no node record could carry is code 4 naming the host name; commands that act for no node still run", async () => {
      const executable = underHostname("node_a");
      const added = await run("ADD", netconf("1.0.0", { dataDir: dir.path, ipPools: pool }), { executable });
      expect(added.json, added.stdout).toMatchObject({ code: 4 });
      expect(added.json.msg).toContain('node name "node_a" from the host name cannot name a node record');
      expect(added.json.details).toContain("NODENAME");
      const registered = await execCli(["node", "register"], { dataDir: dir.path, executable });
      expect(registered.code).toBe(1);
      expect(registered.stderr).toContain('node name "node_a" from the host name cannot name a node record');
      const pools = "apiVersion: v1\nkind: ipPool\nmetadata:\n  cidr: 10.63.0.0/24\n";
      const applied = await execCli(["apply", "-f", "-"], { dataDir: dir.path, executable, stdin: pools });
      expect(applied.code, applied.stderr).toBe(0);
      const listed = await execCli(["get", "pools"], { dataDir: dir.path, executable });
      expect(listed.code, listed.stderr).toBe(0);
      expect(await cliJson(["allocations"])).toEqual([]);
    });
  });

  it("GC on a node releases only that node's attachments of the network", async () => {
    const conf = netconf("1.1.0", { dataDir: dir.path, ipPools: pool });
    for (const node of ["node-a", "node-b"])
      expect((await run("ADD", conf, { containerId: `on-${node}`, env: { NODENAME: node } })).code).toBe(0);
    const gc = await run("GC", { ...conf, "cni.dev/valid-attachments": [] }, { env: { NODENAME: "node-a" } });
    expect(gc.code, gc.stdout).toBe(0);
    expect((await cliJson(["allocations"])).map((doc: any) => doc.containerId)).toEqual(["on-node-b"]);
  });
});
