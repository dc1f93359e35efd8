// The agent, in-process plugin calls and the CLI acting on one store at once (disk, and etcd in the etcd pass).
import { afterEach, describe, expect, it } from "vitest";
import { execCli } from "../helpers/ippool.js";
import { startAgent, type TestAgent } from "../helpers/agent.js";
import { useDataDir } from "../integration/support.js";
import { expectVerifyPasses } from "../robustness/support.js";
import { NO_AGENT, callVia, expectDistinctSuccesses, expectStoreHolds, heldByContainer, poolConf } from "./support.js";

const dir = useDataDir();
let agent: TestAgent | undefined;
afterEach(async () => {
  await agent?.stop();
  agent = undefined;
});

describe("ippool agent beside in-process callers and the CLI", () => {
  it("shares one store with in-process callers and the CLI at once: no duplicate, the store holds what each was told", async () => {
    agent = await startAgent();
    const socket = agent.socket;
    const conf = poolConf(dir.path);
    const viaAgent = Array.from({ length: 60 }, (_, index) => `agent-${index}`);
    const inProcess = Array.from({ length: 30 }, (_, index) => `local-${index}`);
    const released = Array.from({ length: 10 }, (_, index) => `released-${index}`);
    for (const id of released) expect((await callVia(NO_AGENT, "ADD", conf, id)).code).toBe(0);
    const calls = [
      ...viaAgent.map((id) => callVia(socket, "ADD", conf, id)),
      ...inProcess.map((id) => callVia(NO_AGENT, "ADD", conf, id)),
    ];
    const cli = released.map((id) =>
      execCli(["release", "--container", id, "--network", "testnet", "--yes"], { dataDir: dir.path }),
    );
    const results = await Promise.all(calls);
    for (const result of await Promise.all(cli)) expect(result.code, result.stderr).toBe(0);
    expectDistinctSuccesses(results);
    const told = new Map([...viaAgent, ...inProcess].map((id, index) => [id, results[index]!]));
    await expectStoreHolds(dir.path, told);
    expect([...(await heldByContainer(dir.path)).keys()].filter((id) => id.startsWith("released-"))).toEqual([]);
    await expectVerifyPasses(dir.path);
  });
});
