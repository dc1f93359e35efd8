// Starts real etcd clusters (Debian's /usr/bin/etcd) on loopback with free ports and temp data dirs, for the tests.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import * as http from "node:http";
import * as https from "node:https";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ETCD_BINARY = "/usr/bin/etcd";

export interface EtcdTlsFiles {
  readonly caFile: string;
  /** The member's own certificate and key (for 127.0.0.1). */
  readonly serverCertFile: string;
  readonly serverKeyFile: string;
  /** A client certificate: with it set, members demand one (--client-cert-auth) and checking health uses it. */
  readonly clientCertFile?: string;
  readonly clientKeyFile?: string;
}

export interface EtcdMember {
  readonly name: string;
  readonly clientUrl: string;
  readonly peerUrl: string;
  readonly dataDir: string;
  process: ChildProcess | undefined;
  log: string;
}

export interface EtcdCluster {
  readonly endpoints: string[];
  readonly members: EtcdMember[];
  /** SIGKILLs one member (its data dir stays, so it can come back). */
  kill(index: number): Promise<void>;
  /** Starts a killed member again with its data and waits until the cluster is healthy. */
  restart(index: number): Promise<void>;
  /** The index of the member that leads now. */
  leader(): Promise<number>;
  /** Kills every member and removes the data dirs. */
  stop(): Promise<void>;
}

/** A port nobody listens on now (the kernel picks it; the gap before etcd binds it is tiny). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startEtcd(options: { members?: number; tls?: EtcdTlsFiles } = {}): Promise<EtcdCluster> {
  const count = options.members ?? 1;
  const root = mkdtempSync(join(tmpdir(), "ippool-etcd-"));
  const scheme = options.tls ? "https" : "http";
  const members: EtcdMember[] = [];
  for (let i = 0; i < count; i++) {
    members.push({
      name: `m${i}`,
      clientUrl: `${scheme}://127.0.0.1:${await freePort()}`,
      peerUrl: `http://127.0.0.1:${await freePort()}`,
      dataDir: join(root, `m${i}`),
      process: undefined,
      log: "",
    });
  }
  const initialCluster = members.map((member) => `${member.name}=${member.peerUrl}`).join(",");
  const tlsArgs = options.tls
    ? [
        `--cert-file=${options.tls.serverCertFile}`,
        `--key-file=${options.tls.serverKeyFile}`,
        `--trusted-ca-file=${options.tls.caFile}`,
        ...(options.tls.clientCertFile ? ["--client-cert-auth"] : []),
      ]
    : [];
  const launch = (member: EtcdMember) => {
    const child = spawn(
      ETCD_BINARY,
      [
        `--name=${member.name}`,
        `--data-dir=${member.dataDir}`,
        `--listen-client-urls=${member.clientUrl}`,
        `--advertise-client-urls=${member.clientUrl}`,
        `--listen-peer-urls=${member.peerUrl}`,
        `--initial-advertise-peer-urls=${member.peerUrl}`,
        `--initial-cluster=${initialCluster}`,
        "--initial-cluster-state=new",
        "--initial-cluster-token=ippool-test",
        // Tests share 2 cores with other work: a lagging heartbeat must not start elections.
        "--heartbeat-interval=100",
        "--election-timeout=1000",
        ...tlsArgs,
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    child.stderr!.on("data", (chunk: Buffer) => (member.log = (member.log + chunk.toString()).slice(-20_000)));
    member.process = child;
  };
  const health = healthChecker(options.tls);
  const waitHealthy = async (which: readonly EtcdMember[]) => {
    const until = Date.now() + 30_000;
    for (;;) {
      const answers = await Promise.all(which.map((member) => health(member.clientUrl)));
      if (answers.every(Boolean)) return;
      const dead = which.find((member) => member.process?.exitCode !== null);
      if (dead || Date.now() > until) {
        await stop();
        throw new Error(
          `etcd member ${dead?.name ?? "?"} did not become healthy:\n${(dead ?? which[0]!).log.slice(-3000)}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const killMember = async (member: EtcdMember) => {
    const child = member.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
  };
  const stop = async () => {
    await Promise.all(members.map(killMember));
    rmSync(root, { recursive: true, force: true });
  };
  members.forEach(launch);
  await waitHealthy(members);
  return {
    endpoints: members.map((member) => member.clientUrl),
    members,
    kill: (index) => killMember(members[index]!),
    restart: async (index) => {
      launch(members[index]!);
      await waitHealthy(
        members.filter((member) => member.process?.exitCode === null && member.process.signalCode === null),
      );
    },
    leader: async () => {
      for (const [index, member] of members.entries()) {
        const reply = await post(member.clientUrl, "/v3/maintenance/status", options.tls).catch(() => undefined);
        if (reply && reply.leader === reply.header?.member_id) return index;
      }
      throw new Error("no etcd member says it leads");
    },
    stop,
  };
}

/** Whether a member answers a linearizable read: it is up and the cluster has a leader. */
function healthChecker(tls: EtcdTlsFiles | undefined): (url: string) => Promise<boolean> {
  return async (url) => {
    const reply = await post(url, "/v3/kv/range", tls, { key: Buffer.from("health").toString("base64") }).catch(
      () => undefined,
    );
    return reply?.header !== undefined;
  };
}

/** POSTs `body` as JSON to a member's gateway and parses the reply. */
export function post(url: string, path: string, tls: EtcdTlsFiles | undefined, body: unknown = {}): Promise<any> {
  const secure = url.startsWith("https:");
  const tlsOptions =
    secure && tls
      ? {
          ca: readFileSync(tls.caFile),
          ...(tls.clientCertFile
            ? { cert: readFileSync(tls.clientCertFile), key: readFileSync(tls.clientKeyFile!) }
            : {}),
        }
      : {};
  return new Promise((resolve, reject) => {
    const request = (secure ? https : http).request(
      new URL(path, url),
      { method: "POST", timeout: 2000, ...tlsOptions },
      (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => {
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(error);
          }
        });
      },
    );
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", reject);
    request.end(JSON.stringify(body));
  });
}
