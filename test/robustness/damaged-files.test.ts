// Robustness: a damaged state file (truncated, flipped bytes, wrong schema) is reported by every verb that reads it, never reset.
import { encodeStateFile } from "../../src/store/disk/state-file.js";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execCli, execPlugin, poolDoc, tempDir, type PluginCall } from "../helpers/ippool.js";
import { plantPendingCommit, readState, runVerify, snapshotFiles, writeState } from "./support.js";

const POOL = "10.50.0.0/24";
const NETWORK = "damnet";
const NODE = "node-d";

const damages = {
  truncated: (bytes: Buffer) => bytes.subarray(0, Math.floor(bytes.length / 2)),
  "flipped bytes": (bytes: Buffer) => {
    const copy = Buffer.from(bytes);
    // Inside the data part of the envelope, past the checksum: what bit rot or a stray write does.
    for (const at of [Math.floor(copy.length * 0.7), Math.floor(copy.length * 0.8)]) copy[at] = copy[at]! ^ 0x04;
    return copy;
  },
  "wrong schema": () => {
    const data = { unexpected: true };
    return Buffer.from(encodeStateFile(data));
  },
} as const;

type Verb = "ADD" | "re-ADD" | "DEL" | "CHECK" | "GC" | "STATUS";

/**
 * Which verbs necessarily read each kind of file (a verb that never opens a file cannot
 * notice it is damaged): the stored pools, a pool's state, a block, an attachment, a commit
 * record not yet applied (planted as a writer that died after its commit point leaves it).
 */
const kinds: { kind: string; file: string; verbs: Verb[]; cli: string[][]; advice: (dataDir: string) => string }[] = [
  // A repeated ADD answers from the attachment alone, so it does not read the stored pools.
  {
    kind: "stored pools",
    file: "pools.json",
    verbs: ["ADD", "STATUS"],
    cli: [["get", "pools"], ["usage"], ["show", "10.50.0.2"]],
    advice: (dataDir) =>
      `no address: restore it from a backup, or remove it and apply the pool files again with 'ippool apply -f FILE --data-dir ${dataDir}'`,
  },
  // Every read of a block reads its node's state too (the block's last write is recorded there).
  {
    kind: "node state",
    file: `node-state/${NODE}/10.50.0.0_24.json`,
    verbs: ["ADD", "DEL", "CHECK", "GC", "STATUS"],
    cli: [["show", "10.50.0.2"]],
    advice: (dataDir) => `restore it from a backup; 'ippool verify --data-dir ${dataDir}' lists every problem`,
  },
  {
    kind: "block",
    file: "block/10.50.0.0_24/0.json",
    verbs: ["ADD", "DEL", "CHECK", "GC", "STATUS"],
    cli: [["show", "10.50.0.2"], ["usage"], ["blocks"], ["get", "pools", "-o", "wide"]],
    advice: (dataDir) =>
      `rebuild it from the attachment records with 'ippool blocks rebuild 10.50.0.0/26 --data-dir ${dataDir}'`,
  },
  {
    kind: "attachment",
    file: `attachment/${NETWORK}/c1:eth0.json`,
    verbs: ["re-ADD", "DEL", "CHECK", "GC"],
    cli: [["allocations"], ["show", "10.50.0.2"]],
    advice: () => "restore it from a backup; its addresses stay taken until then",
  },
  {
    kind: "commit record",
    file: "commit/PLANTED",
    verbs: ["ADD", "re-ADD", "DEL", "CHECK", "GC", "STATUS"],
    cli: [["allocations"], ["usage"], ["get", "pools"], ["show", "10.50.0.2"]],
    advice: () => "Do not remove it",
  },
];

const cases = kinds.flatMap((entry) =>
  Object.keys(damages).map((damage) => ({ ...entry, damage: damage as keyof typeof damages })),
);

