// This node's name for the node and dataplane commands: --nodename, else NODENAME, else the host name.
import { hostname } from "node:os";

/** One place, so the CLI's global nodename can replace it. */
export function resolveNodename(flag: string | undefined): string {
  return flag ?? (process.env.NODENAME || hostname());
}
