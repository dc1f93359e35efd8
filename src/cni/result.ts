// The IPAM result in each spec version's wire shape, and the addresses a CHECK's prevResult lists.
import * as z from "zod/mini";
import { CniError, ErrorCode } from "../errors.js";
import { resultShape, type CniVersion } from "./versions.js";
import type { Dns, Route } from "./netconf.js";
import { parseAddress, parseCidr, type Family } from "../alloc/address.js";

export interface AssignedAddress {
  readonly family: Family;
  /** Address with prefix length, e.g. "10.22.0.2/16". */
  readonly address: string;
  readonly gateway?: string;
}

export interface IpamResult {
  readonly ips: readonly AssignedAddress[];
  readonly routes: readonly Route[];
  readonly dns?: Dns;
}

/** Routes before 1.1 carry only dst and gw; the newer attributes would be unknown fields to older decoders. */
function encodeRoute(route: Route, version: CniVersion): Route {
  return version === "1.1.0" ? route : { dst: route.dst, ...(route.gw ? { gw: route.gw } : {}) };
}

/** An IPAM result has no `interfaces` and no `ips[].interface`: the main plugin fills those in. */
export function encodeResult(version: CniVersion, result: IpamResult): Record<string, unknown> {
  const dns = result.dns ? { dns: result.dns } : {};
  const shape = resultShape(version);
  if (shape === "legacy") {
    const legacy: Record<string, unknown> = { cniVersion: version };
    for (const family of [4, 6] as const) {
      const ip = result.ips.find((entry) => entry.family === family);
      if (!ip) continue;
      const routes = result.routes.filter((route) => parseCidr(route.dst)?.cidr.family === family);
      legacy[`ip${family}`] = {
        ip: ip.address,
        ...(ip.gateway ? { gateway: ip.gateway } : {}),
        ...(routes.length ? { routes: routes.map((route) => encodeRoute(route, version)) } : {}),
      };
    }
    return { ...legacy, ...dns };
  }
  return {
    cniVersion: version,
    ips: result.ips.map((ip) => ({
      ...(shape === "versioned-ips" ? { version: String(ip.family) } : {}),
      address: ip.address,
      ...(ip.gateway ? { gateway: ip.gateway } : {}),
    })),
    ...(result.routes.length ? { routes: result.routes.map((route) => encodeRoute(route, version)) } : {}),
    ...dns,
  };
}

/** Built on CHECK's first use, not at load: ADD and DEL never read a prevResult, and building zod schemas is start-up time. */
let prevResultSchema: ReturnType<typeof buildPrevResultSchema> | undefined;

function buildPrevResultSchema() {
  const addressEntry = z.looseObject({ address: z.string() });
  const legacyEntry = z.optional(z.looseObject({ ip: z.string() }));
  return z.looseObject({ ips: z.optional(z.array(addressEntry)), ip4: legacyEntry, ip6: legacyEntry });
}

/** The addresses (without prefix) that a CHECK's prevResult says this attachment holds. */
export function prevResultAddresses(prevResult: unknown): string[] {
  const parsed = z.safeParse((prevResultSchema ??= buildPrevResultSchema()), prevResult);
  if (!parsed.success) throw new CniError(ErrorCode.decodeFailure, "prevResult is not a CNI result");
  const { ips, ip4, ip6 } = parsed.data;
  const cidrs = [
    ...(ips ?? []).map((entry) => entry.address),
    ...[ip4, ip6].flatMap((entry) => (entry ? [entry.ip] : [])),
  ];
  return cidrs.map((text) => {
    const address = text.split("/")[0]!;
    if (!parseAddress(address))
      throw new CniError(ErrorCode.decodeFailure, `prevResult lists ${JSON.stringify(text)}, which is not an address`);
    return address;
  });
}
