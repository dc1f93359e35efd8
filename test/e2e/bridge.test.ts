// e2e: Debian's bridge plugin (isGateway) with ippool as IPAM, IPv4 / IPv6 / dual-stack at each CNI version, in test namespaces.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useE2eSuite } from "./suite-fixture.js";
import {
  attachmentFile,
  CniRuntime,
  customize,
  loadExample,
  storedAttachments,
  type Attachment,
} from "./cni-runtime.js";
import { expectConfigured, expectHostOfPool, familyOf, firstHost, inlinePoolCidrs, resultIps } from "./expectations.js";
import { addressesOf, hostPart, linkExists, ping, routesOf } from "./netns.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "./prerequisites.js";

const skip = skipUnlessReady("bridge plugin with ippool", [...NAMESPACE_BASICS, "plugin:bridge"]);

const setups = [
  { stack: "IPv4", file: "bridge-inline-ipv4.conflist" },
  { stack: "IPv6", file: "bridge-inline-ipv6.conflist" },
  { stack: "dual-stack", file: "bridge-dualstack.conflist" },
];
// Debian's plugins are built on libcni 1.1; these are the result shapes the bridge plugin re-encodes.
const versions = ["0.3.1", "0.4.0", "1.0.0"];
const cases = setups
  .flatMap((setup) => versions.map((cniVersion) => ({ ...setup, cniVersion })))
  .map((entry, index) => ({ ...entry, tag: String(index) }));

describe.skipIf(skip)("bridge plugin (isGateway) with ippool", () => {
  const suite = useE2eSuite("b", "bridge");
  const { lab } = suite;

  it.each(cases)(
    "$stack at cniVersion $cniVersion: two containers get distinct pool addresses, reach each other, and every DEL releases",
    async ({ file, cniVersion, tag }) => {
      const node = await lab.add(`n${tag}`);
      const bridge = lab.name("br").slice(0, 15);
      const conflist = {
        ...customize(loadExample(file), { dataDir: `${suite.data.path}/${tag}`, bridge }),
        cniVersion,
      };
      const pools = inlinePoolCidrs(conflist);
      const runtime = new CniRuntime(conflist, { hostNetns: node, cniPath: suite.bin.dirs });
      const containers: Attachment[] = [];
      for (const name of ["a", "b"]) {
        containers.push({
          containerId: `ctr-${name}-${process.pid}`,
          netns: await lab.add(`${name}${tag}`),
          ifname: "eth0",
          args: "IgnoreUnknown=1;K8S_POD_NAME=" + name,
        });
      }

      const results = [];
      for (const container of containers) results.push(resultIps(await runtime.add(container)));

      // One address per pool family, in the pool, configured on eth0 with the pool's prefix and
      // the same gateway (network+1, which the bridge itself holds) for every container.
      for (const [index, ips] of results.entries()) {
        expect(ips.map((ip) => ip.family).sort()).toEqual(pools.map(familyOf).sort());
        for (const pool of pools) {
          const ip = ips.find((entry) => entry.family === familyOf(pool))!;
          expectHostOfPool(ip.address, pool);
          expect(ip.address.split("/")[1]).toBe(pool.split("/")[1]);
          expect(ip.gateway).toBe(firstHost(pool));
        }
        await expectConfigured(containers[index]!.netns, "eth0", ips);
      }
      const [first, second] = results as [(typeof results)[0], (typeof results)[0]];
      const taken = new Set(first.map((ip) => ip.address));
      expect(second.filter((ip) => taken.has(ip.address))).toEqual([]);
      const bridgeAddresses = (await addressesOf(node, bridge)).map((entry) => `${entry.address}/${entry.prefix}`);
      for (const pool of pools) expect(bridgeAddresses).toContain(`${firstHost(pool)}/${pool.split("/")[1]}`);
      for (const pool of pools) {
        const routes = await routesOf(containers[0]!.netns, familyOf(pool));
        expect(routes).toContainEqual(expect.objectContaining({ dst: "default", gateway: firstHost(pool) }));
      }

      // CHECK exists from 0.4.0 on (libcni refuses it for older lists).
      if (cniVersion !== "0.3.1") for (const container of containers) await runtime.check(container);

      for (const ip of second) expect(await ping(containers[0]!.netns, hostPart(ip.address))).toBe(true);
      for (const pool of pools) expect(await ping(containers[1]!.netns, firstHost(pool))).toBe(true);
      for (const ip of first) expect(await ping(containers[1]!.netns, hostPart(ip.address))).toBe(true);

      const [a, b] = containers as [Attachment, Attachment];
      await runtime.del(a);
      expect(await linkExists(a.netns, "eth0")).toBe(false);
      expect(existsSync(attachmentFile(`${suite.data.path}/${tag}`, conflist.name, a.containerId, "eth0"))).toBe(false);
      await runtime.del(a);

      // The namespace vanishes first (a crashed runtime, a reboot): DEL must still release the address.
      await lab.remove(b.netns);
      expect(existsSync(attachmentFile(`${suite.data.path}/${tag}`, conflist.name, b.containerId, "eth0"))).toBe(true);
      await runtime.del(b);
      expect(storedAttachments(`${suite.data.path}/${tag}`, conflist.name)).toEqual([]);
      await lab.remove(a.netns);
      await lab.remove(node);
    },
  );
});
