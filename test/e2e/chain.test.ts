// e2e: a conflist chain (bridge with ippool, then tuning): the result flows through the chain, CHECK and DEL run through it.
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { useE2eSuite } from "./suite-fixture.js";
import { attachmentFile, CniCallError, CniRuntime, customize, loadExample } from "./cni-runtime.js";
import { expectConfigured, inlinePoolCidrs, resultIps } from "./expectations.js";
import { linkExists } from "./netns.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "./prerequisites.js";

const skip = skipUnlessReady("bridge + tuning chain with ippool", [
  ...NAMESPACE_BASICS,
  "plugin:bridge",
  "plugin:tuning",
]);

// tuning rather than portmap: portmap 1.1.1 (Debian bookworm) fails every CHECK with "could not
// check ipv6 dnat ... not found" (it looks for the IPv4 rules in the IPv6 chain), whatever the IPAM.
describe.skipIf(skip)("bridge + tuning chain with ippool", () => {
  const suite = useE2eSuite("c", "chain");
  const { lab } = suite;

  it("passes ippool's addresses through tuning, CHECKs through the chain, and DELs in reverse", async () => {
    const node = await lab.add("n");
    const conflist = customize(loadExample("bridge-tuning.conflist"), {
      dataDir: suite.data.path,
      bridge: lab.name("br").slice(0, 15),
    });
    const runtime = new CniRuntime(conflist, { hostNetns: node, cniPath: suite.bin.dirs });
    const container = { containerId: `ctr-${process.pid}`, netns: await lab.add("a"), ifname: "eth0" };

    const result = await runtime.add(container);
    const ips = resultIps(result);
    expect(ips.map((ip) => ip.family).sort()).toEqual([4, 6]);
    expect(ips.map((ip) => ip.address.split("/")[0]).sort()).toEqual(["10.65.0.2", "fd00:65::2"]);
    expect(inlinePoolCidrs(conflist)).toEqual(["10.65.0.0/24", "fd00:65::/64"]);
    await expectConfigured(container.netns, "eth0", ips);
    // tuning acted on the interface the bridge plugin made: the chain really ran in order.
    expect(await lab.exec(container.netns, ["cat", "/sys/class/net/eth0/mtu"])).toBe("1400\n");
    expect(await lab.exec(container.netns, ["sysctl", "-n", "net.ipv4.conf.eth0.rp_filter"])).toBe("2\n");

    await runtime.check(container);
    // A prevResult naming an address ippool never gave this container: ippool's CHECK (run by the bridge plugin) objects.
    const doctored = {
      ...result,
      ips: result.ips.map((ip: { address: string }) => ({
        ...ip,
        address: ip.address.replace("10.65.0.2", "10.65.0.77"),
      })),
    };
    const failure = await runtime.check(container, doctored).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CniCallError);
    expect((failure as CniCallError).plugin).toBe("bridge");
    expect((failure as CniCallError).json).toMatchObject({ code: 105, msg: expect.stringContaining("10.65.0.77") });

    await runtime.del(container);
    expect(await linkExists(container.netns, "eth0")).toBe(false);
    expect(existsSync(attachmentFile(suite.data.path, conflist.name, container.containerId, "eth0"))).toBe(false);
    await runtime.del(container);
  });
});
