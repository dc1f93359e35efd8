// The measured scenarios; each returns raw samples so the report can derive medians, rates and ratios.
import { existsSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { callPlugin, resultAddresses, type Subject } from "./subjects.js";
import { expectOk, timedRun, type TimedRun } from "./process.js";
import { populateHostLocal, populateIppool } from "./populate.js";
import { NETWORK } from "./subjects.js";

export interface VerbSamples {
  readonly add: number[];
  readonly check: number[];
  readonly del: number[];
}

const freshDir = (root: string, label: string): string => mkdtempSync(join(root, `${label}-`));

/**
 * ADD, CHECK and DEL of `runs` containers after `warmup` unmeasured rounds. The subjects take
 * turns call by call, so load from elsewhere on the machine falls on both alike.
 */
export interface LatencyRun {
  readonly samples: Map<Subject, VerbSamples>;
  /** `node -e 0`, run after every measured ADD round, so the floor comes from the same minutes as the ADDs. */
  readonly floor: number[];
}

export async function verbLatency(
  subjects: readonly Subject[],
  root: string,
  cidr: string,
  runs: number,
  warmup: number,
  populate = 0,
): Promise<LatencyRun> {
  const confs = new Map<Subject, Record<string, unknown>>();
  for (const subject of subjects) {
    const dir = freshDir(root, `${subject.name}-latency`);
    if (populate > 0) {
      if (subject.kind === "ippool") await populateIppool(dir, NETWORK, cidr, populate);
      else if (subject.kind === "host-local") populateHostLocal(dir, NETWORK, cidr, populate);
    }
    confs.set(subject, subject.conf(dir, cidr));
  }
  const samples = new Map(subjects.map((subject) => [subject, { add: [], check: [], del: [] } as VerbSamples]));
  const results = new Map<string, unknown>();
  const floor: number[] = [];
  const round = async (ids: string[], record: boolean): Promise<void> => {
    for (const verb of ["ADD", "CHECK", "DEL"] as const) {
      for (const id of ids) {
        for (const subject of subjects) {
          const key = `${subject.name}/${id}`;
          const run = expectOk(
            await callPlugin(subject, confs.get(subject)!, {
              verb,
              containerId: id,
              prevResult: verb === "CHECK" ? results.get(key) : undefined,
            }),
            `${subject.name} ${verb} ${id}`,
          );
          if (verb === "ADD") {
            results.set(key, JSON.parse(run.stdout));
            assertFresh(subject, run, populate);
          }
          if (record) samples.get(subject)![verb === "ADD" ? "add" : verb === "CHECK" ? "check" : "del"].push(run.ms);
        }
        if (verb === "ADD" && record) floor.push(expectOk(await nodeStart(), "node -e 0").ms);
      }
    }
  };
  await round(ids("warm", warmup), false);
  await round(ids("run", runs), true);
  return { samples, floor };
}

const nodeStart = (): Promise<TimedRun> =>
  timedRun(process.execPath, ["-e", "0"], { PATH: process.env.PATH ?? "" }, "");

const ids = (prefix: string, count: number): string[] =>
  Array.from({ length: count }, (_, index) => `${prefix}-${index}`);

/** With N addresses pre-populated at offsets 2..N+1, a new ADD must land beyond them; anything else is a duplicate. */
function assertFresh(subject: Subject, run: TimedRun, populate: number): void {
  if (populate === 0 || subject.kind === "floor") return;
  const [address] = resultAddresses(run.stdout);
  const lastOctets = address!.split(".").slice(2).map(Number);
  const offset = lastOctets[0]! * 256 + lastOctets[1]!;
  if (offset < populate + 2)
    throw new Error(`${subject.name} handed out ${address}, which the pre-populated store holds`);
}

/** Peak resident set of one ADD, as /usr/bin/time -v reports it for the plugin process (KiB), over `runs` runs. */
export async function peakRss(
  subject: Subject,
  root: string,
  cidr: string,
  runs: number,
): Promise<number[] | undefined> {
  if (!existsSync("/usr/bin/time")) return undefined;
  const conf = subject.conf(freshDir(root, `${subject.name}-rss`), cidr);
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    CNI_COMMAND: "ADD",
    CNI_NETNS: "/var/run/netns/bench",
    CNI_IFNAME: "eth0",
    CNI_PATH: "/usr/lib/cni",
  };
  const kib: number[] = [];
  for (let index = 0; index < runs; index++) {
    const run = await timedRun(
      "/usr/bin/time",
      ["-v", subject.binary],
      { ...env, CNI_CONTAINERID: `rss-${index}` },
      JSON.stringify(conf),
    );
    if (run.code !== 0) throw new Error(`${subject.name} ADD under /usr/bin/time failed: ${run.stdout} ${run.stderr}`);
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(run.stderr);
    if (!match) throw new Error("/usr/bin/time -v printed no maximum resident set size");
    kib.push(Number(match[1]));
  }
  return kib;
}

