// deploy/ippool-agent.service: systemd accepts it, and its ExecStart, run as systemd would, serves calls and metrics and stops cleanly on its KillSignal.
import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { IPPOOL, REPO_ROOT, runProcess, tempDir } from "../helpers/ippool.js";
import { NetnsLab } from "../e2e/netns.js";
import { skipUnlessReady } from "../e2e/prerequisites.js";

const UNIT_FILE = join(REPO_ROOT, "deploy/ippool-agent.service");
const unit = readFileSync(UNIT_FILE, "utf8");
const setting = (key: string): string => new RegExp(`^${key}=(.*)$`, "m").exec(unit)?.[1] ?? "";
const execStart = setting("ExecStart").split(/\s+/);
const skip = skipUnlessReady("systemd unit", ["root", "program:ip", "program:systemd-analyze", "file:/bin/busybox"]);

describe.skipIf(skip)("deploy/ippool-agent.service", () => {
  const work = tempDir("ippool-deploy-unit-");
  const lab = new NetnsLab("unit");

  afterAll(async () => {
    await lab.cleanup();
    work.remove();
  });

  it("runs the executable where ippool install puts it, and systemd-analyze finds nothing wrong", async () => {
    expect(execStart[0]).toBe("/opt/cni/bin/ippool");
    expect(setting("KillSignal")).toBe("SIGTERM");
    // The same unit with the artifact under test in place of the installed one, which this host may not have.
    const copy = join(work.path, "ippool-agent.service");
    writeFileSync(copy, unit.replace(execStart[0] ?? "", IPPOOL));
    const verified = await runProcess("systemd-analyze", ["verify", copy], { env: { PATH: process.env.PATH ?? "" } });
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stderr).toBe("");
  });

  it("ExecStart serves the plugin's socket and metrics, and exits 0 on SIGTERM with its socket removed", async () => {
    // A namespace of its own: --dataplane acts on the network it runs in, and the metrics port is its loopback's.
    const node = await lab.add("n");
    const socket = join(work.path, "agent.sock");
    const argv = execStart.slice(1).map((arg, index, all) => (all[index - 1] === "--socket" ? socket : arg));
    const agent = spawn("ip", ["netns", "exec", node, IPPOOL, ...argv], {
      env: { PATH: process.env.PATH ?? "", IPPOOL_DATA_DIR: join(work.path, "data") },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let log = "";
    agent.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => agent.once("exit", (code) => resolve(code)));
    for (const deadline = Date.now() + 20_000; !log.includes("serving CNI calls") && Date.now() < deadline; )
      await new Promise((resolve) => setTimeout(resolve, 50));
    const status = await runProcess(IPPOOL, ["agent", "status", "--socket", socket]);
    expect(status.code, log).toBe(0);
    const address = argv[argv.indexOf("--metrics-address") + 1];
    const metrics = await runProcess("ip", [
      "netns",
      "exec",
      node,
      "/bin/busybox",
      "wget",
      "-qO-",
      `http://${address}/metrics`,
    ]);
    expect(metrics.stdout).toContain("ippool_agent_calls_total");
    agent.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(socket)).toBe(false);
  });
});