describe("damaged state files", () => {
  let dir: ReturnType<typeof tempDir>;
  let conf: Record<string, unknown>;
  let added: any;

  beforeEach(async () => {
    dir = tempDir();
    writeState(join(dir.path, "pools.json"), { pools: [poolDoc(POOL, { "nat-outgoing": false, disabled: false })] });
    conf = {
      cniVersion: "1.1.0",
      name: NETWORK,
      type: "bridge",
      ipam: { type: "ippool", dataDir: dir.path, nodename: NODE },
    };
    const add = await execPlugin({ command: "ADD", containerId: "c1" }, conf);
    expect(add.code, add.stdout).toBe(0);
    added = add.json;
  });
  afterEach(() => dir.remove());

  const call = (verb: Verb) => {
    const calls: Record<Verb, [PluginCall, Record<string, unknown>]> = {
      ADD: [{ command: "ADD", containerId: "c2" }, conf],
      "re-ADD": [{ command: "ADD", containerId: "c1" }, conf],
      DEL: [{ command: "DEL", containerId: "c1" }, conf],
      CHECK: [
        { command: "CHECK", containerId: "c1" },
        { ...conf, prevResult: added },
      ],
      GC: [{ command: "GC" }, { ...conf, "cni.dev/valid-attachments": [] }],
      STATUS: [{ command: "STATUS" }, conf],
    };
    return execPlugin(...calls[verb]);
  };

  it.each(cases)(
    "reports a $damage $kind file in every verb and CLI command that reads it, naming it, and changes nothing",
    async ({ file, verbs, cli, damage, advice }) => {
      const path =
        file === "commit/PLANTED"
          ? plantPendingCommit(dir.path, [[`attachment/${NETWORK}/c9:eth0`, null]])
          : join(dir.path, file);
      const damaged = damages[damage](readFileSync(path));
      writeFileSync(path, damaged);
      const before = snapshotFiles(dir.path);

      for (const verb of verbs) {
        const result = await call(verb);
        expect(result.code, `${verb}: ${result.stdout}${result.stderr}`).toBe(1);
        expect(result.stderr, verb).not.toMatch(/at .*\.js|internal error/);
        // STATUS answers with its own code (50, cannot serve ADD) and carries the cause.
        expect(result.json.code, `${verb}: ${result.stdout}`).toBe(verb === "STATUS" ? 50 : 104);
        // GC releases each attachment on its own and lists every failure in details.
        expect(verb === "GC" ? `${result.json.msg} ${result.json.details}` : result.json.msg, verb).toContain(path);
        expect(`${result.json.msg} ${result.json.details}`, verb).toMatch(/ippool verify/);
        // The commit log is the one file whose removal could hand an address out twice: the advice never offers it.
        if (file === "commit/PLANTED") expect(result.json.details, verb).toMatch(/Do not remove it/);
        else expect(result.json.details, verb).not.toMatch(/Do not remove it/);
        // One way out per kind, naming the store: no document is told to release what it held, none to be removed unrestored.
        expect(`${result.json.msg} ${result.json.details}`, verb).toContain(advice(dir.path));
        expect(`${result.json.msg} ${result.json.details}`, verb).not.toMatch(/release what it held|reclaim/);
      }

      for (const args of cli) {
        const result = await execCli(args, { dataDir: dir.path });
        expect(result.code, `ippool ${args.join(" ")}: ${result.stdout}`).toBe(1);
        expect(result.stderr, args.join(" ")).toContain(path);
        expect(result.stderr, args.join(" ")).toMatch(/ippool verify/);
        expect(result.stderr, args.join(" ")).toContain(advice(dir.path));
      }

      expect(snapshotFiles(dir.path)).toEqual(before);
      expect(readFileSync(path)).toEqual(damaged);
      const { result, report } = await runVerify(dir.path);
      expect(result.code).toBe(1);
      expect(report.problems.map((problem) => problem.message).join("\n")).toContain(path);
      expect(snapshotFiles(dir.path)).toEqual(before);
    },
  );

  it.each(Object.keys(damages) as (keyof typeof damages)[])(
    "repairs a %s block file the way every message advises: blocks rebuild, in place",
    async (damage) => {
      const path = join(dir.path, "block/10.50.0.0_24/0.json");
      writeFileSync(path, damages[damage](readFileSync(path)));
      const rebuild = `ippool blocks rebuild 10.50.0.0/26 --data-dir ${dir.path}`;
      expect((await call("ADD")).json.details).toContain(`'${rebuild}'`);
      const verify = await execCli(["verify"], { dataDir: dir.path });
      expect(verify.stdout).toContain(`\n  ${rebuild}\n`);
      // Exactly the advised command line, run as printed.
      const rebuilt = await execCli(rebuild.split(" ").slice(1), {});
      expect(rebuilt.stdout, rebuilt.stderr).toBe(
        `rebuilt block 10.50.0.0/26 of node ${NODE} from the attachment records: 1 address(es) held\n`,
      );
      expect((await runVerify(dir.path)).report.problems).toEqual([]);
      const next = await call("ADD");
      expect(next.json.ips?.[0]?.address, next.stdout).toBe("10.50.0.3/24");
    },
  );

  it("reports a stored pool document that fails the pool schema, naming pools.json", async () => {
    const path = join(dir.path, "pools.json");
    writeState(path, { pools: [{ ...poolDoc(POOL), apiVersion: "v9" }] });
    const before = snapshotFiles(dir.path);
    for (const verb of ["ADD", "STATUS"] as const) {
      const result = await call(verb);
      expect(result.code, verb).toBe(1);
      expect(result.json.code, verb).toBe(verb === "STATUS" ? 50 : 104);
      expect(result.json.msg, verb).toContain(path);
    }
    expect(snapshotFiles(dir.path)).toEqual(before);
    const { result, report } = await runVerify(dir.path);
    expect(result.code).toBe(1);
    expect(report.problems.map((problem) => `${problem.file} ${problem.message}`).join("\n")).toContain(path);
  });

  it("verify passes on the undamaged store it was given", async () => {
    const { result, report } = await runVerify(dir.path);
    expect(report.problems).toEqual([]);
    expect(result.code).toBe(0);
    expect(report.checked).toMatchObject({ pools: 1, blocks: 1, attachments: 1, addresses: 1 });
  });
});

