// `npm run bench`: times both ippool artifacts against the compiled floor and host-local, checks the budget, writes bench/results/*.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { cpus, loadavg, release, tmpdir } from "node:os";
import { join } from "node:path";
import {
  burst,
  fillPool,
  nodeFloor,
  peakRss,
  verbLatency,
  type BurstFigures,
  type FillFigures,
  type VerbSamples,
} from "./scenarios.js";
import { floorSubject, hostLocalSubject, ippoolSubjects, type Subject, type SubjectName } from "./subjects.js";
import { median, percentile } from "./process.js";
import { formatBudget, formatMarkdown, formatTable, ratioCheck, row, type BudgetCheck, type Row } from "./report.js";
import { etcdRows } from "./etcd.js";
import { agentRows } from "./agent.js";

/** The Node bundle's ADD may cost at most this much over `node -e 0`. */
const NODE_OVER_FLOOR_MS = 10;
/** Peak RSS of one standalone ADD. */
const STANDALONE_RSS_MIB = 30;

const runs = Number(process.env.BENCH_RUNS ?? 30);
const warmup = Number(process.env.BENCH_WARMUP ?? 5);
const held = Number(process.env.BENCH_HELD ?? 10_000);
const burstSize = Number(process.env.BENCH_BURST ?? 200);
const repoRoot = process.env.IPPOOL_REPO ?? process.cwd();

const log = (text: string) => process.stderr.write(`bench: ${text}\n`);

