// A private containerd (Debian's 1.6, CRI plugin) for the deploy suite: own root, state, socket and CNI dirs, run in a network namespace the suite creates.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join } from "node:path";
import { IPPOOL, runProcess } from "../helpers/ippool.js";
import { NetnsLab, netnsPath, run } from "../e2e/netns.js";
import { SYSTEM_CNI_DIR } from "../e2e/cni-runtime.js";
import type { Prerequisite } from "../e2e/prerequisites.js";
import { CriClient } from "./cri-client.js";

export const CONTAINERD_PREREQUISITES: Prerequisite[] = [
  "root",
  "program:ip",
  "program:nsenter",
  "program:tar",
  "program:containerd",
  "program:containerd-shim-runc-v2",
  "program:ctr",
  "program:runc",
  "plugin:bridge",
  "plugin:portmap",
  // busybox-static: the pause image is this one binary, so it must not need a dynamic loader.
  "file:/bin/busybox",
];

const PAUSE_IMAGE = `localhost/ippool-test-pause:${process.pid}`;
/**
 * Fixed paths whatever the config says: containerd 1.6 puts its shims' sockets under /run/containerd/s,
 * and libcni caches results in /var/lib/cni/results. We remove the ones we created once they are empty.
 */
const FIXED_DIRS = ["/run/containerd/s", "/run/containerd", "/var/lib/cni/results", "/var/lib/cni"];

export class ContainerdHost {
  readonly lab = new NetnsLab("cri");
  node = "";
  readonly socket: string;
  private process: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  private readonly fixedDirsBefore = FIXED_DIRS.filter((dir) => existsSync(dir));
  private netnsBefore: string[] = [];

  constructor(readonly root: string) {
    this.socket = join(root, "containerd.sock");
  }

  get cniConfDir(): string {
    return join(this.root, "cni-conf");
  }

  /** The namespace, the plugin dir (Debian's plugins and the ippool under test), the config, containerd and the pause image. */
  async start(conflistName: string, conflist: string): Promise<void> {
    this.netnsBefore = existsSync("/var/run/netns") ? readdirSync("/var/run/netns") : [];
    this.node = await this.lab.add("n");
    const binDir = join(this.root, "cni-bin");
    for (const dir of [binDir, this.cniConfDir, join(this.root, "opt"), join(this.root, "logs")])
      mkdirSync(dir, { recursive: true });
    for (const plugin of readdirSync(SYSTEM_CNI_DIR)) symlinkSync(join(SYSTEM_CNI_DIR, plugin), join(binDir, plugin));
    symlinkSync(IPPOOL, join(binDir, "ippool"));
    writeFileSync(join(this.cniConfDir, conflistName), conflist);
    writeFileSync(join(this.root, "config.toml"), this.config(binDir));
    await this.launch();
    await run("ctr", [
      "--address",
      this.socket,
      "-n",
      "k8s.io",
      "images",
      "import",
      "--snapshotter",
      "native",
      this.pauseImage(),
    ]);
  }

  private config(binDir: string): string {
    const cri = 'plugins."io.containerd.grpc.v1.cri"';
    return `version = 2
root = "${this.root}/root"
state = "${this.root}/state"
[grpc]
  address = "${this.socket}"
[ttrpc]
  address = "${this.socket}.ttrpc"
[plugins."io.containerd.internal.v1.opt"]
  path = "${this.root}/opt"
[${cri}]
  sandbox_image = "${PAUSE_IMAGE}"
  # The CRI plugin otherwise sets the sandbox's oom_score_adj below its own, which this VM refuses.
  restrict_oom_score_adj = true
  disable_apparmor = true
  stream_server_address = "127.0.0.1"
  stream_server_port = "0"
[${cri}.containerd]
  # Plain copies: no overlay mount can outlive the suite.
  snapshotter = "native"
[${cri}.containerd.runtimes.runc]
  runtime_type = "io.containerd.runc.v2"
[${cri}.containerd.runtimes.runc.options]
  # runc's state, by default under /run/containerd/runc.
  Root = "${this.root}/runc"
[${cri}.cni]
  bin_dir = "${binDir}"
  conf_dir = "${this.cniConfDir}"
`;
  }

