// A private podman for the e2e suites: Debian's podman (CNI backend, runc) with all its config and state in a temp dir, run inside a node namespace.
import { cpSync, existsSync, mkdirSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { tempDir } from "../helpers/ippool.js";
import { pluginDirWithIppool, type Conflist } from "./cni-runtime.js";
import { attempt, NetnsLab, netnsPath, run } from "./netns.js";
import type { Prerequisite } from "./prerequisites.js";

export const PODMAN_PREREQUISITES: Prerequisite[] = [
  "plugin:bridge",
  "program:podman",
  "program:runc",
  "program:nsenter",
  "program:chroot",
  // busybox-static: the rootfs is this one binary, so it must not need a dynamic loader.
  "file:/bin/busybox",
];

/** libcni inside podman 4.3 caches results under this fixed path; we remove what we created. */
const LIBCNI_CACHE_DIRS = ["/var/lib/cni/results", "/var/lib/cni"];

export interface PodmanHost {
  readonly lab: NetnsLab;
  readonly bridge: string;
  /** The node namespace; set in beforeAll. */
  node: string;
  /** The temp dir holding podman's config and state, ippool's data dir and the rootfs; set in beforeAll. */
  root: string;
  /** The conflist podman uses, as written; set in beforeAll. */
  conflist: Conflist;
  /** Runs podman with the private config, in the node namespace; throws when it fails. */
  podman(args: readonly string[]): Promise<string>;
}

/**
 * Registers the set-up and a clean-up that removes every container, the namespaces and the temp
 * dir even when a test failed. `network` builds the one CNI network from ippool's data dir and the
 * bridge name; `prepareNode` runs once the node namespace exists, before any container starts.
 */
export function usePodmanHost(
  tag: string,
  options: {
    network: (overrides: { dataDir: string; bridge: string }) => Conflist;
    prepareNode?: (node: string) => Promise<void>;
  },
): PodmanHost {
  const lab = new NetnsLab(tag);
  let bin: ReturnType<typeof pluginDirWithIppool> | undefined;
  let work: ReturnType<typeof tempDir> | undefined;
  let env: Record<string, string> = {};
  const cacheDirsBefore = LIBCNI_CACHE_DIRS.filter((dir) => existsSync(dir));
  const host = {
    lab,
    bridge: lab.name("br").slice(0, 15),
    node: "",
    /**
     * podman runs inside the suite's node namespace via `nsenter --net` (network namespace only,
     * so the netns bind mounts podman makes under /run/netns stay visible to later commands): the
     * CNI plugins it execs inherit that namespace, so the bridge and ip_forward live there.
     */
    podman: (args: readonly string[]) => run("nsenter", [`--net=${netnsPath(host.node)}`, "podman", ...args], { env }),
  } as PodmanHost;

  beforeAll(async () => {
    bin = pluginDirWithIppool();
    work = tempDir(`ippool-e2e-podman${tag}-`);
    host.root = work.path;
    host.node = await lab.add("n");
    await options.prepareNode?.(host.node);
    const T = work.path;
    for (const dir of ["cni", "graph", "run", "tmp", "rootfs/bin"]) mkdirSync(join(T, dir), { recursive: true });
    host.conflist = options.network({ dataDir: join(T, "ippool"), bridge: host.bridge });
    const network = host.conflist.name;
    writeFileSync(join(T, "cni", `${network}.conflist`), JSON.stringify(host.conflist, null, 2));
    writePodmanConfig(T, [
      "[network]",
      'network_backend = "cni"',
      // First match wins: ippool from the build, everything else from Debian's plugins.
      `cni_plugin_dirs = [${bin.dirs.map((dir) => JSON.stringify(dir)).join(", ")}]`,
      // Only our conflist is visible (Debian's /etc/cni/net.d/87-podman-bridge.conflist is not read).
      `network_config_dir = "${T}/cni"`,
      // Safety net: a run that lost its --network flag still lands on our network, not "podman".
      `default_network = "${network}"`,
    ]);
    env = { CONTAINERS_CONF: join(T, "containers.conf"), CONTAINERS_STORAGE_CONF: join(T, "storage.conf") };
    // The rootfs is busybox-static and its applet links: no image pull, no registry.
    cpSync("/bin/busybox", join(T, "rootfs/bin/busybox"));
    await run("chroot", [join(T, "rootfs"), "/bin/busybox", "--install", "-s", "/bin"]);
  });

  afterAll(async () => {
    // -t 0: /bin/sleep as PID 1 ignores SIGTERM, so rm would wait 10 s per container.
    if (host.node)
      await attempt("nsenter", [
        `--net=${netnsPath(host.node)}`,
        "env",
        ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
        "podman",
        "rm",
        "-f",
        "-t",
        "0",
        "--all",
      ]);
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
  return host;
}

/** The rootfs every container runs: busybox and its applets. */
/**
 * containers.conf and storage.conf for a podman whose config and storage all live in `root`
 * (graph/, run/, tmp/), with `extra` lines appended to containers.conf.
 */
export function writePodmanConfig(root: string, extra: readonly string[]): void {
  writeFileSync(
    join(root, "containers.conf"),
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
      `events_logfile_path = "${root}/events.log"`,
      `tmp_dir = "${root}/tmp"`,
      `volume_path = "${root}/graph/volumes"`,
      ...extra,
    ].join("\n") + "\n",
  );
  // vfs: no overlay mounts that could outlive the test.
  writeFileSync(
    join(root, "storage.conf"),
    `[storage]\ndriver = "vfs"\ngraphroot = "${root}/graph"\nrunroot = "${root}/run"\n`,
  );
}

export const rootfsOf = (host: PodmanHost): string => join(host.root, "rootfs");

/**
 * Starts a detached container on the host's network. --rootfs is a boolean flag and the rootfs dir
 * the first positional: every option must come before it, or podman takes the rest as the command.
 */
export async function runContainer(host: PodmanHost, name: string): Promise<string> {
  return (
    await host.podman([
      "run",
      "-d",
      "--name",
      name,
      "--network",
      host.conflist.name,
      "--rootfs",
      rootfsOf(host),
      "/bin/sleep",
      "300",
    ])
  ).trim();
}

export const inspect = async (host: PodmanHost, id: string, format: string): Promise<string> =>
  (await host.podman(["inspect", "-f", format, id])).trim();

/** The container's address on the host's network, as podman reports it. */
export const containerAddress = (host: PodmanHost, id: string): Promise<string> =>
  inspect(host, id, `{{(index .NetworkSettings.Networks "${host.conflist.name}").IPAddress}}`);

/** The name of the container's network namespace: podman's bind mount lives in /run/netns, so ip netns exec can enter it. */
export const containerNetns = async (host: PodmanHost, id: string): Promise<string> =>
  (await inspect(host, id, "{{.NetworkSettings.SandboxKey}}")).replace(/^\/(var\/)?run\/netns\//, "");
