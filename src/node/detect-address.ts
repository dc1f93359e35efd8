// --detect for `node register`: the address and prefix of the interface that holds the default route.
import { CniError, ErrorCode } from "../errors.js";
import { systemTools } from "../system/tools.js";
import type { Family } from "../alloc/address.js";

/** "192.168.10.11/24": the first global address of the default route's device, as calico/node's autodetection does. */
export async function detectNodeAddress(family: Family): Promise<string> {
  const tools = systemTools();
  const routes = JSON.parse((await tools.check("ip", [`-${family}`, "-j", "route", "show", "default"])) || "[]") as {
    dev?: string;
  }[];
  const dev = routes.find((route) => route.dev !== undefined)?.dev;
  if (dev === undefined) {
    throw new CniError(
      ErrorCode.invalidConfig,
      `cannot detect this node's IPv${family} address: there is no default route`,
      "give the address with --ipv4-address CIDR (e.g. 192.168.10.11/24)",
    );
  }
  const links = JSON.parse(await tools.check("ip", [`-${family}`, "-j", "addr", "show", "dev", dev])) as {
    addr_info?: { local: string; prefixlen: number; scope: string }[];
  }[];
  const address = links.flatMap((link) => link.addr_info ?? []).find((info) => info.scope === "global");
  if (!address) {
    throw new CniError(
      ErrorCode.invalidConfig,
      `cannot detect this node's IPv${family} address: ${dev}, the device of the default route, has no global address`,
      "give it with --ipv4-address CIDR",
    );
  }
  return `${address.local}/${address.prefixlen}`;
}
