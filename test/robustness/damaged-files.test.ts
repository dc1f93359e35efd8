// Robustness: a damaged state file (truncated, flipped bytes, wrong schema) is reported by every verb that reads it, never reset.
import { encodeStateFile } from "../../src/store/state-file.js";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execCli, execPlugin, poolDoc, tempDir, type PluginCall } from "../helpers/ippool.js";
import { plantPendingCommit, runVerify, snapshotFiles, writeState } from "./support.js";

const POOL = "10.50.0.0/24";
const NETWORK = "damnet";

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
const kinds: { kind: string; file: string; verbs: Verb[]; cli: string[][] }[] = [
  // A repeated ADD answers from the attachment alone, so it does not read the stored pools.
  { kind: "stored pools", file: "pools.json", verbs: ["ADD", "STATUS"], cli: [["get", "pools"], ["usage"], ["show", "10.50.0.2"]] },
  { kind: "pool state", file: "pool/10.50.0.0_24.json", verbs: ["ADD", "DEL", "GC", "STATUS"], cli: [["get", "pools", "-o", "wide"], ["usage"]] },
  { kind: "block", file: "block/10.50.0.0_24/0.json", verbs: ["ADD", "DEL", "CHECK", "GC"], cli: [["show", "10.50.0.2"]] },
  { kind: "attachment", file: `attachment/${NETWORK}/c1:eth0.json`, verbs: ["re-ADD", "DEL", "CHECK", "GC"], cli: [["allocations"], ["show", "10.50.0.2"]] },
  {
    kind: "commit record",
    file: "commit/PLANTED",
    verbs: ["ADD", "re-ADD", "DEL", "CHECK", "GC", "STATUS"],
    cli: [["allocations"], ["usage"], ["get", "pools"], ["show", "10.50.0.2"]],
  },
];

const cases = kinds.flatMap((entry) => Object.keys(damages).map((damage) => ({ ...entry, damage: damage as keyof typeof damages })));

describe("damaged state files", () => {
  let dir: ReturnType<typeof tempDir>;
  let conf: Record<string, unknown>;
  let added: any;

  beforeEach(async () => {
    dir = tempDir();
    writeState(join(dir.path, "pools.json"), { pools: [poolDoc(POOL, { "nat-outgoing": false, disabled: false })] });
    conf = { cniVersion: "1.1.0", name: NETWORK, type: "bridge", ipam: { type: "ippool", dataDir: dir.path } };
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
      CHECK: [{ command: "CHECK", containerId: "c1" }, { ...conf, prevResult: added }],
      GC: [{ command: "GC" }, { ...conf, "cni.dev/valid-attachments": [] }],
      STATUS: [{ command: "STATUS" }, conf],
    };
    return execPlugin(...calls[verb]);
  };

  it.each(cases)("reports a $damage $kind file in every verb and CLI command that reads it, naming it, and changes nothing", async ({ file, verbs, cli, damage }) => {
    const path = file === "commit/PLANTED" ? plantPendingCommit(dir.path, [[`attachment/${NETWORK}/c9:eth0`, null]]) : join(dir.path, file);
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
    }

    for (const args of cli) {
      const result = await execCli(args, { dataDir: dir.path });
      expect(result.code, `ippool ${args.join(" ")}: ${result.stdout}`).toBe(1);
      expect(result.stderr, args.join(" ")).toContain(path);
      expect(result.stderr, args.join(" ")).toMatch(/ippool verify/);
    }

    expect(snapshotFiles(dir.path)).toEqual(before);
    expect(readFileSync(path)).toEqual(damaged);
    const { result, report } = await runVerify(dir.path);
    expect(result.code).toBe(1);
    expect(report.problems.map((problem) => problem.message).join("\n")).toContain(path);
    expect(snapshotFiles(dir.path)).toEqual(before);
  });

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
