// The agent's Prometheus metrics, through prom-client, served on --metrics-address.
import { createServer, type Server } from "node:http";
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import { poolIdsWithBlocks, poolUsage } from "../ipam/blocks.js";
import { readStoredPools } from "../ipam/stored-pools.js";
import type { BatchReport } from "../store/batching-store.js";
import type { Store } from "../store/store.js";
import { Failure } from "../failure.js";

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export class AgentMetrics {
  readonly registry = new Registry();
  private readonly calls = new Counter({
    name: "ippool_agent_calls_total",
    help: "CNI calls answered by the agent, by verb and outcome (ok, error)",
    labelNames: ["verb", "outcome"] as const,
    registers: [this.registry],
  });
  private readonly callSeconds = new Histogram({
    name: "ippool_agent_call_duration_seconds",
    help: "Time from receiving a CNI call to answering it, by verb",
    labelNames: ["verb"] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly commitSeconds = new Histogram({
    name: "ippool_agent_commit_duration_seconds",
    help: "Time of one batch's transaction, from its start to its durable commit (retries included)",
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  private readonly batchSize = new Histogram({
    name: "ippool_agent_batch_size",
    help: "Store updates committed together in one transaction",
    buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
    registers: [this.registry],
  });
  private readonly conflicts = new Counter({
    name: "ippool_agent_conflicts_retried_total",
    help: "Batches run again because another writer committed first",
    registers: [this.registry],
  });
  private readonly busy = new Counter({
    name: "ippool_agent_busy_total",
    help: "Calls answered busy at once because the queue was full (the plugin then did them itself)",
    registers: [this.registry],
  });

  constructor(inFlight: () => number, stores: () => Iterable<Store>) {
    new Gauge({
      name: "ippool_agent_queue_depth",
      help: "CNI calls received and not answered yet",
      registers: [this.registry],
      collect() {
        this.set(inFlight());
      },
    });
    new Gauge({
      name: "ippool_pool_addresses",
      help: "Addresses of each pool in the stores the agent serves, by state (in_use, free)",
      labelNames: ["store", "pool", "state"] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const store of stores()) {
          try {
            await store.read(async (txn) => {
              // Stored pools, and the pools a netconf gives inline, which exist in the store only by their blocks.
              const ids = new Set([
                ...(await readStoredPools(txn)).map((pool) => pool.id),
                ...(await poolIdsWithBlocks(txn)),
              ]);
              for (const id of ids) {
                const { used, free } = await poolUsage(txn, id);
                this.set({ store: store.location, pool: id, state: "in_use" }, Number(used));
                this.set({ store: store.location, pool: id, state: "free" }, Number(free));
              }
            });
          } catch (error) {
            // A store that cannot be read now shows no pools; the calls' own errors say why.
            if (!(error instanceof Failure)) throw error;
          }
        }
      },
    });
  }

  called(verb: string, exitCode: number, seconds: number): void {
    this.calls.inc({ verb, outcome: exitCode === 0 ? "ok" : "error" });
    this.callSeconds.observe({ verb }, seconds);
  }

  refusedBusy(): void {
    this.busy.inc();
  }

  batched(report: BatchReport): void {
    this.commitSeconds.observe(report.seconds);
    this.batchSize.observe(report.size);
    this.conflicts.inc(report.conflictsRetried);
  }

  /** GET /metrics on HOST:PORT; resolves once listening. */
  async serve(address: { host: string; port: number }): Promise<Server> {
    const server = createServer((request, response) => {
      if (request.method !== "GET" || request.url?.split("?")[0] !== "/metrics") {
        response.writeHead(404).end("not found: metrics are at /metrics\n");
        return;
      }
      this.registry.metrics().then(
        (text) => response.writeHead(200, { "content-type": this.registry.contentType }).end(text),
        (error: unknown) => response.writeHead(500).end(`${(error as Error).message}\n`),
      );
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(address.port, address.host, () => resolve());
    });
    return server;
  }
}
