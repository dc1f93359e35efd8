// Node records through the built executable: create/apply/replace/delete/get with pools mixed in, and node register.
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { execCli, execPlugin, netconf, poolDoc } from "../helpers/ippool.js";
import { storeNameFor } from "../helpers/datastore.js";
import { expectEmptiedStore, fails, ok, useCliDir, yamlDocs } from "./support.js";

const dir = useCliDir();
const nodeDoc = (name: string, bgp?: Record<string, unknown>) => ({
  apiVersion: "v1",
  kind: "node",
  metadata: { name },
  ...(bgp ? { spec: { bgp } } : {}),
});
const NODE_ALIASES = ["node", "nodes", "no", "nos", "NODE", "Nos"];

describe("nodes in create, apply, replace, get", () => {
  it("applies a file mixing pools and nodes in one go and lists the nodes wide", async () => {
    const file = dir.file(
      "mixed.yaml",
      yamlDocs(
        poolDoc("10.1.0.0/16"),
        nodeDoc("node-b", { ipv4Address: "192.168.10.12/24" }),
        nodeDoc("node-a", { ipv4Address: "192.168.10.11/24", ipv6Address: "fd00:10::11/64", asNumber: 64512 }),
      ),
    );
    const out = ok(await dir.cli(["apply", "-f", file]));
    expect(out).toBe(
      `created ipPool 10.1.0.0/16\ncreated node node-b\ncreated node node-a\nSuccessfully applied 3 'ipPool' and 'node' resource(s) in ${storeNameFor(dir.path)}\n`,
    );
    expect(ok(await dir.cli(["get", "nodes", "-o", "wide"]))).toBe(
      "NAME    ASN    IPV4              IPV6            VXLAN IPV4  VXLAN IPV4 MAC  VXLAN IPV6  VXLAN IPV6 MAC\n" +
        "node-a  64512  192.168.10.11/24  fd00:10::11/64  -           -               -           -\n" +
        "node-b  -      192.168.10.12/24  -               -           -               -           -\n",
    );
    expect(ok(await dir.cli(["get", "pools"]))).toBe("CIDR\n10.1.0.0/16\n");
    expect(ok(await dir.cli(["apply", "-f", file]))).toContain("unchanged node node-b\nunchanged node node-a\n");
  });

  it.each(NODE_ALIASES)("takes %s as the node type", async (alias) => {
    ok(await dir.cli(["create", "-f", "-"], yamlDocs(nodeDoc("n1"))));
    expect(ok(await dir.cli(["get", alias]))).toBe("NAME\nn1\n");
  });

  it("prints -o yaml and -o json that apply -f reads back unchanged", async () => {
    ok(await dir.cli(["create", "-f", "-"], yamlDocs(nodeDoc("n1", { ipv4Address: "10.0.0.1/8" }), nodeDoc("n2"))));
    const yaml = ok(await dir.cli(["get", "nodes", "-o", "yaml"]));
    expect(parse(yaml.split("---\n")[0]!)).toEqual({
      apiVersion: "v1",
      kind: "node",
      metadata: { name: "n1" },
      spec: { bgp: { ipv4Address: "10.0.0.1/8" } },
    });
    const json = ok(await dir.cli(["get", "nodes", "-o", "json"]));
    expect(JSON.parse(json)).toHaveLength(2);
    expect(ok(await dir.cli(["apply", "-f", dir.file("back.yaml", yaml)]))).toBe(
      `unchanged node n1\nunchanged node n2\nSuccessfully applied 2 'node' resource(s) in ${storeNameFor(dir.path)}\n`,
    );
    expect(ok(await dir.cli(["apply", "-f", "-"], json))).toContain("Successfully applied 2 'node' resource(s)");
  });

  it("create fails for an existing node, replace for a missing one", async () => {
    ok(await dir.cli(["create", "-f", "-"], yamlDocs(nodeDoc("n1"))));
    fails(await dir.cli(["create", "-f", "-"], yamlDocs(nodeDoc("n1"))), "stdin: document 1: node n1 already exists");
    fails(await dir.cli(["replace", "-f", "-"], yamlDocs(nodeDoc("n9"))), "node n9 does not exist");
    expect(
      ok(await dir.cli(["replace", "-f", "-"], yamlDocs(nodeDoc("n1", { ipv4Address: "10.0.0.1/24" })))),
    ).toContain("replaced node n1");
  });

  it("rejects an unknown field by its path and changes nothing, pools of the same file included", async () => {
    const result = await dir.cli(
      ["apply", "-f", "-"],
      yamlDocs(poolDoc("10.1.0.0/16"), nodeDoc("n1", { ipv4Adress: "10.0.0.1/24" })),
    );
    fails(result, "stdin: document 2: unknown field spec.bgp.ipv4Adress");
    expect(result.stderr).toContain("nothing was changed");
    fails(await dir.cli(["get", "pools"]), "no ippool store");
  });

  it("rejects a node named twice in one file", async () => {
    fails(
      await dir.cli(["apply", "-f", "-"], yamlDocs(nodeDoc("n1"), nodeDoc("n1"))),
      "stdin: document 2: metadata.name: node n1 is also given in document 1",
    );
  });

  it("warns about an address without prefix and stores it as /32", async () => {
    const result = await dir.cli(["apply", "-f", "-"], yamlDocs(nodeDoc("n1", { ipv4Address: "10.0.0.1" })));
    ok(result);
    expect(result.stderr).toContain("ippool: warning: stdin: document 1: spec.bgp.ipv4Address 10.0.0.1 has no prefix");
    expect(ok(await dir.cli(["get", "nodes", "-o", "wide"]))).toContain("10.0.0.1/32");
  });

  it("get names a missing node and exits 1", async () => {
    ok(await dir.cli(["create", "-f", "-"], yamlDocs(nodeDoc("n1"))));
    const result = await dir.cli(["get", "nodes", "n1", "n2"]);
    expect(result.stdout).toBe("NAME\nn1\n");
    fails(result, "node n2 does not exist");
  });
});