  /** containerd in the node namespace only (nsenter --net): its mounts, the pods' netns files included, stay in the host's mount namespace, so a restarted containerd finds them. */
  private async launch(): Promise<void> {
    const log = openSync(join(this.root, "containerd.log"), "a");
    const child = spawn(
      "nsenter",
      [`--net=${netnsPath(this.node)}`, "containerd", "--config", join(this.root, "config.toml")],
      {
        // node's directory first: a test may install the Node bundle as the plugin, which runs under `env node`.
        env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin"}` },
        stdio: ["ignore", log, log],
      },
    );
    closeSync(log);
    this.process = child;
    this.exited = new Promise((resolve) =>
      child.once("exit", (code) => {
        if (this.process === child) this.process = undefined;
        resolve(code);
      }),
    );
    const client = new CriClient(this.socket);
    try {
      for (const deadline = Date.now() + 30_000; ; ) {
        if (child.exitCode !== null) throw new Error(`containerd exited ${child.exitCode}: ${this.log().slice(-2000)}`);
        try {
          await client.version();
          return;
        } catch (error) {
          if (Date.now() > deadline)
            throw new Error(`containerd did not answer CRI calls: ${(error as Error).message}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    } finally {
      client.close();
    }
  }

  log(): string {
    return existsSync(join(this.root, "containerd.log")) ? readFileSync(join(this.root, "containerd.log"), "utf8") : "";
  }

  /** SIGTERM and a fresh containerd on the same root and state: the pods' shims live on meanwhile. */
  async restart(): Promise<void> {
    await this.stop();
    await this.launch();
  }

  async stop(): Promise<void> {
    this.process?.kill("SIGTERM");
    await this.exited;
    this.process = undefined;
  }

  /**
   * Every pod removed through CRI (by a fresh containerd if a test left none running, so each pod
   * gets its CNI DEL), containerd stopped, the namespace and the fixed dirs we created gone.
   */
  async cleanup(): Promise<void> {
    if (this.node) {
      try {
        if (!this.process) await this.launch();
        const client = new CriClient(this.socket);
        try {
          for (const pod of await client.list()) await client.removePod(pod.id).catch(() => undefined);
        } finally {
          client.close();
        }
      } catch {
        // containerd cannot run or answer: killLeftovers below removes what it would have
      }
      await this.stop();
    }
    await this.killLeftovers();
    // A mount left by a pod containerd could not remove would keep its files busy.
    const mounts = readFileSync("/proc/self/mounts", "utf8")
      .split("\n")
      .map((line) => line.split(" ")[1] ?? "")
      .filter((target) => target.startsWith(this.root));
    for (const target of mounts.reverse()) await runProcess("umount", ["-l", target]);
    await this.lab.cleanup();
    for (const dir of FIXED_DIRS) {
      if (!this.fixedDirsBefore.includes(dir)) {
        try {
          rmdirSync(dir);
        } catch {
          // not empty (someone else's) or already gone: leave it
        }
      }
    }
  }

  /**
   * What a failed test may leave when containerd could not remove its pods: their containers (runc's
   * state is in our root), the shims started for our socket, and the pods' netns files made since start.
   */
  private async killLeftovers(): Promise<void> {
    const runcRoot = join(this.root, "runc", "k8s.io");
    if (existsSync(runcRoot))
      for (const id of readdirSync(runcRoot)) await runProcess("runc", ["--root", runcRoot, "delete", "--force", id]);
    for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
      try {
        if (readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(this.socket))
          process.kill(Number(pid), "SIGKILL");
      } catch {
        // gone meanwhile
      }
    }
    const netnsNow = existsSync("/var/run/netns") ? readdirSync("/var/run/netns") : [];
    for (const name of netnsNow.filter((name) => name.startsWith("cni-")))
      if (!this.netnsBefore.includes(name)) await runProcess("ip", ["netns", "del", name]);
  }

  /**
   * A docker-archive image that `ctr images import` reads: one layer holding busybox-static, run as
   * a sleep that outlives the suite (a sandbox's only job is to hold its namespaces).
   */
  private pauseImage(): string {
    const dir = join(this.root, "pause");
    mkdirSync(join(dir, "rootfs/bin"), { recursive: true });
    writeFileSync(join(dir, "rootfs/bin/busybox"), readFileSync("/bin/busybox"), { mode: 0o755 });
    runSync("tar", ["-C", join(dir, "rootfs"), "-cf", join(dir, "layer.tar"), "bin"]);
    const diffId = `sha256:${createHash("sha256")
      .update(readFileSync(join(dir, "layer.tar")))
      .digest("hex")}`;
    const config = JSON.stringify({
      architecture: process.arch === "x64" ? "amd64" : process.arch,
      os: "linux",
      config: { Entrypoint: ["/bin/busybox", "sleep", "86400"] },
      rootfs: { type: "layers", diff_ids: [diffId] },
    });
    const configName = `${createHash("sha256").update(config).digest("hex")}.json`;
    writeFileSync(join(dir, configName), config);
    writeFileSync(
      join(dir, "manifest.json"),
      JSON.stringify([{ Config: configName, RepoTags: [PAUSE_IMAGE], Layers: ["layer.tar"] }]),
    );
    runSync("tar", ["-C", dir, "-cf", join(dir, "image.tar"), "manifest.json", configName, "layer.tar"]);
    return join(dir, "image.tar");
  }
}

function runSync(file: string, args: readonly string[]): void {
  const { status, stderr } = spawnSync(file, args, { encoding: "utf8" });
  if (status !== 0) throw new Error(`${file} ${args.join(" ")} exited ${status}: ${stderr}`);
}
