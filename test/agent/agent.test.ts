// The node agent as a user meets it: the plugin's calls through it, its socket's life, and what
// happens to callers when it is killed, paused or stopped in the middle of a burst.
import { spawnSync } from "node:child_process";
import { existsSync, lstatSync, statSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { execPlugin, runProcess, IPPOOL } from "../helpers/ippool.js";
import { startAgent, type TestAgent } from "../helpers/agent.js";
import { VERSIONS, useDataDir } from "../integration/support.js";
import { STRESS_SCALE, expectVerifyPasses } from "../robustness/support.js";
import { NO_AGENT, callVia, explain, expectDistinctSuccesses, expectStoreHolds, poolConf } from "./support.js";

/** ADDs in flight when the agent is killed, at CI size; IPPOOL_STRESS_SCALE=N runs N times as many. */
const KILL_BURST = 120 * STRESS_SCALE;
const dir = useDataDir();
const agents: TestAgent[] = [];
afterEach(async () => {
  for (const agent of agents.splice(0)) if (agent.process.exitCode === null) await agent.stop();
});
const agentOn = async (options: Parameters<typeof startAgent>[0] = {}) => {
  const agent = await startAgent(options);
  agents.push(agent);
  return agent;
};

const status = (socket: string) => runProcess(IPPOOL, ["agent", "status", "--socket", socket]);
const answeredCount = async (socket: string): Promise<number> =>
  [...(await status(socket)).stdout.matchAll(/: (\d+)/g)].reduce((sum, match) => sum + Number(match[1]), 0);

/** One raw request line (or bytes) on the socket; the agent's reply line. */
function rawRequest(socket: string, payload: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const connection = createConnection(socket);
    let reply = "";
    connection.on("connect", () => connection.end(payload));
    connection.on("data", (chunk: Buffer) => (reply += chunk.toString()));
    connection.on("close", () => resolve(reply));
    connection.on("error", reject);
  });
}

