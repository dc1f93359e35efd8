// e2e: real containers: Debian's podman (CNI backend, runc) on a network whose bridge plugin uses ippool, all config in a temp dir.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { execCli } from "../helpers/ippool.js";
import { attachmentFile, customize, loadExample, storedAttachments } from "./cni-runtime.js";
import { expectHostOfPool, inlinePoolCidrs } from "./expectations.js";
import { attempt, linkExists, ping } from "./netns.js";
import { containerAddress, containerNetns, PODMAN_PREREQUISITES, runContainer, usePodmanHost } from "./podman-host.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "./prerequisites.js";

const skip = skipUnlessReady("podman with ippool", [...NAMESPACE_BASICS, ...PODMAN_PREREQUISITES]);

/** `ippool allocations -o json` for the podman network (filtered here: --network of a network that holds none is an error). */
async function allocations(dataDir: string) {
  const listed = await execCli(["allocations", "-o", "json"], { dataDir });
  expect(listed).toMatchObject({ code: 0, stderr: "" });
  type Listed = {
    network: string;
    containerId: string;
    ifname: string;
    podName?: string;
    addresses: { address: string }[];
  };
  return (JSON.parse(listed.stdout) as Listed[])
    .filter((entry) => entry.network === network)
    .map(({ containerId, ifname, podName, addresses }) => ({
      containerId,
      ifname,
      podName,
      addresses: addresses.map((entry) => entry.address),
    }))
    .sort((left, right) => left.containerId.localeCompare(right.containerId));
}

const network = loadExample("podman-bridge.conflist").name;

describe.skipIf(skip)("podman with ippool", () => {
  const host = usePodmanHost("o", {
    network: (overrides) => customize(loadExample("podman-bridge.conflist"), overrides),
  });

  it("starts two --rootfs containers with pool addresses that reach each other, and podman rm releases them", async () => {
    const dataDir = join(host.root, "ippool");
    const [pool] = inlinePoolCidrs(host.conflist) as [string];
    const ids: string[] = [];
    for (const name of ["ca", "cb"]) ids.push(await runContainer(host, name));
    const addresses: string[] = [];
    const sandboxes: string[] = [];
    for (const id of ids) {
      const address = await containerAddress(host, id);
      expectHostOfPool(address, pool);
      // The store holds the attachment under podman's container id and interface.
      expect(existsSync(attachmentFile(dataDir, network, id, "eth0"))).toBe(true);
      addresses.push(address);
      sandboxes.push(await containerNetns(host, id));
    }
    expect(addresses[0]).not.toBe(addresses[1]);
    // The bridge podman's plugins made is in the node namespace, not on the machine's own network.
    expect(await linkExists(host.node, host.bridge)).toBe(true);
    expect((await attempt("ip", ["link", "show", "dev", host.bridge])).code).not.toBe(0);
    // What an operator sees: both containers under podman's ids, with the pod name podman passed in CNI_ARGS.
    expect(await allocations(dataDir)).toEqual(
      [
        { containerId: ids[0], ifname: "eth0", podName: "ca", addresses: [addresses[0]] },
        { containerId: ids[1], ifname: "eth0", podName: "cb", addresses: [addresses[1]] },
      ].sort((left, right) => left.containerId!.localeCompare(right.containerId!)),
    );
    expect(await ping(sandboxes[0]!, addresses[1]!)).toBe(true);
    expect(await ping(sandboxes[1]!, addresses[0]!)).toBe(true);
    // The same from inside the container, with the container's own busybox ping.
    await host.podman(["exec", "ca", "ping", "-c", "1", "-w", "5", addresses[1]!]);

    await host.podman(["rm", "-f", "-t", "0", ...ids]);
    expect(storedAttachments(dataDir, network)).toEqual([]);
    expect(await allocations(dataDir)).toEqual([]);
  });
});