describe("delete of nodes", () => {
  it("deletes by name and by file; a missing node fails alone", async () => {
    ok(await dir.cli(["create", "-f", "-"], yamlDocs(nodeDoc("n1"), nodeDoc("n2"), poolDoc("10.1.0.0/16"))));
    expect(ok(await dir.cli(["delete", "node", "n1"]))).toBe(
      `deleted node n1\nSuccessfully deleted 1 'node' resource(s) in ${storeNameFor(dir.path)}\n`,
    );
    const result = await dir.cli(["delete", "-f", "-"], yamlDocs(nodeDoc("n2"), nodeDoc("n3")));
    fails(result, "stdin: document 2: node n3 does not exist");
    expect(result.stdout).toContain("deleted node n2\nPartial success: deleted 1 of 2 'node' resource(s)");
    expect(ok(await dir.cli(["get", "nodes"]))).toBe("NAME\n");
    expect(ok(await dir.cli(["get", "pools"]))).toBe("CIDR\n10.1.0.0/16\n");
  });

  // Two networks, so node-b ends up with a block that holds an address and one that is empty.
  const held = () => netconf("1.1.0", { dataDir: dir.path, ipPools: [poolDoc("10.33.0.0/24")] }, { name: "held" });
  const emptied = () =>
    netconf("1.1.0", { dataDir: dir.path, ipPools: [poolDoc("10.34.0.0/24")] }, { name: "emptied" });
  const onNodeB = async (command: string, containerId: string, conf: unknown) => {
    const result = await execPlugin({ command, containerId, env: { NODENAME: "node-b" } }, conf);
    expect(result.code, result.stdout).toBe(0);
  };
  const blockRows = async () =>
    ok(await dir.cli(["blocks"]))
      .trim()
      .split("\n")
      .slice(1)
      .map((line) => line.split(/\s{2,}/));

  it("refuses a node whose block holds an address, naming the node, the count and the block, with or without --release-blocks", async () => {
    ok(await dir.cli(["node", "register", "--nodename", "node-b", "--ipv4-address", "192.168.10.12/24"]));
    await onNodeB("ADD", "b1", held());
    await onNodeB("ADD", "b2", held());
    await onNodeB("ADD", "e1", emptied());
    await onNodeB("DEL", "e1", emptied());
    for (const extra of [[], ["--release-blocks"]]) {
      fails(
        await dir.cli(["delete", "node", "node-b", ...extra]),
        "node node-b still holds 2 allocation(s) in block(s) 10.33.0.0/26; release them",
      );
    }
    expect(ok(await dir.cli(["get", "nodes"]))).toBe("NAME\nnode-b\n");
    expect(await blockRows()).toEqual([
      ["10.33.0.0/26", "10.33.0.0/24", "node-b", "2", "60"],
      ["10.34.0.0/26", "10.34.0.0/24", "node-b", "0", "62"],
    ]);
  });

  it("--release-blocks hands the deleted node's empty blocks back, and another node may claim them", async () => {
    ok(await dir.cli(["node", "register", "--nodename", "node-b"]));
    await onNodeB("ADD", "b1", held());
    await onNodeB("DEL", "b1", held());
    await onNodeB("ADD", "e1", emptied());
    await onNodeB("DEL", "e1", emptied());
    expect(ok(await dir.cli(["delete", "node", "node-b", "--release-blocks"]))).toBe(
      `deleted node node-b\nreleased 2 empty block(s) of node node-b: 10.33.0.0/26, 10.34.0.0/26\nSuccessfully deleted 1 'node' resource(s) in ${storeNameFor(dir.path)}\n`,
    );
    expectEmptiedStore(await dir.cli(["blocks"]), "CIDR  POOL  NODE  USED  FREE\n");
    const claimed = await execPlugin({ command: "ADD", containerId: "c1", env: { NODENAME: "node-c" } }, held());
    expect(claimed.json.ips[0].address).toBe("10.33.0.2/24");
    expect(await blockRows()).toEqual([["10.33.0.0/26", "10.33.0.0/24", "node-c", "1", "61"]]);
  });

  it("without --release-blocks the empty blocks stay affine; --force deletes a holding node and releases only its empty blocks", async () => {
    ok(await dir.cli(["create", "-f", "-"], yamlDocs(nodeDoc("node-b"), nodeDoc("node-x"))));
    await onNodeB("ADD", "e1", emptied());
    await onNodeB("DEL", "e1", emptied());
    expect(ok(await dir.cli(["delete", "node", "node-x", "--release-blocks"]))).toContain(
      "released 0 empty block(s) of node node-x\n",
    );
    expect(await blockRows()).toEqual([["10.34.0.0/26", "10.34.0.0/24", "node-b", "0", "62"]]);
    await onNodeB("ADD", "b1", held());
    const forced = await dir.cli(["delete", "node", "node-b", "--force", "--release-blocks"]);
    expect(forced.stdout).toBe(
      `deleted node node-b\nreleased 1 empty block(s) of node node-b: 10.34.0.0/26\nSuccessfully deleted 1 'node' resource(s) in ${storeNameFor(dir.path)}\n`,
    );
    expect(forced.stderr).toContain("node node-b deleted with 1 allocation(s) still held in block(s) 10.33.0.0/26");
    expect(await blockRows()).toEqual([["10.33.0.0/26", "10.33.0.0/24", "node-b", "1", "61"]]);
  });

  it("refuses a name that could not be a node (it would be a store key)", async () => {
    fails(await dir.cli(["delete", "node", "../pools"]), "'../pools' is not a node name");
  });
});

