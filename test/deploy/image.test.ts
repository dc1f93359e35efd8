// The image of deploy/Containerfile running the containers of deploy/daemonset.yaml: the install lands on the "host", the agent serves its plugin.
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IPPOOL, runProcess, tempDir } from "../helpers/ippool.js";
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { argvOf, readManifest } from "./manifest.js";
import { buildImage, type PrivatePodman } from "./podman-image.js";

const manifest = readManifest();
const standalone = basename(IPPOOL).startsWith("ippool-linux-");
const skip = skipUnlessReady("deploy image", ["root", "program:podman", "program:runc", "program:ldd"]);
const flagOf = (argv: readonly string[], flag: string): string => argv[argv.indexOf(flag) + 1] ?? "";

describe.skipIf(skip || !standalone)("deploy/Containerfile with deploy/daemonset.yaml's containers", () => {
  const work = tempDir("ippool-deploy-image-");
  const agentName = `ippool-deploy-agent-${process.pid}`;
  let podman: PrivatePodman;
  const conflistName = basename(flagOf(argvOf(manifest.installContainer), "--conflist"));
  const socketInContainer = flagOf(argvOf(manifest.agentContainer), "--socket");
  const hostPath = (path: string) => podman.hostRoot + path;

  beforeAll(async () => {
    podman = await buildImage(work.path, manifest.volumes, manifest.configFiles);
  });

  afterAll(async () => {
    await podman?.podman(["rm", "-f", "-t", "0", "--all"]);
    await podman?.podman(["rmi", "-f", "--all"]);
    work.remove();
  });

  it("holds only the executable, the loader and the libraries ldd lists", async () => {
    const listing = (await runProcess("find", [join(work.path, "context"), "-type", "f"])).stdout;
    const files = listing
      .trim()
      .split("\n")
      .map((file) => file.slice(join(work.path, "context").length));
    expect(files).toContain("/ippool");
    expect(files.filter((file) => file !== "/ippool").every((file) => /\/(ld-linux|lib[^/]*\.so)/.test(file))).toBe(
      true,
    );
    const shell = await podman.podman(["run", "--rm", "--network", "none", "--entrypoint", "/bin/sh", podman.image]);
    expect(shell.code).not.toBe(0);
  });

  it("install puts the executable and the ConfigMap's conflist into the host's CNI dirs, then changes nothing", async () => {
    const first = await podman.runContainer(manifest.installContainer, {});
    expect(first.code, first.stderr).toBe(0);
    const installed = hostPath("/opt/cni/bin/ippool");
    expect(readFileSync(installed).equals(readFileSync(IPPOOL))).toBe(true);
    expect(statSync(installed).mode & 0o777).toBe(0o755);
    expect(readFileSync(hostPath(`/etc/cni/net.d/${conflistName}`), "utf8")).toBe(manifest.configFiles[conflistName]);
    const again = await podman.runContainer(manifest.installContainer, {});
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/ippool unchanged/);
    expect(again.stdout).toMatch(/conflist unchanged/);
  });

  it("the agent serves the plugin on the host through the hostPath socket, answers its probes and stops on SIGTERM", async () => {
    const network = JSON.parse(manifest.configFiles[conflistName] ?? "");
    const ipamPlugin = network.plugins.find((plugin: any) => plugin.ipam?.type === "ippool");
    const dataDir = hostPath(ipamPlugin.ipam.dataDir);
    const socket = hostPath(socketInContainer);
    // The test's netconf names the data dir under the temp root, so the agent gets it at that path too.
    const started = await podman.runContainer(manifest.agentContainer, {
      detach: agentName,
      extraMounts: [`${dataDir}:${dataDir}`],
    });
    expect(started.code, started.stderr).toBe(0);
    let status = await runProcess(IPPOOL, ["agent", "status", "--socket", socket]);
    for (const deadline = Date.now() + 20_000; status.code !== 0 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      status = await runProcess(IPPOOL, ["agent", "status", "--socket", socket]);
    }
    expect(status.code, status.stderr).toBe(0);
    for (const probe of [manifest.agentContainer.livenessProbe, manifest.agentContainer.readinessProbe]) {
      const answer = await podman.podman(["exec", agentName, ...(probe?.exec.command ?? [])]);
      expect(answer.code, answer.stderr).toBe(0);
    }

    const add = await runProcess(IPPOOL, [], {
      env: {
        PATH: process.env.PATH ?? "",
        CNI_COMMAND: "ADD",
        CNI_CONTAINERID: "deploy-image-1",
        CNI_NETNS: "/var/run/netns/deploy-image-1",
        CNI_IFNAME: "eth0",
        CNI_PATH: hostPath("/opt/cni/bin"),
        CNI_ARGS: "K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0",
      },
      stdin: JSON.stringify({
        ...ipamPlugin,
        name: network.name,
        cniVersion: network.cniVersion,
        ipam: { ...ipamPlugin.ipam, dataDir, agentSocket: socket },
      }),
    });
    expect(add.code, add.stderr).toBe(0);
    expect(JSON.parse(add.stdout).ips[0].address).toMatch(/^10\.22\./);
    expect((await runProcess(IPPOOL, ["agent", "status", "--socket", socket])).stdout).toMatch(/ADD ok: 1\b/);
    const allocations = await runProcess(IPPOOL, ["allocations", "--data-dir", dataDir, "-o", "json"]);
    expect(allocations.stdout).toContain("deploy-image-1");

    const stopped = await podman.podman(["stop", "-t", "20", agentName]);
    expect(stopped.code, stopped.stderr).toBe(0);
    const exit = await podman.podman(["inspect", "-f", "{{.State.ExitCode}}", agentName]);
    expect(exit.stdout.trim()).toBe("0");
    expect(existsSync(socket)).toBe(false);
  });
});
