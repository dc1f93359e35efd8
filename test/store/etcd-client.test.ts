// The etcd store against one real member and against endpoints where none listens: failover, refusals, TLS, deadlines, node turns.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { EtcdStore, type EtcdStoreOptions } from "../../src/store/etcd/etcd-store.js";
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { ETCD_BINARY, freePort, post, startEtcd, type EtcdCluster } from "../helpers/etcd.js";

const text = z.string();

if (!skipUnlessReady("etcd client", [`file:${ETCD_BINARY}`])) {
  describe("the etcd store's talk with its members", () => {
    let cluster: EtcdCluster;
    /** An http endpoint on loopback where nothing listens. */
    let nobody = "";
    let serial = 0;
    beforeAll(async () => {
      cluster = await startEtcd();
      nobody = `http://127.0.0.1:${await freePort()}`;
    });
    afterAll(async () => cluster?.stop());

    const open = (options: Partial<EtcdStoreOptions> = {}) =>
      new EtcdStore({
        endpoints: cluster.endpoints,
        prefix: `/client/${process.pid}-${serial++}`,
        timeoutMs: 5_000,
        ...options,
      });
    const put = (store: EtcdStore, key: string, value: string) => store.update(async (txn) => txn.put(key, value));
    const get = (store: EtcdStore, key: string) => store.read((txn) => txn.get(key, text));
    const failure = (promise: Promise<unknown>) =>
      promise.then(
        () => expect.unreachable("it succeeded"),
        (error: unknown) => error as { reason: string; message: string; details?: string },
      );

    it("passes over an endpoint that refuses the connection for one that answers", async () => {
      const store = open({ endpoints: [nobody, cluster.endpoints[0]!] });
      await put(store, "key", "written");
      expect(await get(store, "key")).toBe("written");
    });

    it("names an endpoint that does not answer among verify's notes, which are no problems", async () => {
      const store = open({ endpoints: [cluster.endpoints[0]!, nobody] });
      const facts = await store.notes();
      expect(facts.problems).toEqual([]);
      expect(facts.notes).toEqual([
        expect.stringMatching(
          new RegExp(
            `^etcd member ${nobody} does not answer \\(.*ECONNREFUSED.*\\); the cluster works while a quorum does$`,
          ),
        ),
      ]);
    });

    it("gives up on endpoints where nothing listens after a few rounds, long before the deadline: unavailable (code 11), nothing written", async () => {
      const error = await failure(put(open({ endpoints: [nobody], timeoutMs: 60_000 }), "key", "never"));
      expect(error.reason).toBe("unavailable");
      expect(error.message).toMatch(
        new RegExp(
          `^etcd at ${nobody} refused every connection for [\\d.]+ s: no etcd member listens there; nothing was written; check the endpoints`,
        ),
      );
      expect(error.details).toMatch(/ECONNREFUSED.* \(5 attempts\)$/);
    });

    it("ends a read at its deadline when no member answered: unavailable (code 11), and nothing said of writes", async () => {
      const error = await failure(get(open({ endpoints: [nobody], timeoutMs: 400 }), "key"));
      expect(error).toMatchObject({
        reason: "unavailable",
        message: `etcd cluster at ${nobody} is unavailable: no member answered before the deadline`,
      });
    });

    it("names a TLS file it cannot read, and the flags that reach the store carry every TLS file", async () => {
      const tls = { caFile: "/proc/ippool-none/ca.pem", certFile: "/proc/ippool-none/c.pem" };
      const https = cluster.endpoints[0]!.replace("http:", "https:");
      const store = open({ endpoints: [https], prefix: "/tls", tls });
      expect(await failure(get(store, "key"))).toMatchObject({
        reason: "io",
        message: "cannot read the etcd CA file /proc/ippool-none/ca.pem: ENOENT",
      });
      expect(store.cliFlags).toBe(
        `--etcd-endpoints ${https} --etcd-prefix /tls --etcd-ca-file /proc/ippool-none/ca.pem --etcd-cert-file /proc/ippool-none/c.pem`,
      );
    });

    it("reports a commit of more operations than etcd takes as unavailable (code 11), with the member flag to raise", async () => {
      const store = open();
      const error = await failure(
        store.update(async (txn) => {
          for (let index = 0; index < 200; index++) txn.put(`key-${index}`, "x");
        }),
      );
      expect(error).toMatchObject({
        reason: "unavailable",
        details: "raise --max-txn-ops on every etcd member (the default is 128)",
      });
      expect(error.message).toMatch(/^etcd refused the transaction: .*too many operations/);
      expect(await get(store, "key-0")).toBeUndefined();
    });

    it("fails a read whose revision etcd compacted meanwhile with unavailable (code 11), to be retried", async () => {
      const store = open();
      await put(store, "a", "1");
      await put(store, "b", "1");
      const error = await failure(
        store.read(async (txn) => {
          await txn.get("a", text);
          // Another writer, then a compaction up to its revision: this read's snapshot is gone.
          await put(open(), "elsewhere", "x");
          const { header } = await post(cluster.endpoints[0]!, "/v3/kv/range", undefined, { key: btoa("x") });
          await post(cluster.endpoints[0]!, "/v3/kv/compaction", undefined, { revision: header.revision });
          return txn.get("b", text);
        }),
      );
      expect(error).toMatchObject({
        reason: "unavailable",
        message: "etcd compacted the revision this transaction read; retry",
      });
    });

    it("calls any other refusal an internal error to report, such as a document over etcd's request size", async () => {
      const error = await failure(put(open(), "huge", "x".repeat(1.7 * 1024 * 1024)));
      expect(error).toMatchObject({ reason: "internal", details: "please report this as a bug" });
      expect(error.message).toMatch(/^internal error: etcd refused a request: .*too large/);
    });

    it("cannot tell whether a commit landed when the member stops answering after receiving it: unavailable (code 11), naming the clean-up", async () => {
      const store = open({ timeoutMs: 1_500 });
      expect(await get(store, "key")).toBeUndefined();
      const member = cluster.members[0]!.process!;
      member.kill("SIGSTOP");
      try {
        const error = await failure(put(store, "key", "maybe"));
        expect(error).toMatchObject({
          reason: "unavailable",
          message: "etcd did not confirm the commit and it cannot be told whether it was applied",
        });
        expect(error.details).toMatch(/a DEL \(or 'ippool release'\) of the same attachment cleans up if it was$/);
      } finally {
        member.kill("SIGCONT");
      }
    });

    describe("turns of one node's processes", () => {
      /** Two handles of one node: the same turn name, as two plugin processes there. */
      const sameNode = (turnWaitMs?: number) => {
        const options = { prefix: `/turns/${process.pid}-${serial++}`, turn: `turn-${process.pid}-${serial}` };
        return [open(options), open({ ...options, ...(turnWaitMs !== undefined ? { turnWaitMs } : {}) })] as const;
      };
      /** An update of `store` that holds its turn until the returned `letGo` is called. */
      async function holdTurn(store: EtcdStore): Promise<{ letGo: () => void; done: Promise<void> }> {
        let letGo!: () => void;
        const released = new Promise<void>((resolve) => (letGo = resolve));
        let started!: () => void;
        const running = new Promise<void>((resolve) => (started = resolve));
        const done = store.update(async (txn) => {
          started();
          await released;
          txn.put("key", "first");
        });
        await running;
        return { letGo, done };
      }

      it("a second commit of the node waits for the first to finish, then reads what it wrote", async () => {
        const [first, second] = sameNode();
        const holder = await holdTurn(first);
        const seen: (string | undefined)[] = [];
        const waiting = second.update(async (txn) => {
          seen.push(await txn.get("key", text));
          txn.put("key", "second");
        });
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(seen).toEqual([]);
        holder.letGo();
        await Promise.all([holder.done, waiting]);
        expect(seen).toEqual(["first"]);
        expect(await get(first, "key")).toBe("second");
      });

      it("a commit that waits for its node's turn longer than it may gives up with unavailable (code 11), writing nothing", async () => {
        const [first, second] = sameNode(200);
        const holder = await holdTurn(first);
        try {
          expect(await failure(put(second, "other", "never"))).toMatchObject({
            reason: "unavailable",
            details: "retry, or raise ipam.lockWaitSeconds",
          });
        } finally {
          holder.letGo();
          await holder.done;
        }
        expect(await get(first, "other")).toBeUndefined();
      });
    });
  });
}