describe("ippool node register", () => {
  it("writes this node's record once, keeps it on a re-run and updates a changed address", async () => {
    expect(ok(await dir.cli(["node", "register", "--nodename", "node-a", "--ipv4-address", "192.168.10.11/24"]))).toBe(
      "registered node node-a\n",
    );
    expect(ok(await dir.cli(["node", "register", "--nodename", "node-a", "--ipv4-address", "192.168.10.11/24"]))).toBe(
      "unchanged node node-a\n",
    );
    expect(ok(await dir.cli(["node", "register", "--nodename", "node-a"]))).toBe("unchanged node node-a\n");
    expect(ok(await dir.cli(["node", "register", "--nodename", "node-a", "--ipv6-address", "fd00:10::11/64"]))).toBe(
      "updated node node-a\n",
    );
    expect(ok(await dir.cli(["get", "nodes", "-o", "wide"]))).toContain(
      "node-a  -    192.168.10.11/24  fd00:10::11/64",
    );
  });

  it("warns that a node registered without any address cannot be routed to, and stays silent once it has one", async () => {
    const bare = await dir.cli(["node", "register", "--nodename", "node-a"]);
    expect(ok(bare)).toBe("registered node node-a\n");
    expect(bare.stderr).toBe(
      "ippool: warning: node node-a has no address, so other nodes cannot route to its blocks; give --ipv4-address, --ipv6-address or --detect\n",
    );
    expect((await dir.cli(["node", "register", "--nodename", "node-a"])).stderr).toContain(
      "node node-a has no address",
    );
    const addressed = await dir.cli(["node", "register", "--nodename", "node-a", "--ipv6-address", "fd00:10::11/64"]);
    expect(ok(addressed)).toBe("updated node node-a\n");
    expect(addressed.stderr).toBe("");
    expect((await dir.cli(["node", "register", "--nodename", "node-a"])).stderr).toBe("");
  });

  it("takes the name from NODENAME when --nodename is absent", async () => {
    ok(
      await execCli(["node", "register", "--ipv4-address", "10.0.0.2/24"], {
        dataDir: dir.path,
        env: { NODENAME: "from-env" },
      }),
    );
    expect(ok(await dir.cli(["get", "nodes"]))).toBe("NAME\nfrom-env\n");
  });

  it("rejects a bad address naming the flag, and --detect together with an address", async () => {
    fails(
      await dir.cli(["node", "register", "--nodename", "n", "--ipv4-address", "10.0.0.300/24"]),
      "--ipv4-address 10.0.0.300/24 is not an IPv4 address with prefix",
    );
    fails(
      await dir.cli(["node", "register", "--nodename", "n", "--ipv4-address", "10.0.0.3/24", "--detect"]),
      "either --ipv4-address or --detect",
    );
    fails(await dir.cli(["get", "nodes"]), "no ippool store");
  });
});

