// `npm start`: runs ADD, CHECK and DEL of an example network through build/ippool on a temporary data dir.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const ippool = join(root, "build/ippool");
// Override with: npm start -- netconf-examples/ptp.conflist
const example = process.argv[2] ?? "netconf-examples/bridge-dualstack.conflist";
const list = JSON.parse(readFileSync(join(root, example), "utf8"));
const dataDir = mkdtempSync(join(tmpdir(), "ippool-demo-"));

// A runtime hands each plugin its own config with the list's name and cniVersion injected.
const plugin = list.plugins.find((entry) => entry.ipam?.type === "ippool");
const conf = { cniVersion: list.cniVersion, name: list.name, ...plugin, ipam: { ...plugin.ipam, dataDir } };

function run(command, extra = {}) {
  const env = {
    PATH: process.env.PATH,
    CNI_COMMAND: command,
    CNI_CONTAINERID: "demo-container",
    CNI_NETNS: "/var/run/netns/demo",
    CNI_IFNAME: "eth0",
    CNI_PATH: "/opt/cni/bin",
  };
  const result = spawnSync(ippool, [], { env, input: JSON.stringify({ ...conf, ...extra }), encoding: "utf8" });
  console.log(`\n$ CNI_COMMAND=${command} ippool < ${example}   (exit ${result.status})`);
  if (result.stdout) console.log(JSON.stringify(JSON.parse(result.stdout), null, 2));
  if (result.stderr) process.stderr.write(result.stderr);
  if (result.status !== 0) {
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(result.status ?? 1);
  }
  return result.stdout ? JSON.parse(result.stdout) : undefined;
}

console.log(`ippool demo: network "${conf.name}" from ${example}, data dir ${dataDir}`);
const added = run("ADD");
run("CHECK", { prevResult: added });
run("DEL");
console.log("\nADD, CHECK and DEL succeeded; DEL prints nothing.");
rmSync(dataDir, { recursive: true, force: true });
