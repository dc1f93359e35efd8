// Unit tests of the rendering: iptables-restore input per family and the ip route arguments.
import { describe, expect, it } from "vitest";
import {
  natChainRules,
  renderNatInput,
  renderNatRemoval,
  renderNatRestore,
  renderPlan,
  routeLine,
} from "../../src/dataplane/render.js";

const NAT = { masqueradePools: ["10.30.0.0/24"], allPools: ["10.30.0.0/24", "10.31.0.0/24"] };

describe("renderNatRestore", () => {
  it("declares (so flushes) our two chains, fills them and adds the POSTROUTING jump when there is none", () => {
    expect(renderNatRestore(NAT, { randomFully: true, jumps: 0, chains: [] })).toBe(
      [
        "*nat",
        ":IPPOOL-POSTROUTING - [0:0]",
        ":IPPOOL-NAT-OUTGOING - [0:0]",
        "-A IPPOOL-POSTROUTING -j IPPOOL-NAT-OUTGOING",
        "-A IPPOOL-NAT-OUTGOING -s 10.30.0.0/24 -d 10.30.0.0/24 -j RETURN",
        "-A IPPOOL-NAT-OUTGOING -s 10.30.0.0/24 -d 10.31.0.0/24 -j RETURN",
        "-A IPPOOL-NAT-OUTGOING -s 10.30.0.0/24 -j MASQUERADE --random-fully",
        "-A POSTROUTING -j IPPOOL-POSTROUTING",
        "COMMIT",
        "",
      ].join("\n"),
    );
  });

  it.each([
    [1, []],
    [3, ["-D POSTROUTING -j IPPOOL-POSTROUTING", "-D POSTROUTING -j IPPOOL-POSTROUTING"]],
  ])("with %i jump(s) present leaves exactly one", (jumps, lines) => {
    const text = renderNatRestore(NAT, {
      randomFully: false,
      jumps,
      chains: ["IPPOOL-POSTROUTING", "IPPOOL-NAT-OUTGOING"],
    });
    expect(text.split("\n").filter((line) => line.includes("POSTROUTING -j IPPOOL-POSTROUTING"))).toEqual(lines);
    expect(text).toContain("-j MASQUERADE\n");
  });

  it("has only the hook rule without a masquerade pool", () => {
    expect(natChainRules({ masqueradePools: [], allPools: ["10.30.0.0/24"] }, true)).toEqual([
      "-A IPPOOL-POSTROUTING -j IPPOOL-NAT-OUTGOING",
    ]);
  });
});

describe("renderNatInput", () => {
  const none = { masqueradePools: [], allPools: ["10.30.0.0/24"] };
  it("takes our chains away when no pool of the family has nat-outgoing, and needs no input when there are none", () => {
    expect(
      renderNatInput(none, { randomFully: true, jumps: 1, chains: ["IPPOOL-POSTROUTING", "IPPOOL-NAT-OUTGOING"] }),
    ).toBe(renderNatRemoval(["IPPOOL-POSTROUTING", "IPPOOL-NAT-OUTGOING"], 1));
    expect(renderNatInput(none, { randomFully: true, jumps: 0, chains: [] })).toBeUndefined();
  });
});

describe("renderNatRemoval", () => {
  it("deletes the jumps, then flushes and deletes the chains found", () => {
    expect(renderNatRemoval(["IPPOOL-POSTROUTING"], 1)).toBe(
      "*nat\n-D POSTROUTING -j IPPOOL-POSTROUTING\n-F IPPOOL-POSTROUTING\n-X IPPOOL-POSTROUTING\nCOMMIT\n",
    );
  });
});

describe("routeLine", () => {
  it.each([
    [{ family: 4, kind: "blackhole", dst: "10.30.0.0/26" } as const, "blackhole 10.30.0.0/26 proto 201"],
    [
      { family: 4, kind: "direct", dst: "10.30.1.0/26", via: "192.168.1.2" } as const,
      "10.30.1.0/26 via 192.168.1.2 proto 201",
    ],
    [
      { family: 4, kind: "tunnel", dst: "10.30.2.0/26", via: "192.168.2.3" } as const,
      "10.30.2.0/26 via 192.168.2.3 dev tunl0 onlink proto 201",
    ],
    [
      { family: 6, kind: "direct", dst: "fd00:30::/122", via: "fd00:1::2" } as const,
      "fd00:30::/122 via fd00:1::2 proto 201",
    ],
    [
      { family: 4, kind: "vxlan", dst: "10.60.0.64/26", via: "10.60.0.65" } as const,
      "10.60.0.64/26 via 10.60.0.65 dev vxlan.ippool onlink proto 201",
    ],
    [
      { family: 6, kind: "vxlan", dst: "fd00:60::40/122", via: "fd00:60::41" } as const,
      "fd00:60::40/122 via fd00:60::41 dev vxlan6.ippool onlink proto 201",
    ],
  ])("%o", (route, line) => expect(routeLine(route)).toBe(line));
});

