// ippool verify: each broken invariant planted in a real store is found and named, and verify itself changes nothing.
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execCli, execPlugin, tempDir } from "../helpers/ippool.js";
import { inlineConf, plantPendingCommit, readState, runVerify, snapshotFiles, writeState } from "./support.js";

const NETWORK = "vnet";
const POOL_FILE = "pool/10.40.0.0_24.json";
const BLOCK_FILE = "block/10.40.0.0_24/0.json";
const C1 = `${NETWORK}/c1:eth0`;
const C2 = `${NETWORK}/c2:eth0`;
const attachmentFile = (name: string) => `attachment/${NETWORK}/${name}:eth0.json`;

/** Each way a store can break, planted on a store where c1 holds 10.40.0.2 and c2 holds 10.40.0.3. */
const breakages: { what: string; plant: (file: (path: string) => string) => void; finds: RegExp }[] = [
  { what: "a taken address whose holder has no record (leak)", plant: (f) => rmSync(f(attachmentFile("c2"))), finds: /10\.40\.0\.3 .* taken by vnet\/c2:eth0, which has no attachment record/ },
  {
    what: "a record whose address is free in the bitmap",
    plant: (f) => {
      writeState(f(BLOCK_FILE), { pool: "10.40.0.0/24", bitmap: "4", owners: { 2: C1 } });
      writeState(f(POOL_FILE), { ...readState(f(POOL_FILE)), blocks: { 0: 1 } });
    },
    finds: /holds 10\.40\.0\.3 of pool 10\.40\.0\.0\/24, but the pool's bitmap shows it free/,
  },
  {
    what: "one address held by two records",
    plant: (f) => writeState(f(attachmentFile("c3")), { ...readState(f(attachmentFile("c1"))), containerId: "c3" }),
    finds: /address 10\.40\.0\.2 is held more than once: by vnet\/c1:eth0, vnet\/c3:eth0/,
  },
  {
    what: "an address outside its pool",
    plant: (f) => writeState(f(attachmentFile("c2")), { ...readState(f(attachmentFile("c2"))), addresses: [{ pool: "10.40.0.0/24", address: "10.41.0.3" }] }),
    finds: /holds 10\.41\.0\.3, which lies outside its pool 10\.40\.0\.0\/24/,
  },
  { what: "a cursor outside its pool", plant: (f) => writeState(f(POOL_FILE), { ...readState(f(POOL_FILE)), cursor: "300" }), finds: /cursor 300 lies outside the pool/ },
  {
    what: "a usage count that differs from the bitmap",
    plant: (f) => writeState(f(POOL_FILE), { ...readState(f(POOL_FILE)), blocks: { 0: 5 } }),
    finds: /counts 5 address\(es\) in block 0 but the block's bitmap has 2 set/,
  },
  {
    what: "an owner recorded for a free bit",
    plant: (f) => writeState(f(BLOCK_FILE), { ...readState(f(BLOCK_FILE)), owners: { ...readState(f(BLOCK_FILE)).owners, 7: `${NETWORK}/c9:eth0` } }),
    finds: /owner vnet\/c9:eth0 is recorded for bit 7 \(10\.40\.0\.7\), which is free/,
  },
  {
    what: "a taken bit with no owner",
    plant: (f) => writeState(f(BLOCK_FILE), { ...readState(f(BLOCK_FILE)), owners: { 2: C1 } }),
    finds: /10\.40\.0\.3 is taken but no owner is recorded for it/,
  },
  {
    what: "the network address taken",
    plant: (f) => {
      writeState(f(BLOCK_FILE), { pool: "10.40.0.0/24", bitmap: "d", owners: { 0: C1, 2: C1, 3: C2 } });
      writeState(f(POOL_FILE), { ...readState(f(POOL_FILE)), blocks: { 0: 3 } });
    },
    finds: /10\.40\.0\.0 is taken but is the network address of pool 10\.40\.0\.0\/24/,
  },
  {
    what: "the gateway address taken",
    plant: (f) => {
      writeState(f(BLOCK_FILE), { pool: "10.40.0.0/24", bitmap: "e", owners: { 1: C1, 2: C1, 3: C2 } });
      writeState(f(POOL_FILE), { ...readState(f(POOL_FILE)), blocks: { 0: 3 } });
    },
    finds: /10\.40\.0\.1 is taken but is the gateway \(network\+1\) of pool 10\.40\.0\.0\/24/,
  },
  {
    what: "two overlapping pools that both hold an address",
    plant: (f) => {
      writeState(f("block/10.40.0.0_16/0.json"), { pool: "10.40.0.0/16", bitmap: "4", owners: { 2: C1 } });
      writeState(f("pool/10.40.0.0_16.json"), { pool: "10.40.0.0/16", blocks: { 0: 1 } });
    },
    finds: /pools 10\.40\.0\.0\/16 and 10\.40\.0\.0\/24 overlap and both hold addresses/,
  },
  {
    what: "a record stored under another attachment's name",
    plant: (f) => renameSync(f(attachmentFile("c2")), f(attachmentFile("c5"))),
    finds: /record names attachment vnet\/c2:eth0 but is stored as vnet\/c5:eth0/,
  },
  { what: "a state file ippool did not write", plant: (f) => writeState(f("stray.json"), { hello: 1 }), finds: /unexpected file in the data dir/ },
];

describe("ippool verify", () => {
  let dir: ReturnType<typeof tempDir>;
  const file = (path: string) => join(dir.path, path);

  beforeEach(async () => {
    dir = tempDir();
    for (const containerId of ["c1", "c2"]) {
      const result = await execPlugin({ command: "ADD", containerId }, inlineConf(dir.path, NETWORK, ["10.40.0.0/24"]));
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
    const record = plantPendingCommit(dir.path, [[`attachment/${C1}`, readState(file(attachmentFile("c1")))], [`attachment/${C2}`, readState(file(attachmentFile("c2")))]]);
    rmSync(file(attachmentFile("c2")));
    const before = snapshotFiles(dir.path);
    const { result, report } = await runVerify(dir.path);
    expect(report.problems).toEqual([]);
    expect(result.code).toBe(0);
    expect(report.notes.join("\n")).toContain(`${record.slice(dir.path.length + 1)} holds a committed change of 2 write(s) not yet in the files`);
    expect(snapshotFiles(dir.path)).toEqual(before);
  });

  it("notes temporary files that killed writers left, without failing", async () => {
    mkdirSync(file("tmp"), { recursive: true });
    writeFileSync(file("tmp/c1:eth0.json.4242-abcd1234"), "{");
    const { result, report } = await runVerify(dir.path);
    expect(result.code).toBe(0);
    expect(report.notes.join("\n")).toMatch(/1 temporary file\(s\) left by killed writes/);
  });

  it("passes a store with nothing wrong, and one that does not exist yet", async () => {
    const text = await execCli(["verify"], { dataDir: dir.path });
    expect(text.stdout).toMatch(/1 pool\(s\), 1 block\(s\), 2 attachment\(s\), 2 address\(es\)\nok: no problems found/);
    expect(text.code).toBe(0);
    const missing = await execCli(["verify"], { dataDir: join(dir.path, "nothing-here") });
    expect(missing.code).toBe(0);
    expect(missing.stdout).toMatch(/no store at .* yet/);
  });

  it("rejects an unknown output format as a usage error", async () => {
    const result = await execCli(["verify", "-o", "yaml"], { dataDir: dir.path });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown output format "yaml"/);
  });
});
