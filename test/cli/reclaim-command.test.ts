// reclaim: releasing leaked attachments given the live list, with --dry-run, in every accepted list format.
import { describe, expect, it } from "vitest";
import { execCli, execPlugin, netconf, poolDoc } from "../helpers/ippool.js";
import { storeNameFor } from "../helpers/datastore.js";
import { fails, ok, pluginAdd, useCliDir, yamlDocs } from "./support.js";

const dir = useCliDir();

/** A /29 (5 usable addresses) filled by ctr-1..5 on eth0, as after a reboot that lost every DEL. */
async function fullPool(): Promise<void> {
  ok(await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.40.0.0/29"))));
  for (let i = 1; i <= 5; i++) await pluginAdd(dir.path, `ctr-${i}`);
}

const holders = async (): Promise<string[]> =>
  JSON.parse(ok(await dir.cli(["allocations", "-o", "json"]))).map((doc: any) => `${doc.containerId}:${doc.ifname}`);

describe("ippool reclaim", () => {
  it("--dry-run prints what would be released and changes nothing", async () => {
    await fullPool();
    const out = ok(await dir.cli(["reclaim", "--network", "testnet", "--live", "-", "--dry-run"], "ctr-2\nctr-4\n"));
    expect(out).toMatch(
      /^would release 10\.40\.0\.2 of testnet\/ctr-1:eth0, allocated .+\nwould release 10\.40\.0\.4 of testnet\/ctr-3:eth0, allocated .+\nwould release 10\.40\.0\.6 of testnet\/ctr-5:eth0, allocated .+\n/,
    );
    expect(out).toContain(
      `dry run: 3 attachment(s) (3 address(es)) of network testnet in ${storeNameFor(dir.path)} would be released, 2 kept; nothing was changed`,
    );
    expect(await holders()).toHaveLength(5);
  });

  it("releases every attachment not listed as live, so a full pool serves ADD again", async () => {
    await fullPool();
    const full = await execPlugin({ command: "ADD", containerId: "ctr-6" }, netconf("1.0.0", { dataDir: dir.path }));
    expect(full.json).toMatchObject({ code: 100 });
    const out = ok(
      await dir.cli([
        "reclaim",
        "--network",
        "testnet",
        "--live",
        dir.file("live.txt", "# live on this node\nctr-2\n\nctr-4:eth0\n"),
      ]),
    );
    expect(out.match(/^released /gm)).toHaveLength(3);
    expect(out).toContain(
      `reclaimed 3 attachment(s) (3 address(es)) of network testnet in ${storeNameFor(dir.path)}; 2 live attachment(s) kept`,
    );
    expect(await holders()).toEqual(["ctr-2:eth0", "ctr-4:eth0"]);
    expect(await pluginAdd(dir.path, "ctr-6")).toEqual(["10.40.0.2"]);
  });

  it.each([
    ["JSON strings", '["ctr-1", "ctr-2:eth0"]'],
    ["JSON objects in CNI's spelling", '[{"containerID": "ctr-1", "ifname": "eth0"}, {"containerID": "ctr-2"}]'],
    ["JSON objects in ippool's spelling", '[{"containerId": "ctr-1"}, {"containerId": "ctr-2", "ifname": "eth0"}]'],
  ])("reads the live list as %s", async (_name, text) => {
    await fullPool();
    ok(await dir.cli(["reclaim", "--network", "testnet", "--live", "-"], text));
    expect(await holders()).toEqual(["ctr-1:eth0", "ctr-2:eth0"]);
  });

  it("keeps only the listed interface when an entry names one", async () => {
    ok(await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.40.0.0/29"))));
    for (const ifname of ["eth0", "eth1"]) await pluginAdd(dir.path, "ctr-1", ifname);
    ok(await dir.cli(["reclaim", "--network", "testnet", "--live", "-"], "ctr-1:eth1\n"));
    expect(await holders()).toEqual(["ctr-1:eth1"]);
  });

  it("leaves other networks alone", async () => {
    await fullPool();
    const result = await dir.cli(["reclaim", "--network", "othernet", "--live", "-"], "[]");
    expect(ok(result)).toContain("reclaimed 0 attachment(s)");
    expect(result.stderr).toBe(
      `ippool: warning: network othernet holds no allocation in ${storeNameFor(dir.path)} (networks with allocations: testnet)\n`,
    );
    expect(await holders()).toHaveLength(5);
  });

  it("run on another node, says that this node holds none and which node it took itself to be", async () => {
    ok(await dir.cli(["apply", "-f", "-"], yamlDocs(poolDoc("10.40.0.0/29"))));
    const added = await execPlugin(
      { command: "ADD", containerId: "ctr-1", env: { NODENAME: "node-a" } },
      netconf("1.0.0", { dataDir: dir.path }),
    );
    expect(added.code, added.stdout).toBe(0);
    const result = await execCli(["reclaim", "--network", "testnet", "--live", "-"], {
      dataDir: dir.path,
      env: { NODENAME: "node-z" },
      stdin: "[]",
    });
    expect(ok(result)).toContain("reclaimed 0 attachment(s)");
    expect(result.stderr).toBe(
      "ippool: warning: this node, node-z (from env NODENAME), holds no allocation of network testnet; nodes that do: node-a; " +
        "reclaim acts for one node: run it there, or give --nodename NODE\n",
    );
    expect(await holders()).toHaveLength(1);
  });

  it("releases everything for an explicit empty list '[]'", async () => {
    await fullPool();
    expect(ok(await dir.cli(["reclaim", "--network", "testnet", "--live", "-"], "[]\n"))).toContain(
      "reclaimed 5 attachment(s)",
    );
    expect(await holders()).toEqual([]);
  });

  it.each([
    ["an empty input", "", "stdin lists no live attachment; refusing to treat every allocation as leaked; pass '[]'"],
    ["comments only", "# nothing\n", "stdin lists no live attachment"],
    ["a bad line", "ctr-1\nctr 2 x\n", 'stdin: line 2: "ctr 2 x" is not containerID or containerID:ifname'],
    ["a JSON object", '{"containerID": "ctr-1"}', "stdin: the live list must be a JSON list"],
    ["a JSON entry without an id", '[{"ifname": "eth0"}]', "stdin: live[0]: needs containerID"],
    ["broken JSON", '["ctr-1"', "stdin: not valid JSON"],
  ])("refuses %s and releases nothing", async (_name, text, message) => {
    await fullPool();
    fails(await dir.cli(["reclaim", "--network", "testnet", "--live", "-"], text), message);
    expect(await holders()).toHaveLength(5);
  });

  it("needs --network, and names the networks that hold allocations", async () => {
    await fullPool();
    fails(
      await dir.cli(["reclaim", "--live", "-"], "[]"),
      "'ippool reclaim' needs --network NAME (networks with allocations: testnet)",
    );
    fails(await dir.cli(["reclaim", "--network", "testnet"]), "needs --live FILE");
  });
});
