// Robustness: a lock whose owner provably died is taken over at once, a live holder's never; a busy lock gives code 11, never a hang.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execPlugin, tempDir } from "../helpers/ippool.js";
import { deadOwner, expectVerifyPasses, inlineConf, snapshotFiles } from "./support.js";

const HOLD_LOCK = fileURLToPath(new URL("./fixtures/hold-lock.cjs", import.meta.url));
/** src/store/disk/lock.ts OWNERLESS_LOCK_MS: a lock dir without an owner record is stale once this old. */
const OWNERLESS_SECONDS = 10;

/** Starts a process that holds the store lock (with its owner record) and resolves once it does. */
function holdLock(dataDir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [HOLD_LOCK, dataDir], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("locked") && resolve(child));
    child.on("exit", (code) => reject(new Error(`lock holder exited (${code}): ${stderr}`)));
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.on("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

describe("store lock", () => {
  let dir: ReturnType<typeof tempDir>;
  let holder: ChildProcess | undefined;
  const conf = (lockWaitSeconds: number) => inlineConf(dir.path, "locknet", ["10.70.0.0/24"], { lockWaitSeconds });

  beforeEach(async () => {
    dir = tempDir();
    const first = await execPlugin({ command: "ADD", containerId: "c0" }, conf(5));
    expect(first.code, first.stdout).toBe(0);
  });
  afterEach(async () => {
    if (holder) await kill(holder);
    holder = undefined;
    dir.remove();
  });

  it.each(["ADD", "DEL"])(
    "gives %s code 11 when a live holder keeps the lock past the wait budget, changing nothing",
    async (command) => {
      holder = await holdLock(dir.path);
      const before = snapshotFiles(dir.path);
      const result = await execPlugin({ command, containerId: command === "ADD" ? "c1" : "c0" }, conf(1));
      expect(result.code, result.stdout).toBe(1);
      expect(result.json).toMatchObject({ code: 11, msg: expect.stringContaining("locked by another ippool process") });
      expect(result.json.details).toMatch(/retry later/);
      expect(snapshotFiles(dir.path)).toEqual(before);
    },
  );

  it("answers CHECK while a live holder keeps the lock: reads take no lock", async () => {
    const added = await execPlugin({ command: "ADD", containerId: "c0" }, conf(5));
    holder = await holdLock(dir.path);
    const result = await execPlugin({ command: "CHECK", containerId: "c0" }, { ...conf(1), prevResult: added.json });
    expect(result.code, result.stdout).toBe(0);
  });

  it("never takes over the lock of a live holder, however long it is held", async () => {
    holder = await holdLock(dir.path);
    // The wait outlasts the bound for a lock without an owner record: only a dead owner's lock is taken.
    const result = await execPlugin({ command: "ADD", containerId: "c1" }, conf(OWNERLESS_SECONDS + 3));
    expect(result.json).toMatchObject({ code: 11 });
    await kill(holder);
  });

  it("takes over the lock of a killed holder at once", async () => {
    holder = await holdLock(dir.path);
    await kill(holder);
    const result = await execPlugin({ command: "ADD", containerId: "c1" }, conf(1));
    expect(result.code, result.stdout).toBe(0);
    expect(result.json.ips).toHaveLength(1);
    await expectVerifyPasses(dir.path);
  });

  it.each([
    ["a pid that no longer runs", () => deadOwner()],
    ["another boot", () => ({ ...deadOwner(), pid: process.pid, boot: "00000000-0000-0000-0000-000000000000" })],
    ["a reused pid (same pid, other start time)", () => ({ ...deadOwner(), pid: process.pid })],
  ])("takes over at once a lock whose owner record names %s", async (_what, owner) => {
    const lockDir = join(dir.path, "store.lock");
    mkdirSync(lockDir);
    writeFileSync(join(lockDir, "owner.json"), JSON.stringify(owner()));
    const result = await execPlugin({ command: "ADD", containerId: "c1" }, conf(1));
    expect(result.code, result.stdout).toBe(0);
    await expectVerifyPasses(dir.path);
  });

  it("takes over a lock dir without an owner record only once it is older than the bound", async () => {
    const lockDir = join(dir.path, "store.lock");
    mkdirSync(lockDir);
    const young = await execPlugin({ command: "ADD", containerId: "c1" }, conf(1));
    expect(young.json).toMatchObject({ code: 11 });
    const old = new Date(Date.now() - (OWNERLESS_SECONDS + 50) * 1000);
    utimesSync(lockDir, old, old);
    const result = await execPlugin({ command: "ADD", containerId: "c1" }, conf(1));
    expect(result.code, result.stdout).toBe(0);
    await expectVerifyPasses(dir.path);
  });
});
