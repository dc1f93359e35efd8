// From a netconf to what ADD must do: the network's pools, and per family the candidates and any requested address.
import { CniError, ErrorCode } from "../errors.js";
import type { NetConf } from "../cni/netconf.js";
import { parseAddress, type Family } from "../alloc/address.js";
import { parsePoolDocument, type Pool } from "../pool/resource.js";
import { candidatePools, combinePools } from "../pool/pool-set.js";
import type { FamilyRequest } from "../ipam/assign.js";
import { readStoredPools } from "../ipam/stored-pools.js";
import type { StoreReader } from "../store/store.js";

/** Inline pools are validated up front so a bad document fails before the store is touched. */
export function parseInlinePools(conf: NetConf, warn: (line: string) => void): Pool[] {
  return conf.ipam.ipPools.map((doc, index) => {
    const parsed = parsePoolDocument(doc, `ipam.ipPools[${index}]`);
    parsed.warnings.forEach(warn);
    return parsed.pool;
  });
}

export async function networkPools(txn: StoreReader, inline: readonly Pool[]): Promise<Pool[]> {
  return combinePools(await readStoredPools(txn), inline);
}

/**
 * Which families to assign and from where. assign_ipvN unset means "if the network has an
 * enabled pool of that family", so a config with a v4 and a v6 pool gets one of each.
 */
export function familyRequests(
  conf: NetConf,
  pools: readonly Pool[],
  requested: ReadonlyMap<Family, bigint>,
): FamilyRequest[] {
  const requests: FamilyRequest[] = [];
  for (const family of [4, 6] as const) {
    const wanted = family === 4 ? conf.ipam.assign_ipv4 : conf.ipam.assign_ipv6;
    const asked = requested.get(family);
    if (wanted === false) {
      if (asked !== undefined) {
        throw new CniError(
          ErrorCode.invalidConfig,
          `an IPv${family} address was requested but ipam.assign_ipv${family} is false`,
        );
      }
      continue;
    }
    const candidates = candidatePools(pools, family, family === 4 ? conf.ipam.ipv4_pools : conf.ipam.ipv6_pools);
    if (candidates.length === 0) {
      if (wanted === true || asked !== undefined) {
        throw new CniError(ErrorCode.noUsablePool, `network ${conf.name} has no enabled IPv${family} pool`, poolHint);
      }
      continue;
    }
    requests.push({ family, candidates, ...(asked !== undefined ? { requested: asked } : {}) });
  }
  if (requests.length === 0)
    throw new CniError(ErrorCode.noUsablePool, `network ${conf.name} has no enabled pool`, poolHint);
  return requests;
}

const poolHint = "create one with 'ippool apply -f FILE', enable a disabled one, or list pools in ipam.ipPools";

/** Requested addresses, at most one per family; "10.1.0.5/24" is read as 10.1.0.5 (the pool sets the prefix). */
export function requestedAddresses(texts: readonly string[]): Map<Family, bigint> {
  const byFamily = new Map<Family, bigint>();
  for (const text of texts) {
    const address = parseAddress(text.split("/")[0]!);
    if (!address)
      throw new CniError(ErrorCode.invalidConfig, `requested address ${JSON.stringify(text)} is not an IP address`);
    if (byFamily.has(address.family)) {
      throw new CniError(
        ErrorCode.invalidConfig,
        `more than one IPv${address.family} address requested`,
        "ask for at most one address per family",
      );
    }
    byFamily.set(address.family, address.value);
  }
  return byFamily;
}