export interface BurstFigures {
  readonly addWallMs: number;
  readonly addFailures: number;
  readonly duplicates: number;
  readonly delWallMs: number;
  readonly delFailures: number;
  /** The first few failure messages, so a bad burst explains itself in the JSON. */
  readonly failureSamples: string[];
}

/** `count` ADDs started at once, then `count` DELs at once; duplicates count addresses handed to two containers. */
export async function burst(subject: Subject, root: string, cidr: string, count: number): Promise<BurstFigures> {
  const conf = subject.conf(freshDir(root, `${subject.name}-burst`), cidr);
  const containers = ids("burst", count);
  const wave = async (verb: "ADD" | "DEL") => {
    const started = performance.now();
    const runs = await Promise.all(containers.map((containerId) => callPlugin(subject, conf, { verb, containerId })));
    return { runs, wallMs: performance.now() - started };
  };
  const adds = await wave("ADD");
  const holders = new Map<string, number>();
  for (const run of adds.runs.filter((entry) => entry.code === 0)) {
    for (const address of resultAddresses(run.stdout)) holders.set(address, (holders.get(address) ?? 0) + 1);
  }
  const dels = await wave("DEL");
  const failed = [...adds.runs, ...dels.runs].filter((run) => run.code !== 0);
  return {
    addWallMs: adds.wallMs,
    addFailures: adds.runs.filter((run) => run.code !== 0).length,
    duplicates: [...holders.values()].filter((holders) => holders > 1).length,
    delWallMs: dels.wallMs,
    delFailures: dels.runs.filter((run) => run.code !== 0).length,
    failureSamples: failed.slice(0, 3).map((run) => `${run.stdout.trim()} ${run.stderr.trim()}`.slice(0, 300)),
  };
}

export interface FillFigures {
  readonly count: number;
  readonly totalMs: number;
  readonly first10Ms: number[];
  readonly last10Ms: number[];
  /** What the first refused ADD said: it should be the plugin's "pool full" error. */
  readonly exhaustion: string;
}

/** Sequential ADDs into an empty pool until one is refused. */
export async function fillPool(subject: Subject, root: string, cidr: string, limit: number): Promise<FillFigures> {
  const conf = subject.conf(freshDir(root, `${subject.name}-fill`), cidr);
  const times: number[] = [];
  let exhaustion = "no refusal within the limit";
  for (let index = 0; index < limit; index++) {
    const run = await callPlugin(subject, conf, { verb: "ADD", containerId: `fill-${index}` });
    if (run.code !== 0) {
      exhaustion = run.stdout.trim().slice(0, 300);
      break;
    }
    times.push(run.ms);
  }
  return {
    count: times.length,
    totalMs: times.reduce((sum, ms) => sum + ms, 0),
    first10Ms: times.slice(0, 10),
    last10Ms: times.slice(-10),
    exhaustion,
  };
}

/** Node's own start-up: `node -e 0`, the floor under any plugin written for Node. */
export async function nodeFloor(runs: number, warmup: number): Promise<number[]> {
  const samples: number[] = [];
  for (let index = 0; index < warmup + runs; index++) {
    const run = expectOk(await nodeStart(), "node -e 0");
    if (index >= warmup) samples.push(run.ms);
  }
  return samples;
}
