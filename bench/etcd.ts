// The etcd datastore's rows of `npm run bench`: ADD/DEL against a local single member beside the disk store, and a burst.
import { existsSync, mkdtempSync } from "node:fs";
import { join } from "node:path";
import { ETCD_BINARY, startEtcd } from "../test/helpers/etcd.js";
import { burst } from "./scenarios.js";
import { callPlugin, ippoolSubjects, resultAddresses, type Subject } from "./subjects.js";
import { expectOk, median, percentile } from "./process.js";
import { row, type Row } from "./report.js";
import { claimRows } from "./etcd-claims.js";

const CIDR = "10.30.0.0/24";

/** ippool with `ipam.datastore` pointing at etcd, one key prefix per data dir (so per scenario). */
export function etcdSubject(disk: Subject, endpoints: readonly string[]): Subject {
  return {
    ...disk,
    conf: (dataDir, cidr) => {
      const conf = disk.conf(dataDir, cidr) as { ipam: Record<string, unknown> };
      return { ...conf, ipam: { ...conf.ipam, datastore: { type: "etcd", endpoints, prefix: `/bench${dataDir}` } } };
    },
  };
}

/** `perNode` ADDs on each of `count` nodes (ipam.nodename), all started at once on one pool. */
async function nodesAtOnce(subject: Subject, root: string, cidr: string, count: number, perNode: number) {
  const base = subject.conf(mkdtempSync(join(root, "etcd-nodes-")), cidr) as { ipam: Record<string, unknown> };
  const calls = Array.from({ length: count }, (_, node) => ({
    ...base,
    ipam: { ...base.ipam, nodename: `bench-node-${node}` },
  })).flatMap((conf, node) =>
    Array.from({ length: perNode }, (_, index) =>
      callPlugin(subject, conf, { verb: "ADD", containerId: `node${node}-${index}` }),
    ),
  );
  const started = performance.now();
  const runs = await Promise.all(calls);
  const wallMs = performance.now() - started;
  const addresses = runs.filter((run) => run.code === 0).flatMap((run) => resultAddresses(run.stdout));
  // Each ADD that had to run its commit again says so on stderr (src/plugin/run-plugin.ts).
  const retries = runs.map((run) => Number(/committed after (\d+) conflict/.exec(run.stderr)?.[1] ?? 0));
  return {
    wallMs,
    failures: runs.filter((run) => run.code !== 0).length,
    duplicates: addresses.length - new Set(addresses).size,
    conflicts: retries.reduce((sum, count) => sum + count, 0),
    mostRetries: Math.max(...retries),
    slowestMs: Math.max(...runs.map((run) => run.ms)),
  };
}

export async function etcdRows(options: {
  repoRoot: string;
  root: string;
  runs: number;
  warmup: number;
  burstSize: number;
  log: (text: string) => void;
}): Promise<Row[]> {
  if (!existsSync(ETCD_BINARY)) {
    options.log(`${ETCD_BINARY} missing (apt-get install etcd-server); etcd rows skipped`);
    return [];
  }
  const cluster = await startEtcd();
  try {
    // The standalone executable: the artifact node images run, and the one the etcd budget is about.
    const disk = ippoolSubjects(options.repoRoot).find((subject) => subject.name === "standalone")!;
    const etcd = etcdSubject(disk, cluster.endpoints);
    options.log(
      `etcd datastore: ADD/DEL beside the disk store (${options.runs} runs after ${options.warmup} warm-up), then a burst of ${options.burstSize}`,
    );
    // The two stores take turns call by call, so load from elsewhere falls on both alike.
    const confs = [disk, etcd].map((subject) => subject.conf(mkdtempSync(join(options.root, "etcd-latency-")), CIDR));
    const samples = { add: [[], []] as number[][], del: [[], []] as number[][] };
    for (let index = 0; index < options.warmup + options.runs; index++) {
      for (const verb of ["ADD", "DEL"] as const) {
        for (const [which, conf] of confs.entries()) {
          const run = expectOk(
            await callPlugin(disk, conf, { verb, containerId: `etcd-${index}` }),
            `${which ? "etcd" : "disk"} ${verb}`,
          );
          if (index >= options.warmup) samples[verb === "ADD" ? "add" : "del"][which]!.push(run.ms);
        }
      }
    }
    const section = "etcd datastore, local single member";
    const rows: Row[] = [];
    for (const verb of ["add", "del"] as const) {
      rows.push(row(section, `${verb.toUpperCase()} median`, "ms", { standalone: median(samples[verb][1]!) }));
      rows.push(row(section, `${verb.toUpperCase()} p90`, "ms", { standalone: percentile(samples[verb][1]!, 90) }));
    }
    rows.push(
      row(section, "ADD median, etcd minus disk (budget 5)", "ms", {
        standalone: median(samples.add[1]!) - median(samples.add[0]!),
      }),
    );
    const burstFigures = await burst(etcd, options.root, "10.31.0.0/16", options.burstSize);
    const burstSection = `etcd datastore, burst of ${options.burstSize} at once on one node`;
    rows.push(row(burstSection, "ADD wall time", "ms", { standalone: burstFigures.addWallMs }));
    rows.push(row(burstSection, "ADD failures", "count", { standalone: burstFigures.addFailures }));
    rows.push(row(burstSection, "duplicate addresses", "count", { standalone: burstFigures.duplicates }));
    rows.push(row(burstSection, "DEL wall time", "ms", { standalone: burstFigures.delWallMs }));
    rows.push(row(burstSection, "DEL failures", "count", { standalone: burstFigures.delFailures }));
    if (burstFigures.failureSamples.length > 0)
      options.log(`etcd burst failures, e.g.: ${burstFigures.failureSamples.join(" | ")}`);
    const nodes = await nodesAtOnce(etcd, options.root, "10.32.0.0/16", 3, options.burstSize / 2);
    const nodesSection = `etcd datastore, 3 nodes x ${options.burstSize / 2} ADDs at once`;
    rows.push(row(nodesSection, "ADD wall time", "ms", { standalone: nodes.wallMs }));
    rows.push(row(nodesSection, "ADD failures", "count", { standalone: nodes.failures }));
    rows.push(row(nodesSection, "duplicate addresses", "count", { standalone: nodes.duplicates }));
    rows.push(row(nodesSection, "conflicts retried", "count", { standalone: nodes.conflicts }));
    rows.push(row(nodesSection, "most retries of one call", "count", { standalone: nodes.mostRetries }));
    rows.push(row(nodesSection, "slowest call", "ms", { standalone: nodes.slowestMs }));
    rows.push(...(await claimRows(cluster.endpoints)));
    return rows;
  } finally {
    await cluster.stop();
  }
}
