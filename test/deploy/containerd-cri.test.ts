// containerd's CRI plugin runs pod sandboxes on the network of deploy/daemonset.yaml's ConfigMap: ippool as Kubernetes drives it, without a kubelet.
import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IPPOOL, REPO_ROOT, runProcess, tempDir } from "../helpers/ippool.js";
import { startAgent } from "../helpers/agent.js";
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { argvOf, readManifest } from "./manifest.js";
import { CONTAINERD_PREREQUISITES, ContainerdHost } from "./containerd-host.js";
import { CriClient } from "./cri-client.js";

interface Allocation {
  readonly containerId: string;
  readonly podNamespace?: string;
  readonly podName?: string;
  readonly addresses: readonly { readonly address: string }[];
}

const manifest = readManifest();
const install = argvOf(manifest.installContainer);
const conflistName = install[install.indexOf("--conflist") + 1]?.split("/").pop() ?? "";
const skip = skipUnlessReady("containerd CRI with ippool", CONTAINERD_PREREQUISITES);

describe.skipIf(skip)("containerd's CRI with the DaemonSet's network", () => {
  const work = tempDir("ippool-deploy-cri-");
  const host = new ContainerdHost(work.path);
  const dataDir = join(work.path, "data");
  const agentSocket = join(work.path, "run", "agent.sock");
  let cri: CriClient;
  const network = JSON.parse(manifest.configFiles[conflistName] ?? "{}");
  /** The ConfigMap's conflist with its host paths under the temp dir (no agent listens there until a test starts one). */
  const conflistWith = (ipam: Record<string, unknown>, main: Record<string, unknown> = {}) =>
    JSON.stringify({
      ...network,
      plugins: network.plugins.map((plugin: any) =>
        plugin.ipam?.type === "ippool"
          ? { ...plugin, ...main, ipam: { ...plugin.ipam, dataDir, agentSocket, ...ipam } }
          : plugin,
      ),
    });

  const allocations = async (): Promise<Allocation[]> => {
    const listed = await runProcess(IPPOOL, ["allocations", "--data-dir", dataDir, "-o", "json"]);
    if (listed.code !== 0) throw new Error(`ippool allocations: ${listed.stderr}`);
    return JSON.parse(listed.stdout);
  };
  const runPod = (name: string, namespace = "shop") =>
    cri.runPod({ name, namespace, uid: randomUUID() }, join(work.path, "logs", name));
  const podAddress = async (id: string) => (await cri.status(id)).network?.ip ?? "";

  beforeAll(async () => {
    await host.start(conflistName, conflistWith({}));
    cri = new CriClient(host.socket);
  });

  afterAll(async () => {
    cri?.close();
    await host.cleanup();
    work.remove();
  });

  const pods = new Map<string, string>();

  it("speaks CRI v1", async () => {
    expect(await cri.version()).toMatchObject({ runtimeName: "containerd", runtimeApiVersion: "v1" });
  });

  it("gives a pod an address from the ConfigMap's pool, recorded with the pod's namespace and name", async () => {
    const id = await runPod("web-0");
    pods.set("web-0", id);
    const address = await podAddress(id);
    expect(address).toMatch(/^10\.22\./);
    expect(await allocations()).toEqual([
      expect.objectContaining({
        containerId: id,
        podNamespace: "shop",
        podName: "web-0",
        addresses: [expect.objectContaining({ address })],
      }),
    ]);
  });

  it("gives eight pods started at once eight distinct addresses", async () => {
    const names = Array.from({ length: 8 }, (_, index) => `batch-${index}`);
    const ids = await Promise.all(names.map((name) => runPod(name)));
    names.forEach((name, index) => pods.set(name, ids[index] ?? ""));
    const addresses = await Promise.all(ids.map(podAddress));
    expect(new Set(addresses).size).toBe(8);
    const held = await allocations();
    expect(held).toHaveLength(9);
    for (const [index, id] of ids.entries()) {
      const record = held.find((allocation) => allocation.containerId === id);
      expect(record).toMatchObject({
        podName: names[index],
        addresses: [expect.objectContaining({ address: addresses[index] })],
      });
    }
  });

  it("releases exactly the addresses of the pods removed", async () => {
    const removed = ["batch-0", "batch-1", "batch-2", "batch-3"];
    const before = await allocations();
    await Promise.all(removed.map((name) => cri.removePod(pods.get(name) ?? "")));
    for (const name of removed) pods.delete(name);
    const after = await allocations();
    expect(after.map((allocation) => allocation.containerId).sort()).toEqual([...pods.values()].sort());
    expect(after).toEqual(before.filter((allocation) => [...pods.values()].includes(allocation.containerId)));
  });

  it("keeps pods and their addresses across a containerd restart, and releases them on removal afterwards", async () => {
    const addresses = new Map(
      await Promise.all([...pods.values()].map(async (id) => [id, await podAddress(id)] as const)),
    );
    await host.restart();
    cri.close();
    cri = new CriClient(host.socket);
    const listed = await cri.list();
    expect(listed.map((pod) => pod.id).sort()).toEqual([...pods.values()].sort());
    for (const [id, address] of addresses) expect(await podAddress(id)).toBe(address);
    await Promise.all([...pods.values()].map((id) => cri.removePod(id)));
    pods.clear();
    expect(await allocations()).toEqual([]);
    expect(await cri.list()).toEqual([]);
  });

  it("serves the pods' ADD and DEL through the node agent when one listens on the conflist's agentSocket", async () => {
    mkdirSync(join(work.path, "run"), { recursive: true });
    const agent = await startAgent({ socket: agentSocket });
    try {
      const ids = await Promise.all(["agent-0", "agent-1", "agent-2"].map((name) => runPod(name)));
      expect(new Set(await Promise.all(ids.map(podAddress))).size).toBe(3);
      expect((await allocations()).map((allocation) => allocation.podName).sort()).toEqual([
        "agent-0",
        "agent-1",
        "agent-2",
      ]);
      await Promise.all(ids.map((id) => cri.removePod(id)));
      expect(await allocations()).toEqual([]);
      const status = await runProcess(IPPOOL, ["agent", "status", "--socket", agentSocket]);
      expect(status.stdout).toMatch(/ADD ok: 3\b/);
      expect(status.stdout).toMatch(/DEL ok: [3-9]\b/);
    } finally {
      expect(await agent.stop()).toBe(0);
    }
  });

  /**
   * Replaces the conflist as the DaemonSet's install does (`ippool install`: rename over the old
   * file) while containerd runs. Each network gets its own bridge: the bridge plugin refuses a
   * bridge that already holds another network's gateway.
   */
  const switchNetwork = async (tag: string, pools: readonly string[]) => {
    const dir = join(work.path, tag);
    mkdirSync(dir, { recursive: true });
    const routes = pools.map((cidr) => ({ dst: cidr.includes(":") ? "::/0" : "0.0.0.0/0" }));
    const ipPools = pools.map((cidr) => ({ apiVersion: "v1", kind: "ipPool", metadata: { cidr } }));
    writeFileSync(join(dir, conflistName), conflistWith({ ipPools, routes }, { bridge: `cni-${tag}` }));
    const installed = await runProcess(IPPOOL, [
      ...["install", "--bin-dir", join(work.path, "cni-bin")],
      ...["--conf-dir", host.cniConfDir, "--conflist", join(dir, conflistName)],
    ]);
    expect(installed.code, installed.stderr).toBe(0);
  };

  /** containerd reloads its conf dir on inotify events, a moment later: the first pod on the new network proves it did. */
  const firstPodOn = async (name: string, addressPrefix: string): Promise<string> => {
    for (const deadline = Date.now() + 10_000; ; ) {
      const id = await runPod(name);
      const address = await podAddress(id);
      if (address.startsWith(addressPrefix) || Date.now() > deadline) {
        expect(address, "the first pod on the new network").toContain(addressPrefix);
        return id;
      }
      await cri.removePod(id);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  it("gives dual-stack pods an IPv4 and an IPv6 address each, and releases both on removal", async () => {
    await switchNetwork("dual", ["10.88.0.0/24", "fd00:88::/64"]);
    const ids = [await firstPodOn("dual-0", "10.88."), await runPod("dual-1")];
    const statuses = await Promise.all(ids.map((id) => cri.status(id)));
    const addresses = statuses.map((status) => [
      status.network?.ip,
      ...(status.network?.additionalIps ?? []).map((pod) => pod.ip),
    ]);
    for (const [v4, v6] of addresses) {
      expect(v4).toMatch(/^10\.88\.0\./);
      expect(v6).toMatch(/^fd00:88::/);
    }
    expect(new Set(addresses.flat()).size).toBe(4);
    const held = await allocations();
    for (const [index, id] of ids.entries()) {
      const record = held.find((allocation) => allocation.containerId === id);
      expect(record?.addresses.map((entry) => entry.address).sort()).toEqual([...(addresses[index] ?? [])].sort());
    }
    await Promise.all(ids.map((id) => cri.removePod(id)));
    expect(await allocations()).toEqual([]);
  });

  /** The argv that runs the artifact this pass does not test: the standalone executable or the Node bundle. */
  const otherArtifact = (): string[] =>
    IPPOOL === join(REPO_ROOT, "build/ippool")
      ? [join(REPO_ROOT, `build/ippool-linux-${process.arch}`)]
      : [process.execPath, join(REPO_ROOT, "build/ippool")];

  it("gives every pod an address while the DaemonSet's rollout stops the agent, installs another executable and starts a new agent", async () => {
    const oldAgent = await startAgent({ socket: agentSocket });
    let upgrading = true;
    const upgrade = (async () => {
      try {
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await oldAgent.stop()).toBe(0);
        // The other artifact, so the rename really replaces the file runtimes exec.
        const [file, ...args] = otherArtifact();
        const installed = await runProcess(file!, [...args, "install", "--bin-dir", join(work.path, "cni-bin")]);
        expect(installed.stdout).toMatch(/ippool replaced/);
        return await startAgent({ socket: agentSocket });
      } finally {
        upgrading = false;
      }
    })();
    const ids: string[] = [];
    // Pods keep coming, one after another, through the whole rollout and a little after it.
    for (let after = 0; upgrading || after < 2; after += upgrading ? 0 : 1)
      ids.push(await runPod(`rollout-${ids.length}`));
    const newAgent = await upgrade;
    try {
      const addresses = await Promise.all(ids.map(podAddress));
      expect(addresses.every((address) => address.startsWith("10.88.0."))).toBe(true);
      expect(new Set(addresses).size).toBe(ids.length);
      expect((await allocations()).map((allocation) => allocation.containerId).sort()).toEqual([...ids].sort());
      await Promise.all(ids.map((id) => cri.removePod(id)));
      expect(await allocations()).toEqual([]);
      expect((await runProcess(IPPOOL, ["agent", "status", "--socket", agentSocket])).stdout).toMatch(/DEL ok: [1-9]/);
    } finally {
      expect(await newAgent.stop()).toBe(0);
    }
  });

  it("reports an ADD that fails (the pool exhausted) to the CRI caller with ippool's message, and holds nothing for it", async () => {
    await switchNetwork("tiny", ["10.77.0.0/30"]);
    const only = await firstPodOn("tiny-0", "10.77.0.2");
    const held = await allocations();

    await expect(runPod("tiny-1")).rejects.toThrow(/no free IPv4 address in pool 10\.77\.0\.0\/30 \(1 of 1 in use\)/);
    expect(await allocations()).toEqual(held);
    expect((await cri.list()).map((pod) => pod.metadata.name)).toEqual(["tiny-0"]);

    await cri.removePod(only);
    expect(await allocations()).toEqual([]);
  });
});
