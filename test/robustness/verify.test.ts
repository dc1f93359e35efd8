// ippool verify: each broken invariant planted in a real store is found and named, and verify itself changes nothing.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execCli, execPlugin, tempDir } from "../helpers/ippool.js";
import { inlineConf, plantPendingCommit, readState, runVerify, snapshotFiles, writeState } from "./support.js";

const NETWORK = "vnet";
const NODE = "vnode";
const STATE_FILE = `node-state/${NODE}/10.40.0.0_24.json`;
const BLOCK_FILE = "block/10.40.0.0_24/0.json";
const C1 = `${NETWORK}/c1:eth0`;
const C2 = `${NETWORK}/c2:eth0`;
const attachmentFile = (name: string) => `attachment/${NETWORK}/${name}:eth0.json`;

type File = (path: string) => string;
/** The block's owner entry of bit `bit` as the ADD wrote it (attachment and handle). */
const ownerAt = (f: File, bit: number) => readState(f(BLOCK_FILE)).owners[bit];
/** Rewrites the block keeping its affinity and write count, so only the planted change is wrong. */
const rewriteBlock = (f: File, change: Record<string, unknown>) =>
  writeState(f(BLOCK_FILE), { ...readState(f(BLOCK_FILE)), ...change });

/** Each way a store can break, planted on a store where c1 holds 10.40.0.2 and c2 holds 10.40.0.3. */
const breakages: { what: string; plant: (file: File) => void; finds: RegExp }[] = [
  {
    what: "a taken address whose holder has no record (leak)",
    plant: (f) => rmSync(f(attachmentFile("c2"))),
    finds: /10\.40\.0\.3 .* taken by vnet\/c2:eth0, which has no attachment record/,
  },
  {
    what: "a record whose address is free in the bitmap",
    plant: (f) => rewriteBlock(f, { bitmap: "4", owners: { 2: ownerAt(f, 2) } }),
    finds: /holds 10\.40\.0\.3 of pool 10\.40\.0\.0\/24, but the pool's bitmap shows it free/,
  },
  {
    what: "one address held by two records",
    plant: (f) => writeState(f(attachmentFile("c3")), { ...readState(f(attachmentFile("c1"))), containerId: "c3" }),
    finds: /address 10\.40\.0\.2 is held more than once: by vnet\/c1:eth0, vnet\/c3:eth0/,
  },
  {
    what: "an address outside its pool",
    plant: (f) =>
      writeState(f(attachmentFile("c2")), {
        ...readState(f(attachmentFile("c2"))),
        addresses: [{ pool: "10.40.0.0/24", address: "10.41.0.3" }],
      }),
    finds: /holds 10\.41\.0\.3, which lies outside its pool 10\.40\.0\.0\/24/,
  },
  {
    what: "a cursor outside its pool",
    plant: (f) => writeState(f(STATE_FILE), { ...readState(f(STATE_FILE)), cursor: "300" }),
    finds: /cursor 300 lies outside the pool/,
  },
  {
    what: "a block older than its node's record of it (restored from an earlier copy)",
    plant: (f) =>
      writeState(f(STATE_FILE), { ...readState(f(STATE_FILE)), blocks: { 0: readState(f(BLOCK_FILE)).seq + 3 } }),
    finds: /is older than node vnode's record of it \(write 2, recorded 5\)/,
  },
  {
    what: "a block that its node lists but that is gone",
    plant: (f) =>
      writeState(f(STATE_FILE), { ...readState(f(STATE_FILE)), blocks: { ...readState(f(STATE_FILE)).blocks, 1: 4 } }),
    finds: /lists block 1, whose file block\/10\.40\.0\.0_24\/1 is missing \(lost, not released/,
  },
  {
    what: "a block affine to a node whose state does not list it",
    plant: (f) => rewriteBlock(f, { node: "elsewhere" }),
    finds:
      /is affine to node elsewhere, but node-state\/elsewhere\/10\.40\.0\.0_24 does not list it[\s\S]*lists block 0, which is affine to node elsewhere/,
  },
  {
    what: "a record whose allocation handle differs from the block's",
    plant: (f) => writeState(f(attachmentFile("c2")), { ...readState(f(attachmentFile("c2"))), handle: "not-the-one" }),
    finds: /holds 10\.40\.0\.3 of pool 10\.40\.0\.0\/24 as allocation not-the-one, but the block records allocation /,
  },
  {
    what: "an owner recorded for a free bit",
    plant: (f) =>
      rewriteBlock(f, {
        owners: { ...readState(f(BLOCK_FILE)).owners, 7: { attachment: `${NETWORK}/c9:eth0`, handle: "h" } },
      }),
    finds: /owner vnet\/c9:eth0 is recorded for bit 7 \(10\.40\.0\.7\), which is free/,
  },
  {
    what: "a taken bit with no owner",
    plant: (f) => rewriteBlock(f, { owners: { 2: ownerAt(f, 2) } }),
    finds: /10\.40\.0\.3 is taken but no owner is recorded for it/,
  },
  {
    what: "the network address taken",
    plant: (f) => rewriteBlock(f, { bitmap: "d", owners: { 0: ownerAt(f, 2), 2: ownerAt(f, 2), 3: ownerAt(f, 3) } }),
    finds: /10\.40\.0\.0 is taken but is the network address of pool 10\.40\.0\.0\/24/,
  },
  {
    what: "the gateway address taken",
    plant: (f) => rewriteBlock(f, { bitmap: "e", owners: { 1: ownerAt(f, 2), 2: ownerAt(f, 2), 3: ownerAt(f, 3) } }),
    finds: /10\.40\.0\.1 is taken but is the gateway \(network\+1\) of pool 10\.40\.0\.0\/24/,
  },
  {
    what: "two overlapping pools that both hold an address",
    plant: (f) => {
      writeState(f("block/10.40.0.0_16/0.json"), {
        pool: "10.40.0.0/16",
        node: NODE,
        seq: 1,
        bitmap: "4",
        owners: { 2: ownerAt(f, 2) },
      });
      writeState(f(`node-state/${NODE}/10.40.0.0_16.json`), { pool: "10.40.0.0/16", node: NODE, blocks: { 0: 1 } });
      writeState(f("claims/10.40.0.0_16.json"), { pool: "10.40.0.0/16", blocks: { 0: NODE } });
    },
    finds: /pools 10\.40\.0\.0\/16 and 10\.40\.0\.0\/24 overlap and both hold addresses/,
  },
  {
    what: "a record stored under another attachment's name",
    plant: (f) => renameSync(f(attachmentFile("c2")), f(attachmentFile("c5"))),
    finds: /record names attachment vnet\/c2:eth0 but is stored as vnet\/c5:eth0/,
  },
  {
    what: "a claimed block whose file is gone",
    plant: (f) => writeState(f("claims/10.40.0.0_24.json"), { pool: "10.40.0.0/24", blocks: { 0: NODE, 2: "other" } }),
    finds: /records block 2 as claimed by node other, but its file block\/10\.40\.0\.0_24\/2 is missing/,
  },
  {
    what: "a state file ippool did not write",
    plant: (f) => writeState(f("stray.json"), { hello: 1 }),
    finds: /not written by ippool/,
  },
];

describe("ippool verify", () => {
  let dir: ReturnType<typeof tempDir>;
  const file = (path: string) => join(dir.path, path);

  beforeEach(async () => {
    dir = tempDir();
    for (const containerId of ["c1", "c2"]) {
      const result = await execPlugin(
        { command: "ADD", containerId },
        inlineConf(dir.path, NETWORK, ["10.40.0.0/24"], { nodename: NODE }),
      );
      expect(result.code, result.stdout).toBe(0);
    }
  });
  afterEach(() => dir.remove());

  it.each(breakages)("finds $what, names the file, exits 1 and changes nothing", async ({ plant, finds }) => {
    plant(file);
    const before = snapshotFiles(dir.path);
    const { result, report } = await runVerify(dir.path);
    expect(result.code).toBe(1);
    expect(report.ok).toBe(false);
    expect(report.problems.map((problem) => problem.message).join("\n")).toMatch(finds);
    for (const problem of report.problems) expect(problem.file.startsWith(dir.path)).toBe(true);
    expect(snapshotFiles(dir.path)).toEqual(before);

    const text = await execCli(["verify"], { dataDir: dir.path });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^problem: \//m);
    expect(text.stdout).toMatch(/problem\(s\) found; nothing was changed/);
  });

  it("checks a commit whose writer died before applying it as finished, without applying it, and says so", async () => {
    const record = plantPendingCommit(dir.path, [
      [`attachment/${C1}`, readState(file(attachmentFile("c1")))],
      [`attachment/${C2}`, readState(file(attachmentFile("c2")))],
    ]);
    rmSync(file(attachmentFile("c2")));
    const before = snapshotFiles(dir.path);
    const { result, report } = await runVerify(dir.path);
    expect(report.problems).toEqual([]);
    expect(result.code).toBe(0);
    expect(report.notes.join("\n")).toContain(
      `${record.slice(dir.path.length + 1)} holds a committed change of 2 write(s) not yet in the files`,
    );
    expect(snapshotFiles(dir.path)).toEqual(before);
  });

  it("notes temporary files that killed writers left, without failing", async () => {
    mkdirSync(file("tmp"), { recursive: true });
    writeFileSync(file("tmp/c1:eth0.json.4242-abcd1234"), "{");
    const { result, report } = await runVerify(dir.path);
    expect(result.code).toBe(0);
    expect(report.notes.join("\n")).toMatch(/1 temporary file\(s\) left by killed writes/);
  });

  it("passes a store with nothing wrong, and refuses one that does not exist (a mistyped --data-dir)", async () => {
    const text = await execCli(["verify"], { dataDir: dir.path });
    expect(text.stdout).toBe(
      `checked data dir ${dir.path}: 1 pool(s), 1 block(s), 2 attachment(s), 2 address(es)\nok: no problems found\n`,
    );
    expect(text.code).toBe(0);
    const missing = await execCli(["verify"], { dataDir: join(dir.path, "nothing-here") });
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain(
      `no ippool store in data dir ${join(dir.path, "nothing-here")}: the directory does not exist`,
    );
  });

  it("rejects an unknown output format as a usage error", async () => {
    const result = await execCli(["verify", "-o", "yaml"], { dataDir: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown output format "yaml"/);
  });
});
