// Hostile input, in-process bulk: generated envs, netconfs, CNI_ARGS and stdin against runPlugin on a real store.
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import {
  applyObjectEdits,
  applyTextEdits,
  cniArgs,
  netconf,
  objectEdits,
  pluginEnv,
  staysInside,
  textEdits,
  SEEDED_CONTAINERS,
  type PluginEnv,
} from "./arbitraries.js";
import type { PluginOutcome } from "../../src/plugin/run-plugin.js";
import { checkOptions, hostileRoot, runInProcess, seedStore, validConf, validEnv } from "./harness.js";
import { outcomeProblem, snapshot, snapshotDiff } from "./outcome.js";

let root: { path: string; remove: () => void };
let sinceSeed = 0;
/** Outcomes by verb and code; IPPOOL_HOSTILE_STATS=1 prints them, to see that cases reach the allocator. */
const outcomes = new Map<string, number>();

beforeAll(async () => {
  root = hostileRoot();
  await seedStore(root.path);
});
afterAll(() => {
  root.remove();
  if (process.env.IPPOOL_HOSTILE_STATS)
    console.log(
      [...outcomes]
        .sort((a, b) => b[1] - a[1])
        .map(([key, count]) => `${key}: ${count}`)
        .join("\n"),
    );
});

/**
 * One case: the answer must be a valid result or a valid CNI error, and an error must leave
 * every byte of the store as it was. The store is re-seeded now and then so that it neither
 * fills up for good nor grows the snapshot without bound.
 */
async function expectSound(env: PluginEnv, stdin: string): Promise<PluginOutcome> {
  if (++sinceSeed >= 300) {
    sinceSeed = 0;
    await seedStore(root.path);
  }
  const before = snapshot(root.path);
  const { outcome } = await runInProcess(env, stdin);
  const problem = outcomeProblem(env.CNI_COMMAND, outcome.exitCode, outcome.stdout);
  if (problem) throw new Error(problem);
  const verb = ["ADD", "DEL", "CHECK", "GC", "STATUS", "VERSION"].includes(env.CNI_COMMAND ?? "")
    ? env.CNI_COMMAND
    : "(bad verb)";
  const key = `${verb} ${outcome.exitCode === 0 ? "ok" : String((JSON.parse(outcome.stdout) as { code: number }).code)}`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
  if (outcome.exitCode !== 0) {
    const changed = snapshotDiff(before, snapshot(root.path));
    if (changed.length > 0)
      throw new Error(`rejected input (${outcome.stdout.trim()}) changed the store: ${changed.join(", ")}`);
  }
  return outcome;
}

const dataDirs = () =>
  fc.oneof(
    { arbitrary: fc.constant(root.path), weight: 20 },
    { arbitrary: fc.constant(`${root.path}/sub`), weight: 2 },
    { arbitrary: fc.constantFrom<unknown>("relative/dir", "", 42, null, `${root.path}\0x`, ["/tmp"]), weight: 1 },
  );

/** Mostly verbs that touch the store, with well-formed CNI_* so that the netconf is what is on trial. */
const storeVerbEnv = fc
  .tuple(
    fc.constantFrom("ADD", "ADD", "DEL", "CHECK", "GC", "STATUS"),
    fc.constantFrom(...SEEDED_CONTAINERS, "ctr-4", "ctr-9"),
  )
  .map(([command, id]) => validEnv(command, id));

