// The Store contract against a real single-member etcd, each test under its own key prefix.
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { ETCD_BINARY, startEtcd, type EtcdCluster } from "../helpers/etcd.js";
import { EtcdStore } from "../../src/store/etcd/etcd-store.js";
import { storeContract } from "./store-contract.js";

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
      const open = (node: string) => new EtcdStore({ endpoints: cluster!.endpoints, prefix, timeoutMs: 20_000, turn: `${prefix}-${node}` });
      return { first: open("a"), second: open("b"), cleanup: () => undefined };
    },
  });
}