/** findmnt names ext4 as such; `stat -f` (the fallback) only says "ext2/ext3". */
function fsType(path: string): string {
  for (const [command, args] of [
    ["findmnt", ["-n", "-o", "FSTYPE", "--target", path]],
    ["stat", ["-f", "-c", "%T", path]],
  ] as const) {
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
  const [node, standalone] = ippoolSubjects(repoRoot) as [Subject, Subject];
  const floorBinary = process.env.IPPOOL_BENCH_FLOOR;
  if (!floorBinary)
    throw new Error("IPPOOL_BENCH_FLOOR is not set: run the bench with 'npm run bench', which compiles bench/floor.ts");
  const floorProgram = floorSubject(floorBinary);
  for (const subject of [node, standalone, floorProgram]) statSync(subject.binary);
  const hostLocal = hostLocalSubject();
  if (!hostLocal)
    log(
      "host-local not found at /usr/lib/cni/host-local (apt package containernetworking-plugins); its column stays empty",
    );
  const plugins: Subject[] = hostLocal ? [node, standalone, hostLocal] : [node, standalone];
  const root = mkdtempSync(join(tmpdir(), "ippool-bench-"));
  const started = Date.now();
  // Other work on the machine moves every figure; the 1-minute load average is kept with them.
  const loadAtStart = loadavg()[0]!;
  const rows: Row[] = [];
  const each = <T>(subjects: readonly Subject[], fn: (subject: Subject) => T) =>
    Object.fromEntries(subjects.map((subject) => [subject.name, fn(subject)])) as Partial<Record<SubjectName, T>>;
  try {
    log(`ADD/CHECK/DEL latency, empty /24 (${runs} runs after ${warmup} warm-up)`);
    // Node's start-up is warmed up first so its page cache state matches the plugin runs'.
    await nodeFloor(0, warmup);
    const { samples: empty, floor } = await verbLatency([...plugins, floorProgram], root, "10.20.0.0/24", runs, warmup);
    const latencyRows = (
      section: string,
      samples: Map<Subject, VerbSamples>,
      verbs: readonly (keyof VerbSamples)[],
    ) => {
      const of = (verb: keyof VerbSamples, fn: (values: number[]) => number) =>
        Object.fromEntries([...samples].map(([subject, values]) => [subject.name, fn(values[verb])]));
      for (const verb of verbs) {
        rows.push(row(section, `${verb.toUpperCase()} median`, "ms", of(verb, median)));
        rows.push(
          row(
            section,
            `${verb.toUpperCase()} p90`,
            "ms",
            of(verb, (values) => percentile(values, 90)),
          ),
        );
      }
    };
    latencyRows("single call, empty pool", empty, ["add", "del", "check"]);

    log("peak RSS of one ADD (/usr/bin/time -v)");
    const rss = new Map<Subject, number[] | undefined>();
    for (const subject of [...plugins, floorProgram]) rss.set(subject, await peakRss(subject, root, "10.21.0.0/24", 5));
    if (!rss.get(node)) log("/usr/bin/time missing (apt-get install time); peak RSS skipped");
    rows.push(
      row(
        "memory",
        "peak RSS of one ADD (median of 5)",
        "MiB",
        Object.fromEntries([...rss].map(([subject, kib]) => [subject.name, kib ? median(kib) / 1024 : null])),
      ),
    );

    log(`burst of ${burstSize} concurrent ADDs, then DELs`);
    const bursts = new Map<Subject, BurstFigures>();
    for (const subject of plugins) bursts.set(subject, await burst(subject, root, "10.22.0.0/24", burstSize));
    const section = `burst of ${burstSize} at once`;
    const burstRow = (metric: string, unit: string, fn: (figures: BurstFigures) => number) =>
      rows.push(
        row(
          section,
          metric,
          unit,
          each(plugins, (subject) => fn(bursts.get(subject)!)),
        ),
      );
    burstRow("ADD wall time", "ms", (f) => f.addWallMs);
    burstRow("ADD failures", "count", (f) => f.addFailures);
    burstRow("duplicate addresses", "count", (f) => f.duplicates);
    burstRow("DEL wall time", "ms", (f) => f.delWallMs);
    burstRow("DEL failures", "count", (f) => f.delFailures);

    log("sequential fill of a /24 until exhaustion");
    const fills = new Map<Subject, FillFigures>();
    for (const subject of plugins) fills.set(subject, await fillPool(subject, root, "10.23.0.0/24", 300));
    const fillRows = [
      ["addresses handed out", "count", (f: FillFigures) => f.count],
      ["rate", "ADD/s", (f: FillFigures) => (f.count * 1000) / f.totalMs],
      // Medians: one load spike among ten calls would otherwise stand for all of them.
      ["first 10 ADDs, median", "ms", (f: FillFigures) => median(f.first10Ms)],
      ["last 10 ADDs, median", "ms", (f: FillFigures) => median(f.last10Ms)],
    ] as const;
    for (const [metric, unit, fn] of fillRows)
      rows.push(
        row(
          "fill a /24",
          metric,
          unit,
          each(plugins, (subject) => fn(fills.get(subject)!)),
        ),
      );

    log(`ADD/DEL latency with ${held} allocations held in a /16`);
    const { samples: full, floor: fullFloor } = await verbLatency(
      plugins,
      root,
      "10.40.0.0/16",
      runs,
      Math.min(warmup, 3),
      held,
    );
    latencyRows(`single call, ${held} held in a /16`, full, ["add", "del"]);

    rows.push(...(await etcdRows({ repoRoot, root, runs, warmup, burstSize, log })));

    const agent = await agentRows({ standalone, floor: floorProgram, root, runs, warmup, burstSize, log });
    rows.push(...agent.rows);

    rows.push(row("node start-up", "node -e 0 median", "ms", { node: median(floor) }));
    rows.push(
      row("node start-up", `node -e 0 median, beside the ${held}-held runs`, "ms", { node: median(fullFloor) }),
    );

    const medianOf = (samples: Map<Subject, VerbSamples>, subject: Subject | undefined, verb: keyof VerbSamples) => {
      const values = subject ? samples.get(subject)?.[verb] : undefined;
      return values ? median(values) : null;
    };
    const floorMs = medianOf(empty, floorProgram, "add");
    const checks: BudgetCheck[] = [];
    for (const verb of ["add", "del", "check"] as const) {
      const ms = medianOf(empty, standalone, verb);
      checks.push(ratioCheck(`standalone ${verb.toUpperCase()} median against the floor`, ms, floorMs, 2, "the floor"));
      checks.push(
        ratioCheck(
          `standalone ${verb.toUpperCase()} median against host-local`,
          ms,
          medianOf(empty, hostLocal, verb),
          4,
          "host-local",
        ),
      );
    }
    const overNode = medianOf(empty, node, "add")! - median(floor);
    checks.push({
      what: "node ADD median over node -e 0",
      measured: `+${overNode.toFixed(1)} ms`,
      limit: `<= +${NODE_OVER_FLOOR_MS} ms`,
      meets: overNode <= NODE_OVER_FLOOR_MS,
    });
    for (const subject of [standalone, node]) {
      const ours = bursts.get(subject)!;
      const theirs = hostLocal ? bursts.get(hostLocal) : undefined;
      checks.push(
        ratioCheck(
          `${subject.name} burst of ${burstSize} ADDs, wall time`,
          ours.addWallMs,
          theirs?.addWallMs,
          3,
          "host-local",
        ),
      );
      checks.push(
        ratioCheck(
          `${subject.name} burst of ${burstSize} DELs, wall time`,
          ours.delWallMs,
          theirs?.delWallMs,
          3,
          "host-local",
        ),
      );
      const clean = ours.addFailures + ours.delFailures === 0 && ours.duplicates === 0;
      checks.push({
        what: `${subject.name} burst failures and duplicates`,
        measured: `${ours.addFailures + ours.delFailures} failures, ${ours.duplicates} duplicates`,
        limit: "0 and 0",
        meets: clean,
      });
      const rate = (fill: FillFigures | undefined) => (fill ? fill.count / fill.totalMs : null);
      checks.push(
        ratioCheck(
          `${subject.name} fill rate of a /24`,
          rate(fills.get(subject)),
          rate(hostLocal ? fills.get(hostLocal) : undefined),
          0.3,
          "host-local's rate",
          true,
        ),
      );
      for (const verb of ["add", "del"] as const) {
        checks.push(
          ratioCheck(
            `${subject.name} ${verb.toUpperCase()} median with ${held} held`,
            medianOf(full, subject, verb),
            medianOf(full, hostLocal, verb),
            0.5,
            "host-local",
          ),
        );
      }
    }
    checks.push(...agent.checks);
    const rssMiB = rss.get(standalone) ? median(rss.get(standalone)!) / 1024 : null;
    checks.push({
      what: "standalone peak RSS of one ADD",
      measured: rssMiB === null ? "not measured" : `${rssMiB.toFixed(1)} MiB`,
      limit: `<= ${STANDALONE_RSS_MIB} MiB`,
      meets: rssMiB !== null && rssMiB <= STANDALONE_RSS_MIB,
    });

    const machine = {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? "unknown",
      kernel: release(),
      node: process.version,
      tempFs: fsType(root),
      commit: gitCommit(),
      loadAverage1m: { start: loadAtStart, end: loadavg()[0]! },
    };
    process.stdout.write(
      `ippool bench, ${new Date().toISOString()}, ${machine.cores} cores (${machine.cpu}), node ${machine.node}, data dirs on ${machine.tempFs}, load average ${loadAtStart.toFixed(1)} -> ${machine.loadAverage1m.end.toFixed(1)}\n\n`,
    );
    process.stdout.write(`${formatTable(rows)}\n\nbudget:\n${formatBudget(checks)}\n`);
    const resultsDir = join(repoRoot, "bench/results");
    mkdirSync(resultsDir, { recursive: true });
    const report = {
      date: new Date().toISOString(),
      durationSeconds: (Date.now() - started) / 1000,
      machine,
      settings: { runs, warmup, held, burstSize },
      budget: checks,
      rows,
      details: {
        burst: Object.fromEntries([...bursts].map(([subject, figures]) => [subject.name, figures])),
        fillExhaustion: Object.fromEntries([...fills].map(([subject, figures]) => [subject.name, figures.exhaustion])),
      },
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
