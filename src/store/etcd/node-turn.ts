// Turn-taking among the ippool processes of one node for etcd commits: a Linux abstract unix socket as the token.
import { connect, createServer, type Server, type Socket } from "node:net";
import { StoreError } from "../store-error.js";

/**
 * Optimistic commits alone do badly when a hundred processes of one node write the same key at
 * once (a node's block, a pool's state): each round only one wins and the rest re-read and retry
 * until the deadline. Taking turns on the node first leaves conflicts to other nodes. The token
 * is a listening socket bound to a name in the abstract namespace: the kernel frees it the moment
 * its holder exits, SIGKILL included, so a dead holder never stalls the others (a lock file
 * would, until it went stale). Waiters connect to the holder and sleep until that connection
 * closes, rather than polling. Safety never rests on this: the commit's compares carry it.
 */
export async function withNodeTurn<T>(name: string, deadline: number, work: () => Promise<T>): Promise<T> {
  const release = await takeTurn(`\0ippool-etcd:${name}`.slice(0, 100), deadline);
  try {
    return await work();
  } finally {
    release();
  }
}

async function takeTurn(path: string, deadline: number): Promise<() => void> {
  for (;;) {
    const release = await tryBind(path);
    if (release) return release;
    if (Date.now() >= deadline) {
      throw new StoreError(
        "unavailable",
        "other ippool processes on this node kept the etcd store busy for as long as this call may wait; nothing was written",
        "retry, or raise ipam.lockWaitSeconds",
      );
    }
    await untilReleased(path, deadline);
  }
}

/** The token when it was free: a function that hands it on (waking every waiter). */
function tryBind(path: string): Promise<(() => void) | undefined> {
  return new Promise((resolve, reject) => {
    const server: Server = createServer();
    const waiters = new Set<Socket>();
    server.on("connection", (socket) => {
      socket.unref();
      waiters.add(socket);
    });
    server.once("error", (error: NodeJS.ErrnoException) =>
      error.code === "EADDRINUSE" ? resolve(undefined) : reject(error),
    );
    server.listen({ path }, () => {
      // Holding the token must not keep a finished process alive.
      server.unref();
      resolve(() => {
        server.close();
        for (const socket of waiters) socket.destroy();
      });
    });
  });
}

/** Resolves when the holder lets go or dies, or at the deadline; a refused connection (no holder now) after a short pause. */
function untilReleased(path: string, deadline: number): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ path });
    let refused = false;
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      setTimeout(resolve, refused ? Math.random() * 5 : 0);
    };
    const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
    socket.once("error", () => {
      refused = true;
      done();
    });
    socket.once("close", done);
  });
}
