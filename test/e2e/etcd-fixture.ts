// The e2e suites' etcd: one member on the host's loopback, reachable at the same URL from the lab namespaces the CNI plugins run in.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { connect, createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { startEtcd, type EtcdCluster } from "../helpers/etcd.js";
import { execCli, tempDir, type ProcessResult } from "../helpers/ippool.js";
import { inNetns } from "./netns.js";

/**
 * Runs inside a lab namespace: listens on etcd's loopback address and port there and carries each
 * connection to a unix socket. A socket file is reachable from every network namespace, while the
 * host's 127.0.0.1 is not, and linking a namespace to the host's network would put test addresses
 * on it. So the plugins, which run in the "node" namespace, speak plain HTTP to the same URL the
 * CLI uses on the host, as they would to a member across a real node's network.
 */
const NAMESPACE_RELAY = `
const net = require("node:net");
const [host, port, socketPath] = process.argv.slice(1);
net.createServer((client) => {
  const upstream = net.connect(socketPath);
  client.on("error", () => upstream.destroy());
  upstream.on("error", () => client.destroy());
  client.pipe(upstream).pipe(client);
}).listen(Number(port), host, () => console.log("ready"));
`;

export interface E2eEtcd {
  /** Set in beforeAll. */
  cluster: EtcdCluster;
  /** The netconf's `ipam.datastore` for this etcd under `prefix` (each test its own, so none sees another's keys). */
  datastore(prefix: string): { type: "etcd"; endpoints: string[]; prefix: string };
  /** Makes etcd reachable from inside `netns` at its usual URL, until the suite ends. */
  reachFrom(netns: string): Promise<void>;
  /** The operator CLI on this etcd under `prefix`. */
  cli(args: readonly string[], prefix: string, options?: { env?: Record<string, string> }): Promise<ProcessResult>;
}

/** Starts etcd before the suite; after it, stops the relays and etcd, even when a test failed. */
export function useE2eEtcd(): E2eEtcd {
  const relays: ChildProcess[] = [];
  const clients = new Set<Socket>();
  let hostRelay: Server | undefined;
  let socketDir: ReturnType<typeof tempDir> | undefined;
  const socketPath = () => join(socketDir!.path, "etcd.sock");
  const endpoint = () => new URL(etcd.cluster.endpoints[0]!);

  const etcd = {
    datastore: (prefix: string) => ({ type: "etcd" as const, endpoints: etcd.cluster.endpoints, prefix }),
    cli: (args: readonly string[], prefix: string, options: { env?: Record<string, string> } = {}) =>
      execCli([...args, "--etcd-endpoints", etcd.cluster.endpoints.join(","), "--etcd-prefix", prefix], options),
    reachFrom: async (netns: string) => {
      const { hostname, port } = endpoint();
      const relay = spawn(
        "ip",
        inNetns(netns, [process.execPath, "-e", NAMESPACE_RELAY, hostname, port, socketPath()]),
        { stdio: ["ignore", "pipe", "pipe"] },
      );
      relays.push(relay);
      let output = "";
      relay.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        relay.stdout!.once("data", () => resolve());
        relay.once("exit", (code) =>
          reject(new Error(`the etcd relay in namespace ${netns} exited ${code}: ${output.trim()}`)),
        );
      });
    },
  } as E2eEtcd;

  beforeAll(async () => {
    etcd.cluster = await startEtcd();
    socketDir = tempDir("ippool-e2e-etcd-");
    const { hostname, port } = endpoint();
    hostRelay = createServer((client) => {
      const upstream = connect(Number(port), hostname);
      for (const socket of [client, upstream]) {
        clients.add(socket);
        socket.on("close", () => clients.delete(socket));
      }
      client.on("error", () => upstream.destroy());
      upstream.on("error", () => client.destroy());
      client.pipe(upstream).pipe(client);
    });
    hostRelay.listen(socketPath());
    await once(hostRelay, "listening");
  });

  afterAll(async () => {
    await Promise.all(
      relays.map(async (relay) => {
        if (relay.exitCode !== null || relay.signalCode !== null) return;
        const exited = once(relay, "exit");
        relay.kill("SIGTERM");
        await exited;
      }),
    );
    for (const socket of clients) socket.destroy();
    if (hostRelay) await new Promise((resolve) => hostRelay!.close(resolve));
    socketDir?.remove();
    await etcd.cluster?.stop();
  });
  return etcd;
}
