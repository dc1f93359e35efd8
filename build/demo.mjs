// `npm start`: runs ADD, CHECK and DEL of an example network through build/ippool on a temporary data dir.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const ippool = join(root, "build/ippool");
// Pools a network without ipam.ipPools takes from the store, as an operator applies them first.
const storedPools = join(root, "netconf-examples/pools.yaml");
// Override with: npm start -- netconf-examples/ptp.conflist (relative to the repository, or absolute)
const example = process.argv[2] ?? "netconf-examples/bridge-dualstack.conflist";

/** A mistake in what the demo was given: one line, no stack trace. */
function refuse(message) {
  process.stderr.write(`demo: ${message}\n`);
  process.exit(2);
}

/** As a runtime: the ippool plugin's config with the list's name and cniVersion injected; a single config as is. */
function networkConfig(path) {
  let text;
  try {
    text = readFileSync(resolve(root, path), "utf8");
  } catch (error) {
    refuse(`cannot read ${path}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    refuse(`${path} is not JSON: give a network config list (.conflist) such as netconf-examples/bridge-ipv4.conflist`);
  }
  if (parsed?.ipam?.type === "ippool") return parsed;
  const plugins = Array.isArray(parsed?.plugins) ? parsed.plugins : [];
  const plugin = plugins.find((entry) => entry?.ipam?.type === "ippool");
  if (!plugin) refuse(`${path} is not a network config list with a plugin whose ipam type is ippool`);
  return { cniVersion: parsed.cniVersion, name: parsed.name, ...plugin };
}

const network = networkConfig(example);
const dataDir = mkdtempSync(join(tmpdir(), "ippool-demo-"));
const conf = { ...network, ipam: { ...network.ipam, dataDir } };
const usesStoredPools = !(conf.ipam.ipPools?.length > 0);

function finish(status) {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(status);
}

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
  if (result.status !== 0) finish(result.status ?? 1);
  return result.stdout ? JSON.parse(result.stdout) : undefined;
}

console.log(`ippool demo: network "${conf.name}" from ${example}, data dir ${dataDir}`);
if (usesStoredPools) {
  console.log(`\n$ ippool apply -f netconf-examples/pools.yaml --data-dir ${dataDir}`);
  const apply = ["apply", "-f", storedPools, "--data-dir", dataDir];
  const applied = spawnSync(ippool, apply, { stdio: ["ignore", "inherit", "inherit"] });
  if (applied.status !== 0) finish(applied.status ?? 1);
}
const added = run("ADD");
run("CHECK", { prevResult: added });
run("DEL");
console.log("\nADD, CHECK and DEL succeeded; DEL prints nothing.");
finish(0);
