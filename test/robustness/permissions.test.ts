// Robustness: the data dir and state files are private, and no name from the environment or netconf escapes the data dir.
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execPlugin, tempDir, type PluginCall } from "../helpers/ippool.js";
import { expectVerifyPasses, inlineConf } from "./support.js";

const POOL = "10.60.0.0/24";

/** Every path under `root`, so a test can see whether anything appeared outside the data dir. */
function tree(root: string): string[] {
  const paths: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      paths.push(full.slice(root.length + 1));
      if (statSync(full).isDirectory()) walk(full);
    }
  };
  walk(root);
  return paths.sort();
}

describe("data dir permissions", () => {
  let dir: ReturnType<typeof tempDir>;
  beforeEach(() => (dir = tempDir()));
  afterEach(() => dir.remove());

  it("creates the data dir and its directories 0700 and every state file 0600", async () => {
    const dataDir = join(dir.path, "nested", "data");
    for (const [containerId, command] of [
      ["c1", "ADD"],
      ["c2", "ADD"],
      ["c3", "ADD"],
      ["c2", "DEL"],
    ] as const) {
      const result = await execPlugin({ command, containerId }, inlineConf(dataDir, "permnet", [POOL, "fd00:60::/64"]));
      expect(result.code, result.stdout).toBe(0);
    }
    const entries = tree(dataDir).filter((path) => path !== "store.lock");
    expect(entries.length).toBeGreaterThan(5);
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    for (const path of entries) {
      const stat = statSync(join(dataDir, path));
      expect(`${path} ${(stat.mode & 0o777).toString(8)}`).toBe(`${path} ${stat.isDirectory() ? "700" : "600"}`);
    }
    await expectVerifyPasses(dataDir);
  });
});

/** Each field that carries a name, and how to put a hostile value into it. */
const fields: {
  field: string;
  call: (value: string) => PluginCall;
  conf: (dataDir: string, value: string) => Record<string, unknown>;
}[] = [
  {
    field: "network name",
    call: () => ({ command: "ADD" }),
    conf: (dataDir, value) => ({ ...inlineConf(dataDir, "x", [POOL]), name: value }),
  },
  {
    field: "CNI_CONTAINERID",
    call: (value) => ({ command: "ADD", containerId: value }),
    conf: (dataDir) => inlineConf(dataDir, "travnet", [POOL]),
  },
  {
    field: "CNI_IFNAME",
    call: (value) => ({ command: "ADD", ifname: value }),
    conf: (dataDir) => inlineConf(dataDir, "travnet", [POOL]),
  },
  {
    field: "CNI_ARGS K8S_POD_NAME",
    call: (value) => ({ command: "ADD", args: `K8S_POD_NAME=${value}` }),
    conf: (dataDir) => inlineConf(dataDir, "travnet", [POOL]),
  },
  {
    field: "CNI_ARGS K8S_POD_NAMESPACE",
    call: (value) => ({ command: "ADD", args: `K8S_POD_NAMESPACE=${value};K8S_POD_NAME=p` }),
    conf: (dataDir) => inlineConf(dataDir, "travnet", [POOL]),
  },
  {
    field: "CNI_ARGS IP",
    call: (value) => ({ command: "ADD", args: `IP=${value}` }),
    conf: (dataDir) => inlineConf(dataDir, "travnet", [POOL]),
  },
  {
    field: "pool cidr",
    call: () => ({ command: "ADD" }),
    conf: (dataDir, value) => inlineConf(dataDir, "travnet", [`${value}/24`]),
  },
  {
    field: "ipv4_pools entry",
    call: () => ({ command: "ADD" }),
    conf: (dataDir, value) => inlineConf(dataDir, "travnet", [POOL], { ipv4_pools: [value] }),
  },
  {
    field: "runtimeConfig.ips",
    call: () => ({ command: "ADD" }),
    conf: (dataDir, value) => ({ ...inlineConf(dataDir, "travnet", [POOL]), runtimeConfig: { ips: [value] } }),
  },
  {
    field: "GC valid-attachments containerID",
    call: () => ({ command: "GC" }),
    conf: (dataDir, value) => ({
      ...inlineConf(dataDir, "travnet", [POOL]),
      cniVersion: "1.1.0",
      "cni.dev/valid-attachments": [{ containerID: value, ifname: "eth0" }],
    }),
  },
  {
    field: "DEL CNI_CONTAINERID",
    call: (value) => ({ command: "DEL", containerId: value }),
    conf: (dataDir) => inlineConf(dataDir, "travnet", [POOL]),
  },
  {
    field: "DEL CNI_IFNAME",
    call: (value) => ({ command: "DEL", ifname: value }),
    conf: (dataDir) => inlineConf(dataDir, "travnet", [POOL]),
  },
];

/** Enough "../" to climb from the deepest state file (attachment/<net>/<id>.json) out of the sandbox's data dir. */
const hostile = ["..", "../escaped", "../../../../escaped", "a/../../../../escaped", "10.60.0.0/../../../escaped"];

const cases = fields.flatMap((entry) => hostile.map((value) => ({ ...entry, value })));

describe("names from outside never become paths that escape the data dir", () => {
  let sandbox: ReturnType<typeof tempDir>;
  let dataDir: string;
  beforeEach(() => {
    sandbox = tempDir();
    dataDir = join(sandbox.path, "a", "b", "data");
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  });
  afterEach(() => sandbox.remove());

  it.each(cases)("$field = $value is rejected or stays inside the data dir", async ({ call, conf, value }) => {
    const result = await execPlugin(call(value), conf(dataDir, value));
    // Either a clean CNI error or a success; both must leave everything inside the data dir.
    if (result.code !== 0) {
      expect(result.json, result.stderr).toMatchObject({ code: expect.any(Number), msg: expect.any(String) });
      expect(result.json.code).not.toBe(999);
    }
    const outside = tree(sandbox.path).filter(
      (path) => !path.startsWith(join("a", "b", "data")) && !["a", join("a", "b")].includes(path),
    );
    expect(outside).toEqual([]);
    expect(tree(join(sandbox.path, "a", "b", "data")).filter((path) => path.includes("escaped"))).toEqual([]);
    // A refused call writes nothing at all; whatever a call did write is a store that verify passes.
    if (result.code !== 0) expect(tree(dataDir)).toEqual([]);
    if (tree(dataDir).length > 0) await expectVerifyPasses(dataDir);
  });
});
