// The Store contract against a real single-member etcd, each test under its own key prefix.
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { ETCD_BINARY, startEtcd, type EtcdCluster } from "../helpers/etcd.js";
import { EtcdStore } from "../../src/store/etcd/etcd-store.js";
import { storeContract } from "./store-contract.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod/mini";

let cluster: EtcdCluster | undefined;
let serial = 0;

if (!skipUnlessReady("etcd store contract", [`file:${ETCD_BINARY}`])) {
  storeContract("etcd", {
    setup: async () => {
      cluster = await startEtcd();
    },
    teardown: async () => cluster?.stop(),
    open: async () => {
      const prefix = `/contract/${process.pid}-${serial++}`;
      // Two nodes: processes of one node take turns, so only handles of two nodes meet in a commit.
      const open = (node: string) =>
        new EtcdStore({ endpoints: cluster!.endpoints, prefix, timeoutMs: 20_000, turn: `${prefix}-${node}` });
      return { first: open("a"), second: open("b"), cleanup: () => undefined };
    },
  });

  describe("etcd store conflicts", () => {
    // The contract suite stops its cluster when it is done: this one has its own.
    let own: EtcdCluster;
    beforeAll(async () => {
      own = await startEtcd();
    });
    afterAll(async () => own?.stop());
    it("retries a conflict for as long as the call's deadline allows, not a fixed number of times", async () => {
      const prefix = `/conflicts/${process.pid}`;
      const open = (node: string) =>
        new EtcdStore({ endpoints: own.endpoints, prefix, timeoutMs: 30_000, turn: `${prefix}-${node}` });
      const [loser, winner] = [open("a"), open("b")];
      const counter = z.object({ n: z.number() });
      await winner.update(async (txn) => txn.put("counter", { n: 0 }));
      let runs = 0;
      // Another node commits between this work's read and its commit, forty times over.
      await loser.update(async (txn) => {
        const current = (await txn.get("counter", counter))!.n;
        if (runs++ < 40)
          await winner.update(async (other) =>
            other.put("counter", { n: (await other.get("counter", counter))!.n + 1 }),
          );
        txn.put("counter", { n: current + 100 });
      });
      expect([runs, loser.conflictsRetried]).toEqual([41, 40]);
      expect(await loser.read((txn) => txn.get("counter", counter))).toEqual({ n: 140 });
    }, 60_000);
  });
}
