// Turn-taking among the ippool processes of one node for etcd commits: a Linux abstract unix socket as the token.
import { createServer, type Server } from "node:net";
import { CniError, ErrorCode } from "../cni/errors.js";

/**
 * Optimistic commits alone do badly when a hundred processes of one node write the same key at
 * once (a node's block, a pool's state): each round only one wins and the rest re-read and retry
 * until the deadline. Taking turns on the node first leaves conflicts to other nodes. The token
 * is a bound name in the abstract socket namespace: the kernel frees it the moment its holder
 * exits, SIGKILL included, so a dead holder never stalls the others (a lock file would, until it
 * went stale). Safety never rests on it: the commit's compares do that.
 */
export async function withNodeTurn<T>(name: string, deadline: number, work: () => Promise<T>): Promise<T> {
  const token = await takeTurn(`\0ippool-etcd:${name}`.slice(0, 100), deadline);
  try {
    return await work();
  } finally {
    token.close();
  }
}

async function takeTurn(path: string, deadline: number): Promise<Server> {
  for (let attempt = 0; ; attempt++) {
    const server = await tryBind(path);
    if (server) return server;
    const pause = Math.random() * Math.min(50, 2 * 2 ** attempt);
    if (Date.now() + pause >= deadline) {
      throw new CniError(ErrorCode.tryAgainLater, "other ippool processes on this node kept the etcd store busy until the deadline; nothing was written", "retry, or raise ipam.datastore.timeoutSeconds");
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
  }
}

function tryBind(path: string): Promise<Server | undefined> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", (error: NodeJS.ErrnoException) => (error.code === "EADDRINUSE" ? resolve(undefined) : reject(error)));
    server.listen({ path }, () => {
      // Holding the token must not keep a finished process alive.
      server.unref();
      resolve(server);
    });
  });
}
