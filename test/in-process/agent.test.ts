// The node agent in-process: its server, the plugin's forwarding client (node:net here), health,
// metrics, its queue bound and the CLI's `agent` command, on real sockets and a real disk store.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createConnection, createServer } from "node:net";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startAgent, type AgentOptions, type RunningAgent } from "../../src/agent/agent.js";
import { forwardToAgent } from "../../src/agent/forward.js";
import { agentHealth } from "../../src/agent/health.js";
import { agentSocketOf, DEFAULT_AGENT_SOCKET } from "../../src/agent/protocol.js";
import { runCli } from "../../src/cli/framework/run-cli.js";
import { ownIdentity } from "../../src/store/disk/process-identity.js";

let root = "";
let agent: RunningAgent | undefined;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "ippool-agent-in-process-"));
});
afterEach(async () => {
  await agent?.stop();
  agent = undefined;
  rmSync(root, { recursive: true, force: true });
});

const socketPath = () => join(root, "run", "agent.sock");
const options = (overrides: Partial<AgentOptions> = {}): AgentOptions => ({
  socketPath: socketPath(),
  queueLimit: 16,
  version: "test",
  now: () => new Date(),
  log: () => undefined,
  ...overrides,
});
const conf = (ipam: Record<string, unknown> = {}) =>
  Buffer.from(
    JSON.stringify({
      cniVersion: "1.0.0",
      name: "agentnet",
      type: "bridge",
      ipam: {
        type: "ippool",
        dataDir: join(root, "data"),
        ipPools: [{ apiVersion: "v1", kind: "ipPool", metadata: { cidr: "10.62.0.0/24" } }],
        ...ipam,
      },
    }),
  );
const env = (command: string, containerId = "ctr-1") => ({
  CNI_COMMAND: command,
  CNI_CONTAINERID: containerId,
  CNI_NETNS: "/var/run/netns/x",
  CNI_IFNAME: "eth0",
  CNI_PATH: "/opt/cni/bin",
  NODENAME: "node-a",
});

