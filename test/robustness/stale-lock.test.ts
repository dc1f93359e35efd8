// Robustness: a lock left by a killed process is taken over within the stale bound; a live, busy lock gives code 11, never a hang.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { execPlugin, tempDir } from "../helpers/ippool.js";
import { expectVerifyPasses, inlineConf, snapshotFiles } from "./support.js";

const HOLD_LOCK = fileURLToPath(new URL("./fixtures/hold-lock.cjs", import.meta.url));
/** src/store/lock.ts STALE_LOCK_MS: a lock not refreshed for this long belongs to a dead process. */
const STALE_SECONDS = 10;

/** Starts a process that holds the store lock (refreshing it) and resolves once it does. */
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

  it.each(["ADD", "DEL", "CHECK"])("gives %s code 11 when a live holder keeps the lock past the wait budget, changing nothing", async (command) => {
    holder = await holdLock(dir.path);
    const before = snapshotFiles(dir.path);
    const result = await execPlugin({ command, containerId: command === "ADD" ? "c1" : "c0" }, conf(1));
    expect(result.code, result.stdout).toBe(1);
    expect(result.json).toMatchObject({ code: 11, msg: expect.stringContaining("locked by another ippool process") });
    expect(result.json.details).toMatch(/retry later/);
    expect(snapshotFiles(dir.path)).toEqual(before);
  });

  it("does not mistake a live, refreshed lock for a stale one, however long it is held", async () => {
    holder = await holdLock(dir.path);
    // The wait outlasts the stale bound: only a lock that stopped being refreshed may be taken over.
    const result = await execPlugin({ command: "ADD", containerId: "c1" }, conf(STALE_SECONDS + 3));
    expect(result.json).toMatchObject({ code: 11 });
    await kill(holder);
  });

  it(`takes over the lock of a killed holder within the stale bound (${STALE_SECONDS}s after its last refresh)`, async () => {
    holder = await holdLock(dir.path);
    await kill(holder);
    // The budget is the bound plus slack for starting a process on a loaded machine.
    const result = await execPlugin({ command: "ADD", containerId: "c1" }, conf(STALE_SECONDS + 5));
    expect(result.code, result.stdout).toBe(0);
    expect(result.json.ips).toHaveLength(1);
    await expectVerifyPasses(dir.path);
  });

  it("takes over at once a lock whose holder died longer ago than the bound (e.g. before a reboot)", async () => {
    const lockDir = join(dir.path, "store.lock");
    mkdirSync(lockDir);
    const old = new Date(Date.now() - (STALE_SECONDS + 50) * 1000);
    utimesSync(lockDir, old, old);
    const result = await execPlugin({ command: "ADD", containerId: "c1" }, conf(1));
    expect(result.code, result.stdout).toBe(0);
    await expectVerifyPasses(dir.path);
  });
});
