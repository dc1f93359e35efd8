// fast-check generators of hostile plugin input: environments, CNI_ARGS, netconfs, pool documents and raw stdin.
import fc from "fast-check";
import { resolve } from "node:path";

export const VERSIONS = ["0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"] as const;
/** Pools the seeded store holds; generated configs name them often so that inputs reach the allocator. */
export const SEEDED_POOLS = ["10.77.0.0/24", "fd77::/120", "10.78.0.0/29"] as const;
export const NETWORK = "hostile-net";
/** Container ids the seeded store holds addresses for, so DEL and CHECK find something. */
export const SEEDED_CONTAINERS = ["ctr-1", "ctr-2", "ctr-3"] as const;

/** Strings that have broken parsers before: traversal, NUL, separators, unicode, huge, prototype keys. */
export const nastyString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom(
    "",
    ".",
    "..",
    "../",
    "../../etc/passwd",
    "a/../../b",
    "a/b",
    "a\0b",
    "\0",
    "ctr:1",
    "eth0:1",
    " ",
    "a b",
    "-a",
    "_a",
    "x".repeat(16),
    "x".repeat(300),
    "x".repeat(70_000),
    "\uFFFD",
    "\uD800",
    "ä",
    "🙂",
    "__proto__",
    "constructor",
    "toString",
    "%s%n",
    "${HOME}",
    "\r\n",
    "eth0\n",
    "IP=10.77.0.9",
    ";",
    "=",
    "==",
    "NaN",
    "-1",
    "1e400",
  ),
);

const pick = <T>(weighted: [fc.Arbitrary<T>, number][]): fc.Arbitrary<T> =>
  fc.oneof(...weighted.map(([arbitrary, weight]) => ({ arbitrary, weight })));

/** Names a kernel, a file system or a key scheme would choke on: NUL, U+FFFD (a byte that was not UTF-8), traversal. */
const brokenName = fc.constantFrom(
  "a\0b",
  "\0",
  "eth\0",
  "eth\uFFFD",
  "\uFFFD",
  "..",
  ".",
  "a/b",
  "../x",
  "a:b",
  "x".repeat(16),
  " ",
  "\u00a0",
  "eth0\n",
);
const validName = fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,30}$/);
export const containerId = pick([
  [fc.constantFrom(...SEEDED_CONTAINERS, "ctr-4", "ctr-5"), 6],
  [validName, 2],
  [brokenName, 1],
  [nastyString, 1],
]);
export const ifname = pick([
  [fc.constantFrom("eth0", "net1"), 8],
  [fc.stringMatching(/^[a-z0-9]{1,16}$/), 1],
  [brokenName, 1],
  [nastyString, 1],
]);

const v4 = fc.ipV4();
const v6 = fc.ipV6();
const seededAddress = fc.oneof(
  fc.integer({ min: 0, max: 255 }).map((host) => `10.77.0.${host}`),
  fc.integer({ min: 0, max: 7 }).map((host) => `10.78.0.${host}`),
  fc.integer({ min: 0, max: 255 }).map((host) => `fd77::${host.toString(16)}`),
);
export const addressText = pick([
  [seededAddress, 4],
  [v4, 2],
  [v6, 2],
  [fc.tuple(seededAddress, fc.integer({ min: -1, max: 130 })).map(([address, prefix]) => `${address}/${prefix}`), 1],
  [fc.ipV4Extended(), 1],
  [nastyString, 2],
]);
export const cidrText = pick([
  [fc.constantFrom(...SEEDED_POOLS), 5],
  // Tiny pools fill after a few ADDs, so "pool exhausted" and the RFC 3021 /31 and /32 cases come up.
  [fc.constantFrom("10.79.0.0/30", "10.79.1.0/31", "10.79.2.5/32", "fd79::/127", "fd79::1/128", "fd79:1::/126"), 2],
  [fc.tuple(v4, fc.integer({ min: 0, max: 32 })).map(([address, prefix]) => `${address}/${prefix}`), 2],
  [fc.tuple(v6, fc.integer({ min: 0, max: 128 })).map(([address, prefix]) => `${address}/${prefix}`), 2],
  [
    fc.constantFrom(
      "10.0.0.0/33",
      "::/-1",
      "10.77.0.0/",
      "/24",
      "0.0.0.0/0",
      "::/0",
      "10.77.0.5/24",
      "10.77.0.0/24 ",
      "10.077.0.0/24",
    ),
    1,
  ],
  [nastyString, 1],
]);

/** Any JSON value, small: the stand-in for "a field holds the wrong type". */
const junk = fc.jsonValue({ maxDepth: 2 });
const orJunk = <T>(arbitrary: fc.Arbitrary<T>, weight = 12): fc.Arbitrary<T | unknown> =>
  pick<unknown>([
    [arbitrary, weight],
    [junk, 1],
  ]);

