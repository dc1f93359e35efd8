// Shared by the agent suites: plugin calls through an agent or past it, and what the store holds afterwards.
import { expect } from "vitest";
import { execCli, execPlugin, netconf, type PluginResult } from "../helpers/ippool.js";
import { addressesOf, inlinePool } from "../integration/support.js";

/** A socket no agent listens on: the plugin then does the call in-process. */
export const NO_AGENT = "/nonexistent/ippool-agent.sock";

export const poolConf = (dataDir: string, cidr = "10.60.0.0/22", version = "1.0.0") =>
  netconf(version, { dataDir, ipPools: [inlinePool(cidr)] });

/** One plugin call, through the agent on `socket` (or NO_AGENT), with a short wait for it when given. */
export const callVia = (
  socket: string,
  command: string,
  conf: unknown,
  containerId: string,
  env: Record<string, string> = {},
): Promise<PluginResult> => execPlugin({ command, containerId, env: { IPPOOL_AGENT_SOCKET: socket, ...env } }, conf);

export const explain = (result: PluginResult): string =>
  `exit ${result.code} signal ${result.signal}: ${result.stdout}${result.stderr}`;

/** Every call exited 0, and their addresses are distinct. */
export function expectDistinctSuccesses(results: readonly PluginResult[]): string[] {
  expect(results.filter((result) => result.code !== 0).map(explain)).toEqual([]);
  const addresses = results.flatMap((result) => addressesOf(result.json));
  expect(addresses).toHaveLength(results.length);
  expect(new Set(addresses).size).toBe(addresses.length);
  return addresses;
}

/** Container id -> addresses, as `ippool allocations` reads them from the store (disk or etcd). */
export async function heldByContainer(dataDir: string): Promise<Map<string, string[]>> {
  const result = await execCli(["allocations", "-o", "json"], { dataDir });
  expect(result.code, result.stderr).toBe(0);
  const rows = JSON.parse(result.stdout) as { containerId: string; addresses: { address: string }[] }[];
  return new Map(rows.map((row) => [row.containerId, row.addresses.map((entry) => entry.address)]));
}

/** The store holds exactly what each caller was told, and no address twice. */
export async function expectStoreHolds(dataDir: string, told: ReadonlyMap<string, PluginResult>): Promise<void> {
  const held = await heldByContainer(dataDir);
  const all = [...held.values()].flat();
  expect(new Set(all).size, "an address held twice").toBe(all.length);
  for (const [containerId, result] of told)
    expect(held.get(containerId), `what ${containerId} was told`).toEqual(addressesOf(result.json));
}