describe("runPlugin with hostile input", () => {
  it("answers generated environments and netconfs with a result or a CNI error", async () => {
    const input = fc
      .tuple(pluginEnv, netconf(dataDirs()))
      .map(([env, conf]) => ({ env, stdin: JSON.stringify(conf) }))
      .filter(({ stdin }) => staysInside(stdin, root.path));
    await fc.assert(
      fc.asyncProperty(input, async ({ env, stdin }) => void (await expectSound(env, stdin))),
      checkOptions(4000),
    );
  });

  it("answers netconfs with deleted, retyped and extra fields", async () => {
    const input = fc
      .tuple(storeVerbEnv, netconf(fc.constant(root.path)), objectEdits)
      .map(([env, conf, edits]) => ({ env, stdin: JSON.stringify(applyObjectEdits(conf, edits)) ?? "" }))
      .filter(({ stdin }) => staysInside(stdin, root.path));
    await fc.assert(
      fc.asyncProperty(input, async ({ env, stdin }) => void (await expectSound(env, stdin))),
      checkOptions(3000),
    );
  });

  it("answers truncated, spliced and random stdin", async () => {
    const stdin = fc.oneof(
      {
        arbitrary: fc
          .tuple(netconf(fc.constant(root.path)), textEdits)
          .map(([conf, edits]) => applyTextEdits(JSON.stringify(conf), edits)),
        weight: 6,
      },
      { arbitrary: fc.string({ unit: "binary", maxLength: 200 }), weight: 1 },
      { arbitrary: fc.json({ maxDepth: 4 }), weight: 1 },
      {
        arbitrary: fc.constantFrom(
          "",
          " ",
          "null",
          "[]",
          "{}",
          "0",
          '"x"',
          '{"cniVersion":"1.0.0"}',
          "\uFEFF{}",
          "{}{}",
          "\0",
        ),
        weight: 1,
      },
    );
    const input = fc.tuple(storeVerbEnv, stdin).filter(([, text]) => staysInside(text, root.path));
    await fc.assert(
      fc.asyncProperty(input, async ([env, text]) => void (await expectSound(env, text))),
      checkOptions(2000),
    );
  });

  it("answers ADD, CHECK, DEL, GC and STATUS of one attachment with generated CNI_ARGS, prevResults and live lists", async () => {
    const input = fc.record({
      id: fc.constantFrom(...SEEDED_CONTAINERS, "ctr-7", "ctr-8"),
      args: cniArgs,
      withArgsField: fc.boolean(),
      version: fc.constantFrom("0.4.0", "1.0.0", "1.1.0"),
      prevEdits: fc.option(objectEdits, { freq: 2 }),
      del: fc.boolean(),
      // GC and STATUS (1.1.0) on a valid config: GC keeps a generated subset of attachments live.
      after: fc.constantFrom("nothing", "STATUS", "GC"),
      // The stored pools, or a tiny inline one that fills after an ADD or two (codes 100, 50).
      pool: fc.constantFrom(
        "stored",
        "stored",
        "10.79.0.0/30",
        "10.79.1.0/31",
        "10.79.2.5/32",
        "fd79::/127",
        "fd79:1::/126",
      ),
      live: fc.subarray([...SEEDED_CONTAINERS, "ctr-7", "ctr-8"]),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ id, args, withArgsField, version, prevEdits, del, after, live, pool }) => {
        const family = pool.includes(":") ? "ipv6_pools" : "ipv4_pools";
        const ipam =
          pool === "stored"
            ? {}
            : { ipPools: [{ apiVersion: "v1", kind: "ipPool", metadata: { cidr: pool } }], [family]: [pool] };
        const conf = {
          ...validConf(root.path, ipam),
          cniVersion: version,
          ...(withArgsField ? { args: { cni: {} } } : {}),
        };
        const added = await expectSound(validEnv("ADD", id, { CNI_ARGS: args }), JSON.stringify(conf));
        const prevResult = added.exitCode === 0 ? JSON.parse(added.stdout) : { cniVersion: version, ips: [] };
        await expectSound(
          validEnv("CHECK", id),
          JSON.stringify({ ...conf, prevResult: prevEdits ? applyObjectEdits(prevResult, prevEdits) : prevResult }),
        );
        if (del) await expectSound(validEnv("DEL", id), JSON.stringify(conf));
        if (after !== "nothing") {
          const attachments = live.map((containerID) => ({ containerID, ifname: "eth0" }));
          await expectSound(
            { CNI_COMMAND: after },
            JSON.stringify({ ...conf, cniVersion: "1.1.0", "cni.dev/valid-attachments": attachments }),
          );
        }
      }),
      checkOptions(1000),
    );
  });
});