// Only what fails before any tool runs: the command line, and a node name without a record (the netns suites do the rest).
describe("ippool dataplane command line", () => {
  it.each([
    [["dataplane"], "'ippool dataplane' needs a subcommand: apply, watch, remove"],
    [["dataplane", "reconcile"], "unknown subcommand 'reconcile'; use apply, watch, remove"],
    [["dataplane", "apply", "--mtu", "0"], "--mtu must be a whole number from 1 to 65535, not '0'"],
    [["dataplane", "watch", "--interval", "1.5"], "--interval must be a whole number from 1 to 86400, not '1.5'"],
    [
      ["dataplane", "watch", "--dry-run"],
      "--dry-run does not apply to 'dataplane watch'; it goes with 'dataplane apply' and 'dataplane remove'",
    ],
    [
      ["dataplane", "apply", "--interval", "5"],
      "--interval does not apply to 'dataplane apply'; it goes with 'dataplane watch'",
    ],
    [
      ["dataplane", "remove", "--mtu", "1400"],
      "--mtu does not apply to 'dataplane remove'; it goes with 'dataplane apply' and 'dataplane watch'",
    ],
    [
      ["dataplane", "remove", "--interval", "5"],
      "--interval does not apply to 'dataplane remove'; it goes with 'dataplane watch'",
    ],
    [["node"], "'ippool node' needs a subcommand: register"],
  ])("%j is a usage error", async (args, message) => {
    const result = await dir.cli(args);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(message);
  });

  it("refuses a node name without a record, naming the stored nodes", async () => {
    ok(await dir.cli(["node", "register", "--nodename", "node-a"]));
    const result = await dir.cli(["dataplane", "apply", "--nodename", "node-z"]);
    fails(
      result,
      "node node-z has no node record (stored nodes: node-a); register it with 'ippool node register --nodename node-z'",
    );
  });
});
