// `npm run bench`: times build/ippool against host-local on this machine and writes bench/results/*.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir } from "node:os";
import { join } from "node:path";
import { burst, fillPool, nodeFloor, peakRss, verbLatency, type VerbSamples } from "./scenarios.js";
import { hostLocalSubject, ippoolSubject, type Subject } from "./subjects.js";
import { median, percentile } from "./process.js";
import { formatMarkdown, formatTable, row, type Row } from "./report.js";
import { etcdRows } from "./etcd.js";

/** Our own budget: ADD minus `node -e 0` at the median, empty pool and 10,000 held alike. */
const BUDGET_MS = 15;
/** "Flat": the 10,000-allocation median may exceed the empty one by at most this much. */
const FLAT_MS = 2;

const runs = Number(process.env.BENCH_RUNS ?? 30);
const warmup = Number(process.env.BENCH_WARMUP ?? 5);
const held = Number(process.env.BENCH_HELD ?? 10_000);
const burstSize = Number(process.env.BENCH_BURST ?? 200);
const repoRoot = process.env.IPPOOL_REPO ?? process.cwd();

const log = (text: string) => process.stderr.write(`bench: ${text}\n`);

/** findmnt names ext4 as such; `stat -f` (the fallback) only says "ext2/ext3". */
function fsType(path: string): string {
  for (const [command, args] of [["findmnt", ["-n", "-o", "FSTYPE", "--target", path]], ["stat", ["-f", "-c", "%T", path]]] as const) {
    try {
      return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      // try the next tool
    }
  }
  return "unknown";
}