/**
 * Files that are intact (valid checksum) but do not say what happened: removed, restored from an
 * earlier copy, edited by hand. The allocator must never hand out an address that is held, and
 * where it stops, the error names the file and gives advice that is safe to follow.
 */
describe("block and node state files removed, restored or edited", () => {
  let dir: ReturnType<typeof tempDir>;
  const file = (path: string) => join(dir.path, path);
  const BLOCK = "block/10.50.0.0_24/0";
  const STATE = `node-state/${NODE}/10.50.0.0_24`;
  const conf = (cidr = POOL, node = NODE) => ({
    cniVersion: "1.1.0",
    name: NETWORK,
    type: "bridge",
    ipam: { type: "ippool", dataDir: dir.path, nodename: node, ipPools: [poolDoc(cidr)] },
  });
  const add = async (containerId: string, config = conf()) => execPlugin({ command: "ADD", containerId }, config);
  const addOk = async (containerId: string, config = conf()) => {
    const result = await add(containerId, config);
    expect(result.code, result.stdout).toBe(0);
    return result.json.ips.map((ip: { address: string }) => ip.address.split("/")[0]) as string[];
  };
  /** Every address held, from the attachment records: none may appear twice. */
  const held = async () => {
    const docs: { addresses: { address: string }[] }[] = JSON.parse(
      (await execCli(["allocations", "-o", "json"], { dataDir: dir.path })).stdout,
    );
    const addresses = docs.flatMap((doc) => doc.addresses.map((entry) => entry.address));
    expect(new Set(addresses).size, addresses.join(" ")).toBe(addresses.length);
    return addresses;
  };
  const verifyFinds = async (pattern: RegExp) => {
    const { result, report } = await runVerify(dir.path);
    expect(result.code).toBe(1);
    expect(report.problems.map((problem) => `${problem.file}: ${problem.message}`).join("\n")).toMatch(pattern);
  };
  /** Refused with code 104 naming the block, advising the rebuild that works (with the store's flags), never a removal. */
  const expectSafeRefusal = (result: { json: any }) => {
    expect(result.json, JSON.stringify(result.json)).toMatchObject({ code: 104 });
    expect(result.json.msg).toContain(BLOCK);
    expect(result.json.details).toContain(
      `rebuild it from the attachment records with 'ippool blocks rebuild 10.50.0.0/26 --data-dir ${dir.path}'`,
    );
    expect(result.json.details).toContain("or put back its newest copy");
    expect(result.json.details).not.toMatch(/remove/i);
  };

  /** `ippool blocks rebuild` as the refusal advises; then verify passes and the next ADD takes a free address. */
  const rebuildAndCheck = async (heldCount: number, after: string[]) => {
    const rebuilt = await execCli(["blocks", "rebuild", "10.50.0.0/26"], { dataDir: dir.path });
    expect(rebuilt.stdout, rebuilt.stderr).toBe(
      `rebuilt block 10.50.0.0/26 of node node-d from the attachment records: ${heldCount} address(es) held\n`,
    );
    const { result, report } = await runVerify(dir.path);
    expect(report.problems).toEqual([]);
    expect(result.code).toBe(0);
    await addOk("after-rebuild");
    expect((await held()).sort()).toEqual(after.sort());
  };

  beforeEach(() => {
    dir = tempDir();
  });
  afterEach(() => dir.remove());
  const sorted = (addresses: readonly string[]) => [...addresses].sort();
  /** A claim after the pool's first one starts at a block picked by a hash of the node name: any block but block 0, at its first usable address. */
  const addOkInAnotherBlock = async (...args: Parameters<typeof addOk>): Promise<string> => {
    const [address] = await addOk(...args);
    expect(address).toMatch(/^10\.50\.0\.(64|128|192)$/);
    return address!;
  };

  it("a removed block file: its node refuses to allocate, another node claims another block, no address is handed out twice", async () => {
    expect([...(await addOk("c1")), ...(await addOk("c2"))]).toEqual(["10.50.0.2", "10.50.0.3"]);
    rmSync(file(`${BLOCK}.json`));
    expectSafeRefusal(await add("c3"));
    // Another node must not take the lost block for unclaimed: its addresses are still held.
    const other = await addOkInAnotherBlock("c4", conf(POOL, "node-e"));
    // STATUS carries the same cause.
    const status = await execPlugin({ command: "STATUS" }, conf());
    expect(status.json).toMatchObject({ code: 50 });
    expect(sorted(await held())).toEqual(sorted(["10.50.0.2", "10.50.0.3", other]));
    await verifyFinds(/lists block 0, whose file block\/10\.50\.0\.0_24\/0 is missing/);
    // The advised way out: rebuilt from the records, the block serves ADD again without reusing a held address.
    await rebuildAndCheck(2, ["10.50.0.2", "10.50.0.3", "10.50.0.4", other]);
  });

  it("a block file restored from an earlier copy: refused as older than its node's record, no address handed out twice", async () => {
    await addOk("c1");
    const earlier = readFileSync(file(`${BLOCK}.json`));
    await addOk("c2");
    await addOk("c3");
    writeFileSync(file(`${BLOCK}.json`), earlier);
    const refused = await add("c4");
    expectSafeRefusal(refused);
    expect(refused.json.msg).toMatch(
      /older than node node-d's record of it \(the block shows write 1, the node recorded write 3\)/,
    );
    // Asking for an address the restored copy shows free is refused the same way.
    expectSafeRefusal(await execPlugin({ command: "ADD", containerId: "c5", args: "IP=10.50.0.3" }, conf()));
    const other = await addOkInAnotherBlock("c6", conf(POOL, "node-e"));
    expect(sorted(await held())).toEqual(sorted(["10.50.0.2", "10.50.0.3", "10.50.0.4", other]));
    await verifyFinds(/is older than node node-d's record of it \(write 1, recorded 3\)/);
    await rebuildAndCheck(3, ["10.50.0.2", "10.50.0.3", "10.50.0.4", "10.50.0.5", other]);
  });

  it("a held bit cleared by hand (its owner left in place): the address is never handed out again", async () => {
    // A /29 is one block of five usable addresses: fill it.
    const small = conf("10.51.0.0/29");
    for (const id of ["c1", "c2", "c3", "c4", "c5"]) await addOk(id, small);
    const path = file("block/10.51.0.0_29/0.json");
    writeState(path, { ...readState(path), bitmap: (BigInt(`0x${readState(path).bitmap}`) & ~4n).toString(16) });
    const full = await add("c6", small);
    expect(full.json).toMatchObject({ code: 100 });
    const asked = await execPlugin({ command: "ADD", containerId: "c7", args: "IP=10.51.0.2" }, small);
    expect(asked.json).toMatchObject({ code: 101 });
    expect(await held()).toHaveLength(5);
    await verifyFinds(/owner damnet\/c1:eth0 is recorded for bit 2 \(10\.51\.0\.2\), which is free/);
  });

  it("a node's record of its blocks emptied by hand: the node claims a new block instead of reusing a held one", async () => {
    await addOk("c1");
    await addOk("c2");
    writeState(file(`${STATE}.json`), { ...readState(file(`${STATE}.json`)), blocks: {} });
    const other = await addOkInAnotherBlock("c3");
    expect(sorted(await held())).toEqual(sorted(["10.50.0.2", "10.50.0.3", other]));
    await verifyFinds(/is affine to node node-d, but node-state\/node-d\/10\.50\.0\.0_24 does not list it/);
  });

  it("a node state file removed: its blocks stay claimed, so nothing held is handed out", async () => {
    await addOk("c1");
    rmSync(file(`${STATE}.json`));
    const second = await addOkInAnotherBlock("c2");
    const third = await addOkInAnotherBlock("c3", conf(POOL, "node-e"));
    expect(second).not.toBe(third);
    expect(sorted(await held())).toEqual(sorted(["10.50.0.2", second, third]));
    await verifyFinds(/does not list it/);
  });
});