export const poolDocument: fc.Arbitrary<unknown> = orJunk(
  fc.record(
    {
      apiVersion: orJunk(fc.constant("v1"), 8),
      kind: orJunk(fc.constantFrom("ipPool", "ipPool", "ipPool", "ipPool", "IPPool"), 8),
      metadata: orJunk(fc.record({ cidr: orJunk(cidrText, 8) }, { requiredKeys: [] }), 8),
      spec: orJunk(
        fc.record(
          {
            ipip: orJunk(
              fc.record(
                { enabled: orJunk(fc.boolean()), mode: orJunk(fc.constantFrom("always", "cross-subnet", "never")) },
                { requiredKeys: [] },
              ),
            ),
            "nat-outgoing": orJunk(fc.boolean()),
            disabled: orJunk(fc.boolean(), 8),
          },
          { requiredKeys: [] },
        ),
      ),
    },
    { requiredKeys: ["apiVersion", "kind", "metadata"] },
  ),
  12,
);

const flag = pick<unknown>([
  [fc.boolean(), 8],
  [fc.constantFrom("true", "false"), 4],
  [fc.constantFrom("yes", 1, null), 1],
]);
const route = fc.record(
  {
    dst: orJunk(cidrText),
    gw: orJunk(addressText),
    mtu: orJunk(fc.integer({ min: -1, max: 9000 })),
    table: orJunk(fc.nat()),
    scope: orJunk(fc.nat(255)),
  },
  { requiredKeys: ["dst"] },
);

/** A network config aimed at `dataDir`; the fields are mostly well-formed so that inputs reach the store. */
export function netconf(dataDirs: fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  const ipam = fc.record(
    {
      type: orJunk(fc.constant("ippool"), 10),
      dataDir: dataDirs,
      ipPools: orJunk(fc.array(poolDocument, { maxLength: 3 }), 10),
      ipv4_pools: orJunk(fc.array(cidrText, { maxLength: 2 })),
      ipv6_pools: orJunk(fc.array(cidrText, { maxLength: 2 })),
      assign_ipv4: flag,
      assign_ipv6: flag,
      routes: orJunk(fc.array(route, { maxLength: 2 })),
      dns: orJunk(
        fc.record(
          {
            nameservers: orJunk(fc.array(addressText, { maxLength: 2 })),
            domain: nastyString,
            search: fc.array(nastyString, { maxLength: 2 }),
          },
          { requiredKeys: [] },
        ),
      ),
      gateway: orJunk(fc.constantFrom("first-address", "none", "last")),
      addressPrefix: orJunk(fc.constantFrom("pool", "host", "64")),
      lockWaitSeconds: pick<unknown>([
        [fc.integer({ min: 1, max: 5 }), 6],
        [fc.double({ min: 0.001, max: 5, noNaN: true }), 2],
        [fc.constantFrom(0, -1, 601, 1e9, "5", null, Number.MAX_VALUE), 1],
      ]),
    },
    { requiredKeys: ["type", "dataDir"] },
  );
  const ips = orJunk(fc.array(addressText, { maxLength: 2 }), 6);
  return fc.record(
    {
      // GC and STATUS need 1.1.0 and CHECK 0.4.0, so the newest versions come up most.
      cniVersion: pick<unknown>([
        [fc.constantFrom("1.1.0", "1.0.0"), 10],
        [fc.constantFrom(...VERSIONS), 8],
        [fc.constantFrom("1.2.0", "0.0.1", "v1", ""), 1],
        [junk, 1],
      ]),
      name: pick<unknown>([
        [fc.constant(NETWORK), 16],
        [validName, 2],
        [nastyString, 1],
        [junk, 1],
      ]),
      type: fc.constantFrom("bridge", "ptp"),
      ipam: orJunk(ipam, 20),
      runtimeConfig: orJunk(fc.record({ ips }, { requiredKeys: [] })),
      args: orJunk(fc.record({ cni: orJunk(fc.record({ ips }, { requiredKeys: [] })) }, { requiredKeys: [] })),
      prevResult: orJunk(
        fc.record(
          {
            cniVersion: fc.constantFrom(...VERSIONS),
            ips: orJunk(fc.array(fc.record({ address: orJunk(addressText) }), { maxLength: 2 })),
          },
          { requiredKeys: [] },
        ),
      ),
      "cni.dev/valid-attachments": orJunk(
        fc.array(fc.record({ containerID: orJunk(containerId), ifname: orJunk(ifname) }), { maxLength: 3 }),
      ),
    },
    { requiredKeys: ["cniVersion", "name", "type", "ipam"] },
  );
}

const argValue = fc.oneof(
  addressText,
  fc.array(addressText, { minLength: 1, maxLength: 3 }).map((list) => list.join(",")),
  fc.constantFrom("1", "true", "0", ""),
  nastyString,
);
const argPair = pick([
  [
    fc
      .tuple(
        fc.constantFrom(
          "IP",
          "K8S_POD_NAMESPACE",
          "K8S_POD_NAME",
          "K8S_POD_INFRA_CONTAINER_ID",
          "K8S_POD_UID",
          "IgnoreUnknown",
        ),
        argValue,
      )
      .map(([key, value]) => `${key}=${value}`),
    12,
  ],
  [fc.tuple(validName, argValue).map(([key, value]) => `${key}=${value}`), 1],
  [nastyString, 1],
]);
export const cniArgs: fc.Arbitrary<string> = pick([
  [fc.array(argPair, { maxLength: 4 }).map((pairs) => pairs.join(";")), 8],
  [nastyString, 1],
]);

