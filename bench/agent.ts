// The node agent's rows of `npm run bench`: the standalone executable forwarding to an agent beside
// the compiled floor (single calls, peak RSS, a burst of each), and the agent's own memory over
// many calls.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { createConnection } from "node:net";
import { join } from "node:path";
import { burst, peakRss, verbLatency, type BurstFigures } from "./scenarios.js";
import type { Subject } from "./subjects.js";
import { median } from "./process.js";
import { ratioCheck, row, type BudgetCheck, type Row } from "./report.js";
import { etcdSubject } from "./etcd.js";
import { ETCD_BINARY, startEtcd } from "../test/helpers/etcd.js";

/** The agent's RSS after this many calls, and its growth over as many again. */
const CALLS_FOR_MEMORY = Number(process.env.BENCH_AGENT_CALLS ?? 10_000);
/** Calls sent at once while the memory is measured. */
const MEMORY_CONCURRENCY = 16;

interface AgentBenchOptions {
  readonly standalone: Subject;
  readonly floor: Subject;
  readonly root: string;
  readonly runs: number;
  readonly warmup: number;
  readonly burstSize: number;
  readonly log: (text: string) => void;
}

async function startAgentProcess(binary: string, socket: string): Promise<ChildProcess> {
  const child = spawn(binary, ["agent", "--socket", socket], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 20_000;
  while (!stderr.includes("serving CNI calls")) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the agent did not start: ${stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return child;
}

const rssMiB = (pid: number): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? Number.NaN) / 1024;

/** One call straight on the socket (no exec), as the plugin sends it; resolves with the reply line. */
function socketCall(socket: string, env: Record<string, string>, stdin: string): Promise<string> {
  const request = `${JSON.stringify({ v: 1, call: { env, stdin: Buffer.from(stdin).toString("base64"), deadline: Date.now() + 60_000 } })}\n`;
  return new Promise((resolve, reject) => {
    const connection = createConnection(socket);
    let reply = "";
    connection.on("connect", () => connection.write(request));
    connection.on("data", (chunk: Buffer) => (reply += chunk.toString()));
    connection.on("close", () => resolve(reply));
    connection.on("error", reject);
  });
}

/** `count` calls, ADD and DEL in turn over a few hundred containers, `MEMORY_CONCURRENCY` at once. */
async function manyCalls(socket: string, conf: string, count: number, offset: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let index = next++; index < count; index = next++) {
      const call = offset + index;
      const env = {
        CNI_COMMAND: call % 2 === 0 ? "ADD" : "DEL",
        CNI_CONTAINERID: `mem-${Math.floor(call / 2) % 200}`,
        CNI_NETNS: "/var/run/netns/bench",
        CNI_IFNAME: "eth0",
        CNI_PATH: "/usr/lib/cni",
      };
      const reply = await socketCall(socket, env, conf);
      if (!reply.includes('"exitCode":0')) throw new Error(`call ${call} through the agent failed: ${reply}`);
    }
  };
  await Promise.all(Array.from({ length: MEMORY_CONCURRENCY }, worker));
}

