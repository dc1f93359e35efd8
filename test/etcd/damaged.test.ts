// A value in etcd that is not ippool's JSON is code 104 naming the etcd key, for the plugin and the CLI, and is never reset.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { skipUnlessReady } from "../e2e/prerequisites.js";
import { ETCD_BINARY, startEtcd, type EtcdCluster } from "../helpers/etcd.js";
import { execCli, execPlugin, poolDoc } from "../helpers/ippool.js";

if (!skipUnlessReady("etcd damaged values", [`file:${ETCD_BINARY}`])) {
  describe("etcd datastore with a damaged value", () => {
    let cluster: EtcdCluster;
    beforeAll(async () => {
      cluster = await startEtcd();
    });
    afterAll(async () => cluster?.stop());
    const etcdctl = (...args: string[]) =>
      execFileSync("/usr/bin/etcdctl", [`--endpoints=${cluster.endpoints[0]}`, ...args], {
        env: { ETCDCTL_API: "3" },
        encoding: "utf8",
      });

    it.each([
      ["not JSON", "{ garbage", "not JSON"],
      ["JSON of the wrong shape", '{"pool":"10.64.0.0/24","b1tmap":""}', "unexpected content"],
    ])("names the key of a block that is %s", async (_what, value, why) => {
      const prefix = `/damaged-${why.replace(/\W/g, "")}`;
      const conf = {
        cniVersion: "1.1.0",
        name: "dmgnet",
        ipam: {
          type: "ippool",
          ipPools: [poolDoc("10.64.0.0/24")],
          datastore: { type: "etcd", endpoints: cluster.endpoints, prefix },
        },
      };
      expect((await execPlugin({ command: "ADD", containerId: "first" }, conf)).code).toBe(0);
      // The first ADD claimed block 0 for this node; the second reads it to take its next address.
      const key = `${prefix}/block/10.64.0.0_24/0`;
      etcdctl("put", key, value);
      const add = await execPlugin({ command: "ADD", containerId: "second" }, conf);
      expect(add.json).toMatchObject({ code: 104, msg: expect.stringContaining(`etcd key ${key} is damaged: ${why}`) });
      expect((await execPlugin({ command: "STATUS" }, conf)).json).toMatchObject({
        code: 50,
        msg: expect.stringContaining(key),
      });
      const usage = await execCli(["usage", "--etcd-endpoints", cluster.endpoints[0]!, "--etcd-prefix", prefix]);
      expect([usage.code, usage.stderr]).toEqual([1, expect.stringContaining(`etcd key ${key} is damaged`)]);
      expect(etcdctl("get", key, "--print-value-only").trim()).toBe(value);
      // The way out names the etcd store's own flags, and works run exactly as printed.
      const rebuild = `ippool blocks rebuild 10.64.0.0/26 --etcd-endpoints ${cluster.endpoints.join(",")} --etcd-prefix ${prefix}`;
      expect(add.json.details).toContain(`rebuild it from the attachment records with '${rebuild}'`);
      expect(usage.stderr).toContain(`'${rebuild}'`);
      const rebuilt = await execCli(rebuild.split(" ").slice(1));
      expect(rebuilt.stdout, rebuilt.stderr).toMatch(
        /^rebuilt block 10\.64\.0\.0\/26 of node \S+ from the attachment records: 1 address\(es\) held\n$/,
      );
      expect((await execPlugin({ command: "ADD", containerId: "second" }, conf)).json.ips[0].address).toBe(
        "10.64.0.3/24",
      );
    });
  });
}
