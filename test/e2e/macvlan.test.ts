// e2e: Debian's macvlan plugin with ippool, on a veth parent inside the test's node namespace.
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
import { expectConfigured, expectHostOfPool, inlinePoolCidrs, resultIps } from "./expectations.js";
import { addVethPair, hostPart, linkExists, ping } from "./netns.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "./prerequisites.js";

const skip = skipUnlessReady("macvlan plugin with ippool", [...NAMESPACE_BASICS, "plugin:macvlan"]);

describe.skipIf(skip)("macvlan plugin with ippool", () => {
  const suite = useE2eSuite("m", "macvlan");
  const { lab } = suite;

  it("gives two macvlan containers distinct pool addresses that reach each other, and DEL releases them", async () => {
    const node = await lab.add("n");
    // This kernel has no dummy (nor ipvlan) link type; an up veth pair is a parent with carrier,
    // and macvlan "bridge" mode switches between sibling macvlans locally.
    await addVethPair(lab, node, "parent0", "parent1");
    const conflist = customize(loadExample("macvlan.conflist"), { dataDir: suite.data.path, master: "parent0" });
    const [pool] = inlinePoolCidrs(conflist) as [string];
    const runtime = new CniRuntime(conflist, { hostNetns: node, cniPath: suite.bin.dirs });
    const containers: Attachment[] = [];
    for (const name of ["a", "b"])
      containers.push({ containerId: `ctr-${name}-${process.pid}`, netns: await lab.add(name), ifname: "eth0" });

    const ips = [];
    for (const container of containers) {
      const [ip, ...others] = resultIps(await runtime.add(container));
      expect(others).toEqual([]);
      expectHostOfPool(ip!.address, pool);
      await expectConfigured(container.netns, "eth0", [ip!]);
      ips.push(hostPart(ip!.address));
    }
    expect(ips[0]).not.toBe(ips[1]);
    for (const container of containers) await runtime.check(container);
    expect(await ping(containers[0]!.netns, ips[1]!)).toBe(true);
    expect(await ping(containers[1]!.netns, ips[0]!)).toBe(true);

    for (const container of containers) {
      await runtime.del(container);
      expect(await linkExists(container.netns, "eth0")).toBe(false);
      expect(existsSync(attachmentFile(suite.data.path, conflist.name, container.containerId, "eth0"))).toBe(false);
      await runtime.del(container);
    }
    expect(storedAttachments(suite.data.path, conflist.name)).toEqual([]);
  });
});
