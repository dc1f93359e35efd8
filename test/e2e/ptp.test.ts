// e2e: Debian's ptp plugin with ippool at every spec version the plugin supports.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useE2eSuite } from "./suite-fixture.js";
import { attachmentFile, CniRuntime, customize, loadExample } from "./cni-runtime.js";
import { expectConfigured, expectHostOfPool, firstHost, inlinePoolCidrs, resultIps } from "./expectations.js";
import { hostPart, linkExists, ping, routesOf } from "./netns.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "./prerequisites.js";

const skip = skipUnlessReady("ptp plugin with ippool", [...NAMESPACE_BASICS, "plugin:ptp"]);

// libcni 1.1 plugins speak 0.1.0 to 1.0.0; ptp re-encodes ippool's result for each.
// (A /32 "addressPrefix: host" result does not suit ptp 1.1.1: it adds the result's routes before
// its link route to the gateway, so "0.0.0.0/0 via gateway" fails as unreachable.)
const cases = ["0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0"].map((cniVersion, index) => ({
  file: "ptp.conflist",
  cniVersion,
  tag: String(index),
}));

describe.skipIf(skip)("ptp plugin with ippool", () => {
  const suite = useE2eSuite("p", "ptp");
  const { lab } = suite;

  it.each(cases)(
    "$file at cniVersion $cniVersion: the container reaches the host side over its host route, and DEL cleans up",
    async ({ file, cniVersion, tag }) => {
      const node = await lab.add(`n${tag}`);
      const dataDir = `${suite.data.path}/${tag}`;
      const conflist = { ...customize(loadExample(file), { dataDir }), cniVersion };
      const [pool] = inlinePoolCidrs(conflist) as [string];
      const runtime = new CniRuntime(conflist, { hostNetns: node, cniPath: suite.bin.dirs });
      const container = { containerId: `ctr-${process.pid}-${tag}`, netns: await lab.add(`c${tag}`), ifname: "eth0" };

      const [ip, ...others] = resultIps(await runtime.add(container));
      expect(others).toEqual([]);
      expectHostOfPool(ip!.address, pool);
      expect(ip!.address.split("/")[1]).toBe(pool.split("/")[1]);
      // ptp puts the gateway on its host-side veth: without one it cannot configure the link.
      expect(ip!.gateway).toBe(firstHost(pool));
      await expectConfigured(container.netns, "eth0", [ip!]);

      const address = hostPart(ip!.address);
      const hostRoute = (await routesOf(node, 4)).find((route) => route.dst === address);
      expect(hostRoute?.dev).toMatch(/^veth/);
      expect(await routesOf(container.netns, 4)).toContainEqual(
        expect.objectContaining({ dst: "default", gateway: firstHost(pool) }),
      );
      expect(await ping(container.netns, firstHost(pool))).toBe(true);
      expect(await ping(node, address)).toBe(true);

      if (!["0.1.0", "0.2.0", "0.3.0", "0.3.1"].includes(cniVersion)) await runtime.check(container);

      await runtime.del(container);
      expect(await linkExists(container.netns, "eth0")).toBe(false);
      expect((await routesOf(node, 4)).find((route) => route.dst === address)).toBeUndefined();
      expect(existsSync(attachmentFile(dataDir, conflist.name, container.containerId, "eth0"))).toBe(false);
      await runtime.del(container);
      await lab.remove(container.netns);
      await lab.remove(node);
    },
  );
});
