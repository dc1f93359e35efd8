// e2e: real containers: Debian's podman (CNI backend, runc) on a network whose bridge plugin uses ippool, all config in a temp dir.
import { cpSync, existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execCli, tempDir } from "../helpers/ippool.js";
import { attachmentFile, customize, loadExample, pluginDirWithIppool, storedAttachments } from "./cni-runtime.js";
import { expectHostOfPool, inlinePoolCidrs } from "./expectations.js";
import { attempt, linkExists, NetnsLab, netnsPath, ping, run } from "./netns.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "./prerequisites.js";

const skip = skipUnlessReady("podman with ippool", [
  ...NAMESPACE_BASICS,
  "plugin:bridge",
  "program:podman",
  "program:runc",
  "program:nsenter",
  "program:chroot",
  // busybox-static: the rootfs is this one binary, so it must not need a dynamic loader.
  "file:/bin/busybox",
]);

/** libcni inside podman 4.3 caches results under this fixed path; we remove what we created. */
const LIBCNI_CACHE_DIRS = ["/var/lib/cni/results", "/var/lib/cni"];

/** `ippool allocations -o json` for the podman network, reduced to what the test compares. */
async function allocations(dataDir: string) {
  const listed = await execCli(["allocations", "-o", "json", "--network", network], { dataDir });
  expect(listed).toMatchObject({ code: 0, stderr: "" });
  return (JSON.parse(listed.stdout) as { containerId: string; ifname: string; podName?: string; addresses: { address: string }[] }[])
    .map(({ containerId, ifname, podName, addresses }) => ({ containerId, ifname, podName, addresses: addresses.map((entry) => entry.address) }))
    .sort((left, right) => left.containerId.localeCompare(right.containerId));
}

const network = loadExample("podman-bridge.conflist").name;

