// e2e: real containers: Debian's podman on a bridge network whose ippool keeps its state in an etcd the suite starts.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ETCD_BINARY } from "../helpers/etcd.js";
import { customize, loadExample } from "./cni-runtime.js";
import { useE2eEtcd } from "./etcd-fixture.js";
import { expectHostOfPool, inlinePoolCidrs } from "./expectations.js";
import { ping } from "./netns.js";
import { containerAddress, containerNetns, PODMAN_PREREQUISITES, runContainer, usePodmanHost } from "./podman-host.js";
import { NAMESPACE_BASICS, skipUnlessReady } from "./prerequisites.js";

const skip = skipUnlessReady("podman with ippool on etcd", [
  ...NAMESPACE_BASICS,
  ...PODMAN_PREREQUISITES,
  `file:${ETCD_BINARY}`,
]);

const prefix = `/ippool-e2e-${process.pid}-podman`;

describe.skipIf(skip)("podman with ippool on the etcd datastore", () => {
  // Registered first: etcd is up before podman's network is written, and stops only after every container is removed.
  const etcd = useE2eEtcd();
  const host = usePodmanHost("op", {
    network: (overrides) =>
      customize(loadExample("podman-bridge.conflist"), { ...overrides, datastore: etcd.datastore(prefix) }),
    prepareNode: (node) => etcd.reachFrom(node),
  });

  /** `ippool allocations -o json` on etcd for the podman network (filtered here: --network of a network that holds none is an error). */
  async function allocations() {
    const listed = await etcd.cli(["allocations", "-o", "json"], prefix);
    expect(listed).toMatchObject({ code: 0, stderr: "" });
    return (
      JSON.parse(listed.stdout) as {
        network: string;
        containerId: string;
        ifname: string;
        podName?: string;
        addresses: { address: string }[];
      }[]
    )
      .filter(({ network }) => network === host.conflist.name)
      .map(({ containerId, ifname, podName, addresses }) => ({
        containerId,
        ifname,
        podName,
        addresses: addresses.map((entry) => entry.address),
      }))
      .sort((left, right) => left.containerId.localeCompare(right.containerId));
  }

  it("starts two --rootfs containers whose pool addresses are recorded in etcd and reach each other, and podman rm releases them", async () => {
    const [pool] = inlinePoolCidrs(host.conflist) as [string];
    const ids = [await runContainer(host, "ca"), await runContainer(host, "cb")];
    const addresses = [await containerAddress(host, ids[0]!), await containerAddress(host, ids[1]!)];
    for (const address of addresses) expectHostOfPool(address, pool);
    expect(addresses[0]).not.toBe(addresses[1]);
    // Recorded in etcd under podman's container ids, with the pod name podman passed in CNI_ARGS.
    expect(await allocations()).toEqual(
      [
        { containerId: ids[0], ifname: "eth0", podName: "ca", addresses: [addresses[0]] },
        { containerId: ids[1], ifname: "eth0", podName: "cb", addresses: [addresses[1]] },
      ].sort((left, right) => left.containerId!.localeCompare(right.containerId!)),
    );
    expect(await ping(await containerNetns(host, ids[0]!), addresses[1]!)).toBe(true);
    await host.podman(["exec", "cb", "ping", "-c", "1", "-w", "5", addresses[0]!]);

    await host.podman(["rm", "-f", "-t", "0", ids[0]!]);
    expect((await allocations()).map((entry) => entry.containerId)).toEqual([ids[1]]);
    await host.podman(["rm", "-f", "-t", "0", ids[1]!]);
    expect(await allocations()).toEqual([]);
    // ipam.dataDir is ignored on etcd: podman's plugins wrote no ippool store into the temp dir.
    expect(readdirSync(host.root)).not.toContain("ippool");
  });
});