function gitCommit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: repoRoot, encoding: "utf8" }).trim();
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  const ippool = ippoolSubject(repoRoot);
  statSync(ippool.binary);
  const hostLocal = hostLocalSubject();
  if (!hostLocal) log("host-local not found at /usr/lib/cni/host-local (apt package containernetworking-plugins); its column stays empty");
  const subjects: Subject[] = hostLocal ? [ippool, hostLocal] : [ippool];
  const root = mkdtempSync(join(tmpdir(), "ippool-bench-"));
  const started = Date.now();
  // Other work on the machine moves every figure; the 1-minute load average is kept with them.
  const loadAtStart = loadavg()[0]!;
  const rows: Row[] = [];
  const pick = <T>(map: Map<Subject, T>, subject: Subject | undefined): T | undefined => (subject ? map.get(subject) : undefined);
  const stat = (values: number[] | undefined, fn: (values: number[]) => number) => (values ? fn(values) : null);
  try {
    log(`ADD/CHECK/DEL latency, empty /24 (${runs} runs after ${warmup} warm-up)`);
    // Node's start-up is warmed up first so its page cache state matches the plugin runs'.
    await nodeFloor(0, warmup);
    const { samples: empty, floor } = await verbLatency(subjects, root, "10.20.0.0/24", runs, warmup);
    const latencyRows = (section: string, samples: Map<Subject, VerbSamples>, verbs: readonly (keyof VerbSamples)[]) => {
      for (const verb of verbs) {
        const ours = pick(samples, ippool)![verb];
        const theirs = pick(samples, hostLocal)?.[verb];
        rows.push(row(section, `${verb.toUpperCase()} median`, "ms", median(ours), stat(theirs, median)));
        rows.push(row(section, `${verb.toUpperCase()} p90`, "ms", percentile(ours, 90), stat(theirs, (values) => percentile(values, 90))));
      }
    };
    latencyRows("single call, empty pool", empty, ["add", "del", "check"]);

    log("peak RSS of one ADD (/usr/bin/time -v)");
    const rssOurs = await peakRss(ippool, root, "10.21.0.0/24", 5);
    const rssTheirs = hostLocal ? await peakRss(hostLocal, root, "10.21.0.0/24", 5) : undefined;
    if (!rssOurs) log("/usr/bin/time missing (apt-get install time); peak RSS skipped");
    rows.push(row("memory", "peak RSS of one ADD (median of 5)", "MiB", stat(rssOurs, (v) => median(v) / 1024), stat(rssTheirs, (v) => median(v) / 1024)));

    log(`burst of ${burstSize} concurrent ADDs, then DELs`);
    const burstOurs = await burst(ippool, root, "10.22.0.0/24", burstSize);
    const burstTheirs = hostLocal ? await burst(hostLocal, root, "10.22.0.0/24", burstSize) : undefined;
    const section = `burst of ${burstSize} at once`;
    rows.push(row(section, "ADD wall time", "ms", burstOurs.addWallMs, burstTheirs?.addWallMs ?? null));
    rows.push(row(section, "ADD failures", "count", burstOurs.addFailures, burstTheirs?.addFailures ?? null));
    rows.push(row(section, "duplicate addresses", "count", burstOurs.duplicates, burstTheirs?.duplicates ?? null));
    rows.push(row(section, "DEL wall time", "ms", burstOurs.delWallMs, burstTheirs?.delWallMs ?? null));
    rows.push(row(section, "DEL failures", "count", burstOurs.delFailures, burstTheirs?.delFailures ?? null));

    log("sequential fill of a /24 until exhaustion");
    const fillOurs = await fillPool(ippool, root, "10.23.0.0/24", 300);
    const fillTheirs = hostLocal ? await fillPool(hostLocal, root, "10.23.0.0/24", 300) : undefined;
    const fillRows = [
      ["addresses handed out", "count", (f: typeof fillOurs) => f.count],
      ["rate", "ADD/s", (f: typeof fillOurs) => (f.count * 1000) / f.totalMs],
      // Medians: one load spike among ten calls would otherwise stand for all of them.
      ["first 10 ADDs, median", "ms", (f: typeof fillOurs) => median(f.first10Ms)],
      ["last 10 ADDs, median", "ms", (f: typeof fillOurs) => median(f.last10Ms)],
      ["first 10 ADDs, total", "ms", (f: typeof fillOurs) => f.first10Ms.reduce((sum, ms) => sum + ms, 0)],
      ["last 10 ADDs, total", "ms", (f: typeof fillOurs) => f.last10Ms.reduce((sum, ms) => sum + ms, 0)],
    ] as const;
    for (const [metric, unit, fn] of fillRows) rows.push(row("fill a /24", metric, unit, fn(fillOurs), fillTheirs ? fn(fillTheirs) : null));

    log(`ADD/DEL latency with ${held} allocations held in a /16`);
    const { samples: full, floor: fullFloor } = await verbLatency(subjects, root, "10.40.0.0/16", runs, Math.min(warmup, 3), held);
    latencyRows(`single call, ${held} held in a /16`, full, ["add", "del"]);

    rows.push(...(await etcdRows({ repoRoot, root, runs, warmup, burstSize, log })));

    // Each budget figure subtracts the floor measured alongside its own ADDs: load shifts both alike.
    const ownEmpty = median(pick(empty, ippool)!.add) - median(floor);
    const ownFull = median(pick(full, ippool)!.add) - median(fullFloor);
    rows.push(row("node start-up", "node -e 0 median", "ms", median(floor), null));
    rows.push(row("node start-up", "node -e 0 p90", "ms", percentile(floor, 90), null));
    rows.push(row("node start-up", `node -e 0 median, beside the ${held}-held runs`, "ms", median(fullFloor), null));
    rows.push(row("budget (ADD - node floor)", "empty pool, median", "ms", ownEmpty, null));
    rows.push(row("budget (ADD - node floor)", `${held} held, median`, "ms", ownFull, null));
    const meets = ownEmpty <= BUDGET_MS && ownFull <= BUDGET_MS && ownFull - ownEmpty <= FLAT_MS;

    const machine = {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? "unknown",
      kernel: release(),
      node: process.version,
      tempFs: fsType(root),
      commit: gitCommit(),
      loadAverage1m: { start: loadAtStart, end: loadavg()[0]! },
    };
    const verdict = `${meets ? "MEETS" : "MISSES"} the budget: ippool's own ADD work ${ownEmpty.toFixed(1)} ms (empty) and ${ownFull.toFixed(1)} ms (${held} held); budget ${BUDGET_MS} ms, flat within ${FLAT_MS} ms`;
    process.stdout.write(`ippool bench, ${new Date().toISOString()}, ${machine.cores} cores (${machine.cpu}), node ${machine.node}, data dirs on ${machine.tempFs}, load average ${loadAtStart.toFixed(1)} -> ${machine.loadAverage1m.end.toFixed(1)}\n\n`);
    process.stdout.write(`${formatTable(rows)}\n\n${verdict}\n`);
    const resultsDir = join(repoRoot, "bench/results");
    mkdirSync(resultsDir, { recursive: true });
    const report = {
      date: new Date().toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      machine,
      settings: { runs, warmup, held, burstSize, budgetMs: BUDGET_MS, flatMs: FLAT_MS },
      budget: { ownWorkEmptyMs: ownEmpty, ownWorkHeldMs: ownFull, meets },
      rows,
      details: { burst: { ippool: burstOurs, hostLocal: burstTheirs ?? null }, fillExhaustion: { ippool: fillOurs.exhaustion, hostLocal: fillTheirs?.exhaustion ?? null } },
      markdown: formatMarkdown(rows),
    };
    const file = join(resultsDir, `bench-${report.date.replace(/[:.]/g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
    writeFileSync(join(resultsDir, "latest.json"), `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${file} in ${report.durationSeconds.toFixed(0)} s`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