export async function agentRows(options: AgentBenchOptions): Promise<{ rows: Row[]; checks: BudgetCheck[] }> {
  const { standalone, floor, root, runs, warmup, burstSize, log } = options;
  const socket = join(mkdtempSync(join(root, "agent-")), "agent.sock");
  const agent = await startAgentProcess(standalone.binary, socket);
  const viaAgent: Subject = {
    ...standalone,
    name: "via agent",
    conf: (dataDir, cidr) => {
      const conf = standalone.conf(dataDir, cidr) as { ipam: Record<string, unknown> };
      return { ...conf, ipam: { ...conf.ipam, agentSocket: socket } };
    },
  };
  const rows: Row[] = [];
  const checks: BudgetCheck[] = [];
  try {
    log(`via the agent: ADD/CHECK/DEL latency beside the floor (${runs} runs)`);
    const { samples } = await verbLatency([viaAgent, floor], root, "10.50.0.0/24", runs, warmup);
    const medianOf = (subject: Subject, verb: "add" | "del" | "check") => median(samples.get(subject)![verb]);
    for (const verb of ["add", "del", "check"] as const) {
      rows.push(
        row("via the agent", `${verb.toUpperCase()} median`, "ms", {
          "via agent": medianOf(viaAgent, verb),
          floor: medianOf(floor, verb),
        }),
      );
      checks.push(
        ratioCheck(
          `via agent ${verb.toUpperCase()} median against the floor`,
          medianOf(viaAgent, verb),
          medianOf(floor, "add"),
          1.3,
          "the floor",
        ),
      );
    }

    log("via the agent: peak RSS of one ADD");
    const viaRss = await peakRss(viaAgent, root, "10.51.0.0/24", 5);
    const floorRss = await peakRss(floor, root, "10.51.0.0/24", 5);
    const viaMiB = viaRss ? median(viaRss) / 1024 : null;
    const floorMiB = floorRss ? median(floorRss) / 1024 : null;
    rows.push(
      row("via the agent", "peak RSS of one ADD (median of 5)", "MiB", { "via agent": viaMiB, floor: floorMiB }),
    );
    checks.push({
      what: "via agent peak RSS of one ADD",
      measured: viaMiB === null ? "not measured" : `${viaMiB.toFixed(1)} MiB`,
      limit: floorMiB === null ? "the floor's + 3 MiB" : `<= ${(floorMiB + 3).toFixed(1)} MiB (the floor's + 3)`,
      meets: viaMiB !== null && floorMiB !== null && viaMiB <= floorMiB + 3,
    });

    log(`via the agent: burst of ${burstSize} ADDs then DELs, and ${burstSize} floor programs at once`);
    const bursts = new Map<Subject, BurstFigures>();
    for (const subject of [viaAgent, floor]) bursts.set(subject, await burst(subject, root, "10.52.0.0/24", burstSize));
    const via = bursts.get(viaAgent)!;
    const floorBurst = bursts.get(floor)!;
    const section = `via the agent, burst of ${burstSize} at once`;
    rows.push(row(section, "ADD wall time", "ms", { "via agent": via.addWallMs, floor: floorBurst.addWallMs }));
    rows.push(row(section, "DEL wall time", "ms", { "via agent": via.delWallMs, floor: floorBurst.delWallMs }));
    rows.push(row(section, "failures", "count", { "via agent": via.addFailures + via.delFailures }));
    rows.push(row(section, "duplicate addresses", "count", { "via agent": via.duplicates }));
    checks.push(
      ratioCheck(`via agent burst of ${burstSize} ADDs`, via.addWallMs, floorBurst.addWallMs, 1.5, "the floor's burst"),
    );
    checks.push(
      ratioCheck(`via agent burst of ${burstSize} DELs`, via.delWallMs, floorBurst.delWallMs, 1.5, "the floor's burst"),
    );
    checks.push({
      what: "via agent burst failures and duplicates",
      measured: `${via.addFailures + via.delFailures} failures, ${via.duplicates} duplicates`,
      limit: "0 and 0",
      meets: via.addFailures + via.delFailures === 0 && via.duplicates === 0,
    });

    if (existsSync(ETCD_BINARY)) {
      log("via the agent: ADD on etcd (a local member) beside ADD on disk");
      const cluster = await startEtcd();
      try {
        const onEtcd = etcdSubject(viaAgent, cluster.endpoints);
        const { samples: stores } = await verbLatency([viaAgent, onEtcd], root, "10.54.0.0/24", runs, warmup);
        const etcdAdd = median(stores.get(onEtcd)!.add);
        const diskAdd = median(stores.get(viaAgent)!.add);
        rows.push(row("via the agent", "ADD median on etcd (local member)", "ms", { "via agent": etcdAdd }));
        rows.push(row("via the agent", "ADD median, etcd minus disk", "ms", { "via agent": etcdAdd - diskAdd }));
        checks.push({
          what: "via agent ADD on etcd over ADD on disk",
          measured: `+${(etcdAdd - diskAdd).toFixed(1)} ms`,
          limit: "<= +2 ms",
          meets: etcdAdd - diskAdd <= 2,
        });
      } finally {
        await cluster.stop();
      }
    }

    log(`the agent's memory over ${CALLS_FOR_MEMORY} calls, then ${CALLS_FOR_MEMORY} more`);
    const conf = JSON.stringify(viaAgent.conf(mkdtempSync(join(root, "agent-memory-")), "10.53.0.0/24"));
    await manyCalls(socket, conf, CALLS_FOR_MEMORY, 0);
    const first = rssMiB(agent.pid!);
    await manyCalls(socket, conf, CALLS_FOR_MEMORY, CALLS_FOR_MEMORY);
    const second = rssMiB(agent.pid!);
    rows.push(row("the agent's memory", `RSS after ${CALLS_FOR_MEMORY} calls`, "MiB", { "via agent": first }));
    rows.push(row("the agent's memory", `RSS after ${2 * CALLS_FOR_MEMORY} calls`, "MiB", { "via agent": second }));
    checks.push({
      what: `agent RSS after ${CALLS_FOR_MEMORY} calls`,
      measured: `${first.toFixed(1)} MiB`,
      limit: "<= 80 MiB",
      meets: first <= 80,
    });
    checks.push({
      what: `agent RSS growth over the next ${CALLS_FOR_MEMORY} calls`,
      measured: `${(((second - first) / first) * 100).toFixed(1)}%`,
      limit: "<= 5%",
      meets: second <= first * 1.05,
    });
    return { rows, checks };
  } finally {
    agent.kill("SIGTERM");
  }
}
