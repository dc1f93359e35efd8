// e2e: leaked addresses as a user meets them (namespaces gone without DEL), found by STATUS and reclaimed by GC (CNI 1.1).
import { describe, expect, it } from "vitest";
import { useE2eSuite } from "./suite-fixture.js";
import { execCli, execPlugin } from "../helpers/ippool.js";
import {
  CniCallError,
  CniRuntime,
  customize,
  loadExample,
  storedAttachments,
  type Attachment,
  type Conflist,
} from "./cni-runtime.js";
import { resultIps } from "./expectations.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "./prerequisites.js";

const skip = skipUnlessReady("leak recovery with GC and STATUS", [...NAMESPACE_BASICS, "plugin:bridge"]);

/**
 * GC and STATUS are CNI 1.1 verbs and Debian's plugins stop at 1.0.0, so they are exec'd on
 * ippool directly, the way a 1.1 runtime's libcni would: the bridge plugin's config (the IPAM
 * sees the main plugin's config) at cniVersion 1.1.0, and no container variables.
 */
function ippoolVerb(command: "GC" | "STATUS", conflist: Conflist, extra: Record<string, unknown> = {}) {
  const conf = { ...conflist.plugins[0], name: conflist.name, cniVersion: "1.1.0", ...extra };
  return execPlugin(
    { command, env: { CNI_CONTAINERID: undefined, CNI_NETNS: undefined, CNI_IFNAME: undefined } },
    conf,
  );
}

describe.skipIf(skip)("leak recovery with GC and STATUS", () => {
  const suite = useE2eSuite("l", "leak");
  const { lab } = suite;

  it("fills a /29 through the bridge plugin, loses three namespaces without DEL, and gets their addresses back with GC", async () => {
    const node = await lab.add("n");
    const conflist = customize(loadExample("bridge-small-pool.conflist"), {
      dataDir: suite.data.path,
      bridge: lab.name("br").slice(0, 15),
    });
    const runtime = new CniRuntime(conflist, { hostNetns: node, cniPath: suite.bin.dirs });
    const container = async (index: number): Promise<Attachment> => ({
      containerId: `ctr-${index}-${process.pid}`,
      netns: await lab.add(`c${index}`),
      ifname: "eth0",
    });

    expect(await ippoolVerb("STATUS", conflist)).toMatchObject({ code: 0, stdout: "" });

    // 10.66.0.0/29: network .0, gateway .1 and broadcast .7 are never handed out, so five fit.
    const containers: Attachment[] = [];
    for (let index = 0; index < 5; index++) containers.push(await container(index));
    const addresses = [];
    for (const attachment of containers) addresses.push(resultIps(await runtime.add(attachment))[0]!.address);
    expect([...addresses].sort()).toEqual([
      "10.66.0.2/29",
      "10.66.0.3/29",
      "10.66.0.4/29",
      "10.66.0.5/29",
      "10.66.0.6/29",
    ]);

    const status = await ippoolVerb("STATUS", conflist);
    expect(status.code).not.toBe(0);
    expect(status.json).toMatchObject({ code: 50, msg: expect.stringContaining("10.66.0.0/29") });

    // A reboot or a crashed runtime: the namespaces vanish and nobody calls DEL.
    const [live, lost] = [containers.slice(0, 2), containers.slice(2)];
    for (const attachment of lost) await lab.remove(attachment.netns);

    const latecomer = await container(5);
    const failure = await runtime.add(latecomer).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CniCallError);
    expect((failure as CniCallError).json).toMatchObject({ code: 100, msg: expect.stringContaining("10.66.0.0/29") });
    // Runtimes call DEL after a failed ADD; it must succeed although ippool holds nothing for it.
    await runtime.del(latecomer);

    const valid = live.map((attachment) => ({ containerID: attachment.containerId, ifname: attachment.ifname }));
    const gc = await ippoolVerb("GC", conflist, { "cni.dev/valid-attachments": valid });
    expect(gc).toMatchObject({ code: 0, stdout: "" });
    expect(storedAttachments(suite.data.path, conflist.name)).toEqual(
      live.map((attachment) => `${attachment.containerId}:eth0`).sort(),
    );
    expect(await ippoolVerb("STATUS", conflist)).toMatchObject({ code: 0, stdout: "" });
    // GC released whole attachments: bitmaps, owners and counts still agree.
    expect(await execCli(["verify"], { dataDir: suite.data.path })).toMatchObject({ code: 0 });

    const [ip] = resultIps(await runtime.add(latecomer));
    expect(addresses.slice(2)).toContain(ip!.address);
    await runtime.check(latecomer);
    for (const attachment of [...live, latecomer]) await runtime.check(attachment);
    for (const attachment of [...live, latecomer]) await runtime.del(attachment);
    expect(storedAttachments(suite.data.path, conflist.name)).toEqual([]);
  });
});
