// The plugin's verbs through runPlugin on the in-memory store: results, error codes, what the store holds after.
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../../src/store/memory/memory-store.js";
import { LEGACY_KEYS } from "../helpers/legacy-layout.js";
import { NETWORK, memoryCluster, netconf, poolDoc, yamlDocs, ok } from "./support.js";

const inline = (...cidrs: string[]) => ({ ipPools: cidrs.map((cidr) => poolDoc(cidr)) });
const attachmentKeys = (documents: Record<string, unknown>) =>
  Object.keys(documents).filter((key) => key.startsWith("attachment/"));

describe("runPlugin", () => {
  it.each(["0.3.1", "0.4.0", "1.0.0", "1.1.0"])(
    "gives an address at %s that CHECK confirms and DEL releases, DEL again succeeding",
    async (version) => {
      const cluster = memoryCluster();
      const conf = netconf(inline("10.1.0.0/24"), version);
      const added = await cluster.plugin({ command: "ADD" }, conf);
      expect(added.exitCode).toBe(0);
      expect(added.json.ips[0]).toMatchObject({ address: "10.1.0.2/24", gateway: "10.1.0.1" });
      if (version !== "0.3.1")
        expect((await cluster.plugin({ command: "CHECK" }, { ...conf, prevResult: added.json })).exitCode).toBe(0);
      expect(attachmentKeys(cluster.datastore.documents())).toEqual([`attachment/${NETWORK}/ctr-1:eth0`]);
      expect((await cluster.plugin({ command: "DEL" }, conf)).exitCode).toBe(0);
      expect((await cluster.plugin({ command: "DEL" }, conf)).exitCode).toBe(0);
      expect(attachmentKeys(cluster.datastore.documents())).toEqual([]);
    },
  );

  it("answers VERSION and an old version's ip4 result", async () => {
    const cluster = memoryCluster();
    const version = await cluster.plugin({ command: "VERSION" }, { cniVersion: "1.0.0" });
    expect(version.json.supportedVersions).toContain("1.1.0");
    const old = await cluster.plugin({ command: "ADD" }, netconf(inline("10.1.0.0/24"), "0.2.0"));
    expect(old.json.ip4.ip).toBe("10.1.0.2/24");
  });

  it("gives the same addresses to a repeated ADD and one of each family to a dual-stack network", async () => {
    const cluster = memoryCluster();
    const conf = netconf({
      ...inline("10.1.0.0/24", "fd00:1::/64"),
      routes: [{ dst: "0.0.0.0/0" }, { dst: "::/0" }],
      dns: { nameservers: ["10.1.0.1"] },
    });
    const first = await cluster.add("ctr-1", conf);
    expect(first).toEqual(["10.1.0.2", "fd00:1::2"]);
    expect(await cluster.add("ctr-1", conf)).toEqual(first);
    const result = (await cluster.plugin({ command: "ADD", containerId: "ctr-2" }, conf)).json;
    expect(result.routes).toHaveLength(2);
    expect(result.dns.nameservers).toEqual(["10.1.0.1"]);
  });

  it("uses stored pools applied with the CLI, and records the pod from CNI_ARGS", async () => {
    const cluster = memoryCluster();
    ok(await cluster.cli(["apply", "-f", "-"], { stdin: yamlDocs(poolDoc("10.9.0.0/16")) }));
    const run = await cluster.plugin(
      { command: "ADD", args: "K8S_POD_NAMESPACE=ns;K8S_POD_NAME=web-1;IgnoreUnknown=1" },
      netconf(),
    );
    expect(run.json.ips[0].address).toBe("10.9.0.2/16");
    expect(ok(await cluster.cli(["show", "10.9.0.2"]))).toContain("ns/web-1");
  });

  it.each([
    ["CNI_ARGS IP=", { args: "IP=10.1.0.7" }, {}],
    ["runtimeConfig.ips", {}, { runtimeConfig: { ips: ["10.1.0.7/24"] } }],
    ["args.cni.ips", {}, { args: { cni: { ips: ["10.1.0.7"] } } }],
  ])("gives a requested address asked for by %s", async (_how, call, extra) => {
    const cluster = memoryCluster();
    const run = await cluster.plugin({ command: "ADD", ...call }, netconf(inline("10.1.0.0/24"), "1.1.0", extra));
    expect(run.json.ips[0].address).toBe("10.1.0.7/24");
  });

  it.each([
    ["an address held by another container", "10.1.0.2", 101],
    ["the gateway", "10.1.0.1", 101],
    ["an address outside every pool", "10.2.0.5", 102],
  ])("refuses a requested address that is %s", async (_what, address, code) => {
    const cluster = memoryCluster();
    const conf = netconf(inline("10.1.0.0/24"));
    await cluster.add("ctr-1", conf);
    const run = await cluster.plugin({ command: "ADD", containerId: "ctr-2", args: `IP=${address}` }, conf);
    expect([run.exitCode, run.json.code]).toEqual([1, code]);
  });

  it("fails with code 100 naming the full pool, STATUS then says code 50, and GC frees what is not live", async () => {
    const cluster = memoryCluster();
    const conf = netconf(inline("10.1.0.0/29"));
    for (const id of ["a", "b", "c", "d", "e"]) await cluster.add(id, conf);
    const full = await cluster.plugin({ command: "ADD", containerId: "f" }, conf);
    expect(full.json).toMatchObject({ code: 100 });
    expect(full.json.msg).toContain("10.1.0.0/29");
    expect((await cluster.plugin({ command: "STATUS" }, conf)).json.code).toBe(50);
    const live = { "cni.dev/valid-attachments": [{ containerID: "a", ifname: "eth0" }] };
    expect((await cluster.plugin({ command: "GC" }, netconf(inline("10.1.0.0/29"), "1.1.0", live))).exitCode).toBe(0);
    expect(attachmentKeys(cluster.datastore.documents())).toEqual([`attachment/${NETWORK}/a:eth0`]);
    expect((await cluster.plugin({ command: "STATUS" }, conf)).exitCode).toBe(0);
  });

  it("keeps another node's attachments when GC runs on this one", async () => {
    const cluster = memoryCluster();
    const conf = netconf(inline("10.1.0.0/24"));
    await cluster.add("mine", conf, "node-a");
    await cluster.add("theirs", conf, "node-b");
    const live = { "cni.dev/valid-attachments": [] };
    expect((await cluster.plugin({ command: "GC" }, netconf(inline("10.1.0.0/24"), "1.1.0", live))).exitCode).toBe(0);
    expect(attachmentKeys(cluster.datastore.documents())).toEqual([`attachment/${NETWORK}/theirs:eth0`]);
  });

  it("reports each GC release that failed, keeping the failure's code", async () => {
    const cluster = memoryCluster();
    const conf = netconf(inline("10.1.0.0/24"));
    await cluster.add("ctr-1", conf);
    await new MemoryStore(cluster.datastore).update(async (txn) => txn.put("block/10.1.0.0_24/0", { damaged: true }));
    const gc = await cluster.plugin(
      { command: "GC" },
      netconf(inline("10.1.0.0/24"), "1.1.0", { "cni.dev/valid-attachments": [] }),
    );
    expect(gc.json.code).toBe(104);
    expect(gc.json.msg).toMatch(/1 of 1/);
  });

  it.each([
    ["GC without valid-attachments", "GC", {}, 7],
    ["CHECK of an attachment that holds nothing", "CHECK", {}, 3],
    [
      "CHECK of a prevResult naming another address",
      "CHECK",
      { prevResult: { cniVersion: "1.1.0", ips: [{ address: "10.1.0.99/24" }] } },
      105,
    ],
  ])("fails %s with its code", async (_what, command, extra, code) => {
    const cluster = memoryCluster();
    if (code === 105) await cluster.add("ctr-1", netconf(inline("10.1.0.0/24")));
    const run = await cluster.plugin({ command }, netconf(inline("10.1.0.0/24"), "1.1.0", extra));
    expect(run.json.code).toBe(code);
  });

  it("fails with code 103 when the network has no enabled pool, and STATUS says code 50", async () => {
    const cluster = memoryCluster();
    const conf = netconf({ ipPools: [poolDoc("10.1.0.0/24", { disabled: true })] });
    expect((await cluster.plugin({ command: "ADD" }, conf)).json.code).toBe(103);
    expect((await cluster.plugin({ command: "STATUS" }, conf)).json.code).toBe(50);
  });

  it("hands out distinct addresses to concurrent ADDs of three nodes, and the store verifies clean", async () => {
    const cluster = memoryCluster();
    const conf = netconf(inline("10.1.0.0/22"));
    const nodes = ["node-a", "node-b", "node-c"];
    const runs = await Promise.all(
      Array.from({ length: 60 }, (_, index) =>
        cluster.plugin({ command: "ADD", containerId: `ctr-${index}`, node: nodes[index % 3]! }, conf),
      ),
    );
    expect(runs.map((run) => run.exitCode)).toEqual(runs.map(() => 0));
    const addresses = runs.map((run) => run.json.ips[0].address);
    expect(new Set(addresses).size).toBe(60);
    // Writers of one pool met at their commits: the plugin says so on stderr.
    expect(runs.flatMap((run) => run.warnings).some((line) => /conflict/.test(line))).toBe(true);
    expect(ok(await cluster.cli(["verify"]))).toMatch(/ok/);
    const blocks = JSON.parse(ok(await cluster.cli(["blocks", "-o", "json"]))) as { node: string; used: number }[];
    expect(new Set(blocks.map((block) => block.node))).toEqual(new Set(nodes));
  });
});

describe("runPlugin on a store an earlier version wrote", () => {
  it("converts it on the first ADD: every held address stays its holder's, the next ADDs get free ones of their nodes' blocks", async () => {
    const cluster = memoryCluster();
    await new MemoryStore(cluster.datastore).update(async (txn) =>
      Object.entries(LEGACY_KEYS).forEach(([key, doc]) => txn.put(key, doc)),
    );
    expect(await cluster.add("a3", netconf(), "node-a")).toEqual(["10.63.0.4"]);
    expect(await cluster.add("b2", netconf(), "node-b")).toEqual(["10.63.0.65"]);
    const keys = Object.keys(cluster.datastore.documents());
    expect(keys.filter((key) => key.startsWith("claims/"))).toEqual([]);
    expect(keys.filter((key) => key.startsWith("block-claim/"))).toHaveLength(2);
    expect(ok(await cluster.cli(["show", "10.63.0.64"]))).toMatch(/container:\s+b1/);
    ok(await cluster.cli(["verify"]));
  });
});