describe("renderPlan", () => {
  it("prints both families' restore input, then the routes one per line", () => {
    const plan = {
      nat: { 4: NAT, 6: { masqueradePools: [], allPools: [] } },
      routes: [{ family: 4, kind: "blackhole", dst: "10.30.0.0/26" } as const],
      tunnelPools: [],
      vxlanDevices: [],
      vxlanPeers: [],
      warnings: [],
    };
    const text = renderPlan(plan, {
      4: { randomFully: true, jumps: 0, chains: [] },
      6: { randomFully: true, jumps: 0, chains: [] },
    });
    expect(text).toMatch(/^# iptables-restore --noflush\n\*nat\n/);
    expect(text).toContain("COMMIT\n# ip6tables-restore: nothing to write (no IPv6 pool has nat-outgoing)\n# routes");
    expect(text.endsWith("# routes (ip route, proto 201)\nblackhole 10.30.0.0/26 proto 201\n")).toBe(true);
  });
});

describe("renderPlan with VXLAN", () => {
  const NO_NAT = { masqueradePools: [], allPools: [] };
  const options = { randomFully: true, jumps: 0, chains: [] };
  const plan = {
    nat: { 4: NO_NAT, 6: NO_NAT },
    routes: [
      { family: 4, kind: "vxlan", dst: "10.60.0.64/26", via: "10.60.0.65" } as const,
      { family: 6, kind: "vxlan", dst: "fd00:60::40/122", via: "fd00:60::41" } as const,
    ],
    tunnelPools: [],
    vxlanDevices: [
      { family: 4, pools: ["10.60.0.0/16"], local: "192.168.1.1" } as const,
      { family: 6, pools: ["fd00:60::/64"], local: "fd00:1::1" } as const,
    ],
    vxlanPeers: [
      { family: 4, node: "b", tunnelAddress: "10.60.0.65", mac: "66:00:00:00:00:0b", underlay: "192.168.1.2" } as const,
      { family: 6, node: "b", tunnelAddress: "fd00:60::41", mac: "66:00:00:00:01:0b", underlay: "fd00:1::2" } as const,
    ],
    warnings: [],
  };

  it("prints the devices, neighbours and forwarding entries after the routes, in the routes' style", () => {
    expect(renderPlan(plan, { 4: options, 6: options }).split("# routes")[1]).toBe(
      [
        " (ip route, proto 201)",
        "10.60.0.64/26 via 10.60.0.65 dev vxlan.ippool onlink proto 201",
        "fd00:60::40/122 via fd00:60::41 dev vxlan6.ippool onlink proto 201",
        "# vxlan devices (ip link add; mtu the uplink's minus 50 over IPv4, 70 over IPv6)",
        "name vxlan.ippool type vxlan id 4096 local 192.168.1.1 dstport 4789 nolearning",
        "name vxlan6.ippool type vxlan id 4096 local fd00:1::1 dstport 4789 nolearning",
        "# vxlan neighbours (ip neigh replace)",
        "10.60.0.65 lladdr 66:00:00:00:00:0b dev vxlan.ippool nud permanent",
        "fd00:60::41 lladdr 66:00:00:00:01:0b dev vxlan6.ippool nud permanent",
        "# vxlan forwarding entries (bridge fdb replace)",
        "66:00:00:00:00:0b dev vxlan.ippool dst 192.168.1.2 self permanent",
        "66:00:00:00:01:0b dev vxlan6.ippool dst fd00:1::2 self permanent",
        "",
      ].join("\n"),
    );
  });

  it("prints the devices alone while no peer has an endpoint, and nothing of VXLAN without a device", () => {
    const waiting = renderPlan({ ...plan, routes: [], vxlanPeers: [] }, { 4: options, 6: options });
    expect(waiting).toMatch(
      /nolearning\n# vxlan neighbours \(ip neigh replace\)\n# vxlan forwarding entries \(bridge fdb replace\)\n$/,
    );
    const none = renderPlan({ ...plan, routes: [], vxlanDevices: [], vxlanPeers: [] }, { 4: options, 6: options });
    expect(none.endsWith("# routes (ip route, proto 201)\n")).toBe(true);
  });
});
