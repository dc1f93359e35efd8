// The node's name: ipam.nodename, else NODENAME, else the host name; held to the node resource's rule where it enters.
import { hostname } from "node:os";
import { nodeNameProblem } from "../node/name.js";
import { CniError, ErrorCode } from "../errors.js";

/**
 * The configured name wins (netconf or --nodename, already checked where it entered), then the
 * NODENAME environment variable (as Calico reads it, taken as given), then the host name lower-cased
 * as Calico's names.Hostname does (host "Node-A" is node "node-a"). A name no node record could
 * carry is refused (code 4) rather than claiming blocks for a node that could never be registered.
 */
export function resolveNodename(
  configured: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string {
  if (configured !== undefined) return configured;
  const [name, source] = env.NODENAME
    ? [env.NODENAME, "env variable NODENAME"]
    : [hostname().trim().toLowerCase(), "the host name"];
  const problem = nodeNameProblem(name);
  if (problem !== undefined) {
    throw new CniError(
      ErrorCode.invalidEnvironment,
      `node name ${JSON.stringify(name)} from ${source} cannot name a node record: ${problem}`,
      "set ipam.nodename or NODENAME (the CLI: --nodename) to the node's name, the one 'ippool node register' records",
    );
  }
  return name;
}