describe("ippool agent", () => {
  it("answers every verb of every cniVersion with the stdout, stderr and exit code of the in-process path", async () => {
    const agent = await agentOn();
    const outcomes = async (socket: string, dataDir: string) => {
      const seen: string[] = [];
      for (const version of VERSIONS) {
        const conf = poolConf(dataDir, "10.61.0.0/24", version);
        for (const verb of ["VERSION", "ADD", "ADD", "CHECK", "STATUS", "GC", "DEL", "DEL"]) {
          const result = await callVia(socket, verb, conf, `ctr-${version}`);
          seen.push(`${version} ${verb} ${result.code} ${result.stdout} ${result.stderr}`);
        }
      }
      // Errors too: not JSON, and a config the schema refuses.
      for (const conf of ["{not json", JSON.stringify({ cniVersion: "1.0.0", name: "n", type: "ippool", ipam: 7 })]) {
        const result = await execPlugin({ command: "ADD", env: { IPPOOL_AGENT_SOCKET: socket } }, conf);
        seen.push(`${result.code} ${result.stdout} ${result.stderr}`);
      }
      return seen;
    };
    // Two stores, so each run starts from an empty pool; their paths are the one difference in the texts.
    const run = async (socket: string, dataDir: string) =>
      (await outcomes(socket, dataDir)).map((line) => line.replaceAll(dataDir, "DATA_DIR"));
    const before = await answeredCount(agent.socket);
    const viaAgent = await run(agent.socket, join(dir.path, "via-agent"));
    expect(await answeredCount(agent.socket)).toBe(before + viaAgent.length);
    const inProcess = await run(NO_AGENT, join(dir.path, "in-process"));
    expect(viaAgent).toEqual(inProcess);
  });

  it("makes its socket 0600 in a directory it made 0700, and refuses a peer that is not root", async () => {
    const agent = await agentOn();
    expect(statSync(dirname(agent.socket)).mode & 0o777).toBe(0o700);
    expect(lstatSync(agent.socket).mode & 0o777).toBe(0o600);
    // As nobody the connection is refused by the file's mode, so the plugin would work in-process.
    const probe = `require("node:net").createConnection(${JSON.stringify(agent.socket)}).on("error", (e) => { console.log(e.code); process.exit(0); }).on("connect", () => { console.log("connected"); process.exit(0); })`;
    const asNobody = spawnSync(
      "setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, "-e", probe],
      {
        encoding: "utf8",
      },
    );
    expect(asNobody.stdout.trim(), asNobody.stderr).toBe("EACCES");
  });

  it("starts over a socket file a killed agent left, and refuses to start over a live one", async () => {
    const first = await agentOn();
    await first.kill();
    expect(lstatSync(first.socket).isSocket()).toBe(true);
    const second = await agentOn({ socket: first.socket });
    const third = await runProcess(IPPOOL, ["agent", "--socket", first.socket], {
      env: { PATH: process.env.PATH ?? "" },
    });
    expect(third.code).toBe(1);
    expect(third.stderr).toContain(`another agent serves on ${first.socket}`);
    expect((await status(second.socket)).code).toBe(0);
    const added = await callVia(second.socket, "ADD", poolConf(dir.path), "ctr-after-restart");
    expect(added.code, added.stderr).toBe(0);
    expect(await answeredCount(second.socket)).toBe(1);
    // A file that is no socket is never removed.
    const plain = join(dir.path, "not-a-socket");
    writeFileSync(plain, "keep me");
    const refused = await runProcess(IPPOOL, ["agent", "--socket", plain], { env: { PATH: process.env.PATH ?? "" } });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("exists and is not a socket");
    expect(existsSync(plain)).toBe(true);
  });

  it("refuses another protocol version, garbage and an oversized request with a clear reply, and keeps serving", async () => {
    const agent = await agentOn();
    expect(JSON.parse(await rawRequest(agent.socket, `${JSON.stringify({ v: 99, health: true })}\n`))).toEqual({
      v: 1,
      refused: "protocol version 99 is not served; this agent speaks version 1",
    });
    expect(JSON.parse(await rawRequest(agent.socket, "garbage\n")).refused).toBe("the request is not JSON");
    expect(JSON.parse(await rawRequest(agent.socket, '{"v":1,"call":{"env":3}}\n')).refused).toContain(
      "neither a call nor a health check",
    );
    expect(JSON.parse(await rawRequest(agent.socket, Buffer.alloc(9 * 1024 * 1024, 0x61))).refused).toBe(
      "the request is larger than 8 MiB",
    );
    const added = await callVia(agent.socket, "ADD", poolConf(dir.path), "ctr-after-garbage");
    expect(added.code, added.stderr).toBe(0);
    expect(await answeredCount(agent.socket)).toBe(1);
  });

  it("on SIGTERM with calls in flight answers each, removes its socket and exits 0", async () => {
    const agent = await agentOn();
    const conf = poolConf(dir.path);
    const ids = Array.from({ length: 40 }, (_, index) => `term-${index}`);
    const calls = ids.map((id) => callVia(agent.socket, "ADD", conf, id));
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(await agent.stop()).toBe(0);
    expect(existsSync(agent.socket)).toBe(false);
    const results = await Promise.all(calls);
    expectDistinctSuccesses(results);
    await expectStoreHolds(dir.path, new Map(ids.map((id, index) => [id, results[index]!])));
    await expectVerifyPasses(dir.path);
  });

  it(`SIGKILLed in the middle of ${KILL_BURST} ADDs at once and restarted: every call exits 0, no address twice, each in the store`, async () => {
    const agent = await agentOn();
    const conf = poolConf(dir.path);
    const ids = Array.from({ length: KILL_BURST }, (_, index) => `kill-${index}`);
    const calls = ids.map((id) => callVia(agent.socket, "ADD", conf, id));
    await new Promise((resolve) => setTimeout(resolve, 300));
    await agent.kill();
    await agentOn({ socket: agent.socket });
    const results = await Promise.all(calls);
    expectDistinctSuccesses(results);
    await expectStoreHolds(dir.path, new Map(ids.map((id, index) => [id, results[index]!])));
    await expectVerifyPasses(dir.path);
  });

  it("SIGSTOPped for longer than the plugin's wait: callers finish in-process, and its late commits hand out nothing twice", async () => {
    const agent = await agentOn();
    const conf = poolConf(dir.path);
    const ids = Array.from({ length: 60 }, (_, index) => `stop-${index}`);
    const calls = ids.map((id) => callVia(agent.socket, "ADD", conf, id, { IPPOOL_AGENT_TIMEOUT: "2" }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    agent.process.kill("SIGSTOP");
    const results = await Promise.all(calls);
    agent.process.kill("SIGCONT");
    // On disk a paused agent that holds the store lock stalls every writer, as a paused plugin
    // does: those callers give up with code 11 after the lock wait, having been handed nothing.
    const succeeded = results.filter((result) => result.code === 0);
    expect(results.filter((result) => result.code !== 0 && result.json?.code !== 11).map(explain)).toEqual([]);
    expectDistinctSuccesses(succeeded);
    // Whatever the agent still had in hand commits now: the same attachments, never another address.
    expect(await agent.stop()).toBe(0);
    await expectStoreHolds(
      dir.path,
      new Map(ids.flatMap((id, index) => (results[index]!.code === 0 ? [[id, results[index]!] as const] : []))),
    );
    await expectVerifyPasses(dir.path);
  });
});