describe.skipIf(skip)("podman with ippool", () => {
  const lab = new NetnsLab("o");
  let bin: ReturnType<typeof pluginDirWithIppool>;
  let work: ReturnType<typeof tempDir>;
  let node = "";
  const bridge = lab.name("br").slice(0, 15);
  let env: Record<string, string> = {};
  const cacheDirsBefore = LIBCNI_CACHE_DIRS.filter((dir) => existsSync(dir));

  /**
   * podman runs inside the suite's node namespace via `nsenter --net` (network namespace only,
   * so the netns bind mounts podman makes under /run/netns stay visible to later commands): the
   * CNI plugins it execs inherit that namespace, so the bridge and ip_forward live there.
   */
  const podman = (args: readonly string[]) => run("nsenter", [`--net=${netnsPath(node)}`, "podman", ...args], { env });

  beforeAll(async () => {
    bin = pluginDirWithIppool();
    work = tempDir("ippool-e2e-podman-");
    node = await lab.add("n");
    const T = work.path;
    for (const dir of ["cni", "graph", "run", "tmp", "rootfs/bin"]) mkdirSync(join(T, dir), { recursive: true });
    const conflist = customize(loadExample("podman-bridge.conflist"), { dataDir: join(T, "ippool"), bridge });
    writeFileSync(join(T, "cni", `${network}.conflist`), JSON.stringify(conflist, null, 2));
    writeFileSync(
      join(T, "containers.conf"),
      [
        "[containers]",
        // podman as root asks runc for RLIMIT_NOFILE=1048576 and RLIMIT_NPROC=4194304; without
        // CAP_SYS_RESOURCE (hard limits nofile 20000, nproc 32768 here) runc fails with "error
        // setting rlimit type 7 / 6: operation not permitted".
        'default_ulimits = ["nofile=1024:1024", "nproc=1024:1024"]',
        "[engine]",
        // crun is not packaged for bookworm's podman here; Debian's runc works.
        'runtime = "runc"',
        // No systemd (PID 1 is not systemd): cgroupfs, and events to a file instead of journald.
        'cgroup_manager = "cgroupfs"',
        'events_logger = "file"',
        `events_logfile_path = "${T}/events.log"`,
        `tmp_dir = "${T}/tmp"`,
        `volume_path = "${T}/graph/volumes"`,
        "[network]",
        'network_backend = "cni"',
        // First match wins: ippool from the build, everything else from Debian's plugins.
        `cni_plugin_dirs = [${bin.dirs.map((dir) => JSON.stringify(dir)).join(", ")}]`,
        // Only our conflist is visible (Debian's /etc/cni/net.d/87-podman-bridge.conflist is not read).
        `network_config_dir = "${T}/cni"`,
        // Safety net: a run that lost its --network flag still lands on our network, not "podman".
        `default_network = "${network}"`,
      ].join("\n") + "\n",
    );
    // vfs: no overlay mounts that could outlive the test; --rootfs uses no image layers anyway.
    writeFileSync(join(T, "storage.conf"), `[storage]\ndriver = "vfs"\ngraphroot = "${T}/graph"\nrunroot = "${T}/run"\n`);
    env = { CONTAINERS_CONF: join(T, "containers.conf"), CONTAINERS_STORAGE_CONF: join(T, "storage.conf") };
    // The rootfs is busybox-static and its applet links: no image pull, no registry.
    cpSync("/bin/busybox", join(T, "rootfs/bin/busybox"));
    await run("chroot", [join(T, "rootfs"), "/bin/busybox", "--install", "-s", "/bin"]);
  });

  afterAll(async () => {
    // -t 0: /bin/sleep as PID 1 ignores SIGTERM, so rm would wait 10 s per container.
    if (node) await attempt("nsenter", [`--net=${netnsPath(node)}`, "env", ...Object.entries(env).map(([k, v]) => `${k}=${v}`), "podman", "rm", "-f", "-t", "0", "--all"]);
    await lab.cleanup();
    for (const dir of LIBCNI_CACHE_DIRS) {
      if (!cacheDirsBefore.includes(dir)) {
        try {
          rmdirSync(dir);
        } catch {
          // not empty (someone else's results) or already gone: leave it
        }
      }
    }
    bin?.remove();
    work?.remove();
  });

  it("starts two --rootfs containers with pool addresses that reach each other, and podman rm releases them", async () => {
    const T = work.path;
    const dataDir = join(T, "ippool");
    const [pool] = inlinePoolCidrs(JSON.parse(readFileSync(join(T, "cni", `${network}.conflist`), "utf8"))) as [string];
    const ids: string[] = [];
    for (const name of ["ca", "cb"]) {
      // --rootfs is a boolean flag and the rootfs dir the first positional: every option must come
      // before it, or podman takes the rest as the container's command.
      const id = (await podman(["run", "-d", "--name", name, "--network", network, "--rootfs", join(T, "rootfs"), "/bin/sleep", "300"])).trim();
      ids.push(id);
    }
    const inspect = async (id: string, format: string) => (await podman(["inspect", "-f", format, id])).trim();
    const addresses: string[] = [];
    const sandboxes: string[] = [];
    for (const id of ids) {
      const address = await inspect(id, `{{(index .NetworkSettings.Networks "${network}").IPAddress}}`);
      expectHostOfPool(address, pool);
      // The store holds the attachment under podman's container id and interface.
      expect(existsSync(attachmentFile(dataDir, network, id, "eth0"))).toBe(true);
      addresses.push(address);
      // podman's netns bind mount lives in /run/netns, so ip netns exec can enter it.
      sandboxes.push((await inspect(id, "{{.NetworkSettings.SandboxKey}}")).replace(/^\/(var\/)?run\/netns\//, ""));
    }
    expect(addresses[0]).not.toBe(addresses[1]);
    // The bridge podman's plugins made is in the node namespace, not on the machine's own network.
    expect(await linkExists(node, bridge)).toBe(true);
    expect((await attempt("ip", ["link", "show", "dev", bridge])).code).not.toBe(0);
    // What an operator sees: both containers under podman's ids, with the pod name podman passed in CNI_ARGS.
    expect(await allocations(dataDir)).toEqual([
      { containerId: ids[0], ifname: "eth0", podName: "ca", addresses: [addresses[0]] },
      { containerId: ids[1], ifname: "eth0", podName: "cb", addresses: [addresses[1]] },
    ].sort((left, right) => left.containerId!.localeCompare(right.containerId!)));
    expect(await ping(sandboxes[0]!, addresses[1]!)).toBe(true);
    expect(await ping(sandboxes[1]!, addresses[0]!)).toBe(true);
    // The same from inside the container, with the container's own busybox ping.
    await podman(["exec", "ca", "ping", "-c", "1", "-w", "5", addresses[1]!]);

    await podman(["rm", "-f", "-t", "0", ...ids]);
    expect(storedAttachments(dataDir, network)).toEqual([]);
    expect(await allocations(dataDir)).toEqual([]);
  });
});