export type PluginEnv = Record<string, string | undefined>;

/** CNI_* as a runtime might (mis)set them; a missing key is an unset variable. */
const sometimesUnset = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { freq: 15, nil: undefined });
export const pluginEnv: fc.Arbitrary<PluginEnv> = fc
  .record({
    CNI_COMMAND: sometimesUnset(
      pick([
        [fc.constantFrom("ADD", "ADD", "ADD", "DEL", "CHECK", "GC", "STATUS", "VERSION"), 16],
        [fc.constantFrom("add", "", "ADD ", "DELETE"), 1],
        [nastyString, 1],
      ]),
    ),
    CNI_CONTAINERID: sometimesUnset(containerId),
    CNI_NETNS: sometimesUnset(
      pick([
        [fc.constant("/var/run/netns/hostile"), 8],
        [nastyString, 1],
      ]),
    ),
    CNI_IFNAME: sometimesUnset(ifname),
    CNI_PATH: sometimesUnset(
      pick([
        [fc.constant("/opt/cni/bin"), 8],
        [nastyString, 1],
      ]),
    ),
    CNI_ARGS: fc.option(cniArgs, { freq: 2, nil: undefined }),
  })
  .map((env) => Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)));

/** Edits to a decoded document: a random node is deleted, replaced, given an extra key or wrapped. */
const objectEdit = fc.tuple(
  fc.nat(),
  fc.constantFrom("delete", "replace", "add-key", "wrap", "stringify", "empty"),
  junk,
  nastyString,
);
export type ObjectEdit = [number, string, unknown, string];
export const objectEdits = fc.array(objectEdit, { minLength: 1, maxLength: 3 }) as fc.Arbitrary<ObjectEdit[]>;

export function applyObjectEdits(value: unknown, edits: readonly ObjectEdit[]): unknown {
  const root = { value: structuredClone(value) as unknown };
  for (const [index, action, shared, key] of edits) {
    // A copy per use: one value placed twice would let a later edit build a cycle.
    const replacement = structuredClone(shared);
    const slots: [Record<string, unknown>, string][] = [];
    const walk = (holder: Record<string, unknown>, slot: string): void => {
      slots.push([holder, slot]);
      const child = holder[slot];
      if (child !== null && typeof child === "object")
        for (const name of Object.keys(child)) walk(child as Record<string, unknown>, name);
    };
    walk(root, "value");
    const [holder, slot] = slots[index % slots.length]!;
    const current = holder[slot];
    if (action === "delete" && holder !== root) delete holder[slot];
    else if (action === "replace") holder[slot] = replacement;
    else if (action === "add-key" && Array.isArray(current)) current.push(replacement);
    else if (action === "add-key" && current !== null && typeof current === "object")
      (current as Record<string, unknown>)[key] = replacement;
    else if (action === "wrap") holder[slot] = [current];
    else if (action === "stringify") holder[slot] = JSON.stringify(current) ?? "undefined";
    else if (action === "empty") holder[slot] = Array.isArray(current) ? [] : typeof current === "object" ? {} : "";
  }
  return root.value;
}

/** Edits to the bytes of a document: truncation, insertion, deletion, a flipped character. */
const textEdit = fc.tuple(
  fc.nat(),
  fc.constantFrom("truncate", "insert", "delete", "flip"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 3 }),
);
export const textEdits = fc.array(textEdit, { minLength: 1, maxLength: 3 });

export function applyTextEdits(text: string, edits: readonly [number, string, string][]): string {
  let out = text;
  for (const [index, action, chunk] of edits) {
    const at = out.length === 0 ? 0 : index % out.length;
    if (action === "truncate") out = out.slice(0, at);
    else if (action === "insert") out = out.slice(0, at) + chunk + out.slice(at);
    else if (action === "delete") out = out.slice(0, at) + out.slice(at + chunk.length);
    else
      out =
        out.slice(0, at) +
        String.fromCharCode(out.charCodeAt(at) ^ (1 << (chunk.charCodeAt(0) % 7))) +
        out.slice(at + 1);
  }
  return out;
}

/**
 * Generated input must never make the plugin write outside the test's directory: a config whose
 * ipam block would be accepted with no dataDir (the default is /var/lib/cni/ippool) or with an
 * absolute dataDir elsewhere is not run. Decided exactly as the plugin decodes: JSON.parse.
 */
export function staysInside(stdin: string, root: string): boolean {
  let value: unknown;
  try {
    value = JSON.parse(stdin);
  } catch {
    return true;
  }
  const ipam = (value as { ipam?: unknown } | null)?.ipam;
  if (typeof ipam !== "object" || ipam === null || Array.isArray(ipam)) return true;
  if (!Object.hasOwn(ipam, "dataDir")) return false;
  const dataDir = (ipam as { dataDir: unknown }).dataDir;
  if (typeof dataDir !== "string" || !dataDir.startsWith("/") || dataDir.includes("\0")) return true;
  const resolved = resolve(dataDir);
  return resolved === root || resolved.startsWith(`${root}/`);
}