describe("the agent in-process", () => {
  it("answers forwarded calls, says how it is in health and metrics, and stops cleanly", async () => {
    agent = await startAgent(options({ metricsAddress: { host: "127.0.0.1", port: 0 } }));
    const added = await forwardToAgent(socketPath(), env("ADD"), conf(), 5_000);
    expect(added).toEqual({
      stdout: '{"cniVersion":"1.0.0","ips":[{"address":"10.62.0.2/24","gateway":"10.62.0.1"}]}\n',
      exitCode: 0,
      warnings: [],
    });
    const refused = await forwardToAgent(socketPath(), env("ADD"), Buffer.from("{not json"), 5_000);
    expect(refused?.exitCode).toBe(1);
    expect(JSON.parse(refused!.stdout)).toMatchObject({ code: 6 });
    expect(await agentHealth(socketPath(), 5_000)).toMatchObject({
      serving: true,
      inFlight: 0,
      queueLimit: 16,
      calls: { "ADD ok": 1, "ADD error": 1 },
    });
    const metrics = await (await fetch(agent.metricsUrl!)).text();
    expect(metrics).toContain('ippool_agent_calls_total{verb="ADD",outcome="ok"} 1');
    expect(metrics).toContain('ippool_agent_calls_total{verb="ADD",outcome="error"} 1');
    expect(metrics).toMatch(/ippool_pool_addresses\{store="[^"]+",pool="10\.62\.0\.0\/24",state="in_use"\} 1/);
    expect(metrics).toContain("ippool_agent_batch_size_count 1");
    expect(metrics).toContain("ippool_agent_queue_depth 0");
    expect((await fetch(agent.metricsUrl!.replace("/metrics", "/other"))).status).toBe(404);
    await agent.stop();
    agent = undefined;
    expect(existsSync(socketPath())).toBe(false);
    expect(await agentHealth(socketPath(), 1_000)).toBeUndefined();
    expect(await forwardToAgent(socketPath(), env("DEL"), conf(), 1_000)).toBeUndefined();
  });

  it("forwards through Bun.connect where it runs (the standalone executable), a large request in parts", async () => {
    agent = await startAgent(options());
    // Bun's socket API over node:net: a write takes at most 64 KiB and asks for a drain, as a full
    // socket buffer does under bun, so the client's partial-write path runs here too.
    const bun = {
      connect(connect: { unix: string; socket: Record<string, (...args: unknown[]) => void> }) {
        const handlers = connect.socket;
        return new Promise((resolve, reject) => {
          const inner = createConnection(connect.unix);
          const socket = {
            write: (data: Uint8Array) => {
              const part = data.subarray(0, 64 * 1024);
              inner.write(part);
              if (part.length < data.length) setImmediate(() => handlers.drain!(socket));
              return part.length;
            },
            end: () => inner.end(),
          };
          inner.once("connect", () => {
            handlers.open!(socket);
            resolve(socket);
          });
          inner.on("data", (chunk: Buffer) => handlers.data!(socket, new Uint8Array(chunk)));
          inner.on("close", () => handlers.close!());
          inner.once("error", (error) => {
            handlers.connectError!(socket, error);
            reject(error);
          });
        });
      },
    };
    const runtime = globalThis as { Bun?: unknown };
    runtime.Bun = bun;
    try {
      const padded = Buffer.concat([conf(), Buffer.from(" ".repeat(512 * 1024))]);
      const added = await forwardToAgent(socketPath(), env("ADD"), padded, 5_000);
      expect(added).toMatchObject({ exitCode: 0, warnings: [] });
      expect(JSON.parse(added!.stdout).ips[0].address).toBe("10.62.0.2/24");
      expect(await forwardToAgent(join(root, "nothing.sock"), env("ADD"), conf(), 5_000)).toBeUndefined();
    } finally {
      delete runtime.Bun;
    }
  });

  it("does without an agent that does not answer in time", async () => {
    const silent = createServer(() => undefined);
    mkdirSync(join(root, "run"), { recursive: true });
    await new Promise<void>((resolve) => silent.listen(socketPath(), resolve));
    try {
      expect(await forwardToAgent(socketPath(), env("ADD"), conf(), 300)).toBeUndefined();
    } finally {
      silent.close();
    }
  });

  it("answers busy beyond its queue bound, and the plugin then works in-process", async () => {
    // The store's lock held by a live owner (this process): the first call waits its lock wait out.
    const dataDir = join(root, "data");
    mkdirSync(join(dataDir, "store.lock"), { recursive: true });
    writeFileSync(join(dataDir, "store.lock", "owner.json"), JSON.stringify(ownIdentity()));
    agent = await startAgent(options({ queueLimit: 1 }));
    const waiting = forwardToAgent(socketPath(), env("ADD"), conf({ lockWaitSeconds: 1 }), 5_000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await forwardToAgent(socketPath(), env("ADD", "ctr-2"), conf(), 5_000)).toBeUndefined();
    expect(JSON.parse((await waiting)!.stdout)).toMatchObject({ code: 11 });
  });

  it("refuses to start over a live agent's socket, and over a file that is no socket", async () => {
    agent = await startAgent(options());
    await expect(startAgent(options())).rejects.toThrow(`another agent serves on ${socketPath()}`);
    expect((await agentHealth(socketPath(), 5_000))?.serving).toBe(true);
    writeFileSync(join(root, "plain"), "");
    await expect(startAgent(options({ socketPath: join(root, "plain") }))).rejects.toThrow("is not a socket");
  });

  it("finds its socket in the netconf, else IPPOOL_AGENT_SOCKET, else the default", () => {
    const withSocket = JSON.stringify({ ipam: { agentSocket: "/run/x.sock" } });
    expect(agentSocketOf(withSocket, { IPPOOL_AGENT_SOCKET: "/run/y.sock" })).toBe("/run/x.sock");
    expect(agentSocketOf("{}", { IPPOOL_AGENT_SOCKET: "/run/y.sock" })).toBe("/run/y.sock");
    expect(agentSocketOf("{not json", {})).toBe(DEFAULT_AGENT_SOCKET);
  });
});

describe("ippool agent (the CLI command)", () => {
  const cli = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli({
      argv,
      env: { PATH: process.env.PATH ?? "" },
      readStdin: async () => "",
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      now: () => new Date(),
    });
    return { code, stdout: out.join(""), stderr: err.join("") };
  };

  it("serves until SIGTERM, then exits 0; status says it serves, and exit 1 once nothing answers", async () => {
    const serving = cli(["agent", "--socket", socketPath(), "--data-dir", join(root, "data")]);
    while (!existsSync(socketPath())) await new Promise((resolve) => setTimeout(resolve, 20));
    const status = await cli(["agent", "status", "--socket", socketPath()]);
    expect(status.code).toBe(0);
    expect(status.stdout).toMatch(/^serving on .* since .* \(pid \d+, ippool .*\)\nin flight: 0 of at most 1024\n/);
    process.emit("SIGTERM");
    const done = await serving;
    expect(done.code).toBe(0);
    expect(done.stderr).toContain("stopped: every accepted call was answered and the socket removed");
    const gone = await cli(["agent", "status", "--socket", socketPath()]);
    expect(gone).toMatchObject({
      code: 1,
      stderr: `ippool: no agent answers on ${socketPath()}; the plugin works in-process meanwhile\n`,
    });
  });

  it.each([
    [["agent", "restart"], "unknown subcommand 'restart'"],
    [["agent", "--interval", "5"], "--interval goes with --dataplane"],
    [["agent", "status", "--dataplane"], "--dataplane goes with 'ippool agent', not 'agent status'"],
    [["agent", "--socket", "relative.sock"], "--socket must be an absolute path"],
    [["agent", "--metrics-address", "nowhere"], "--metrics-address must be HOST:PORT"],
    [["agent", "--queue-limit", "0"], "--queue-limit must be a whole number from 1"],
  ])("refuses %j as a usage error", async (argv, message) => {
    const run = await cli([...argv, "--data-dir", join(root, "data")]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
