// Robustness: a full or read-only data dir (a tiny tmpfs the test mounts) gives a clear I/O error and loses nothing.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { execPlugin } from "../helpers/ippool.js";
import { expectVerifyPasses, inlineConf, needsRoot, runVerify, snapshotFiles } from "./support.js";

const canMount = needsRoot("the full-disk suite");

/** tmpfs counts whole 4 KiB pages, so filling it page by page lets a test leave an exact amount free. */
const PAGE = 4096;

describe.skipIf(!canMount)("data dir on a full or read-only file system", () => {
  let mountPoint: string;
  let dataDir: string;
  let fillDir: string;
  let pages = 0;
  const conf = () => inlineConf(dataDir, "disknet", ["10.80.0.0/24"]);
  const add = (containerId: string) => execPlugin({ command: "ADD", containerId }, conf());

  /** Fills the file system with one-page files and returns how many it took. */
  function fill(): number {
    mkdirSync(fillDir, { recursive: true });
    for (let count = 0; ; count++) {
      try {
        writeFileSync(join(fillDir, String(count)), Buffer.alloc(PAGE, 1));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
        rmSync(join(fillDir, String(count)), { force: true });
        return count;
      }
    }
  }
  const freePages = (count: number) => {
    for (let i = 0; i < count; i++) rmSync(join(fillDir, String(--pages)));
  };

  beforeAll(() => {
    mountPoint = mkdtempSync(join(tmpdir(), "ippool-tmpfs-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs", mountPoint]);
    dataDir = join(mountPoint, "data");
    fillDir = join(mountPoint, "fill");
  });
  afterAll(() => {
    if (!mountPoint) return;
    try {
      execFileSync("umount", [mountPoint]);
    } catch {
      execFileSync("umount", ["-l", mountPoint]);
    }
    rmSync(mountPoint, { recursive: true, force: true });
  });
  beforeEach(() => {
    execFileSync("mount", ["-o", "remount,rw", mountPoint]);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(fillDir, { recursive: true, force: true });
  });

  it("fails ADD and DEL with code 5 on a full disk, keeps the previous state, and works once space is freed", async () => {
    const first = await add("c1");
    expect(first.code, first.stdout).toBe(0);
    pages = fill();
    const before = snapshotFiles(dataDir);

    for (const [command, containerId] of [
      ["ADD", "c2"],
      ["DEL", "c1"],
    ] as const) {
      const result = await execPlugin({ command, containerId }, conf());
      expect(result.code, result.stdout).toBe(1);
      expect(result.json).toMatchObject({
        code: 5,
        msg: expect.stringContaining("no space left on the device holding the data dir"),
      });
      expect(result.json.msg).toMatch(/free space and retry/);
      expect(snapshotFiles(dataDir)).toEqual(before);
    }
    expect((await runVerify(dataDir)).report.problems).toEqual([]);

    rmSync(fillDir, { recursive: true });
    const second = await add("c2");
    expect(second.code, second.stdout).toBe(0);
    expect(second.json.ips[0].address).not.toBe(first.json.ips[0].address);
    await expectVerifyPasses(dataDir);
  });

  it("keeps an ADD whose commit record was written before the disk filled, and finishes it once space is freed", async () => {
    expect((await add("c1")).code).toBe(0);
    pages = fill();
    // Two free pages: room for the lock's owner record and the commit record (then the head's
    // rename, the commit point) but not for the files it then rewrites.
    freePages(2);
    const second = await add("c2");
    expect(second.code, second.stdout).toBe(0);
    const { report } = await runVerify(dataDir);
    expect(report.problems).toEqual([]);
    expect(report.notes.join(" ")).toMatch(/holds a committed change of \d+ write\(s\) not yet in the files/);

    rmSync(fillDir, { recursive: true });
    const again = await add("c2");
    expect(again.json.ips).toEqual(second.json.ips);
    const check = await execPlugin({ command: "CHECK", containerId: "c2" }, { ...conf(), prevResult: second.json });
    expect(check.code, check.stdout).toBe(0);
    const verified = await expectVerifyPasses(dataDir);
    expect(verified.notes).toEqual([]);
  });

  it("fails every write with a clear code 5 on a read-only data dir, and still answers CHECK and verify", async () => {
    const first = await add("c1");
    expect(first.code).toBe(0);
    const before = snapshotFiles(dataDir);
    execFileSync("mount", ["-o", "remount,ro", mountPoint]);

    for (const [command, containerId] of [
      ["ADD", "c2"],
      ["DEL", "c1"],
    ] as const) {
      const result = await execPlugin({ command, containerId }, { ...conf(), prevResult: first.json });
      expect(result.code, result.stdout).toBe(1);
      expect(result.json).toMatchObject({
        code: 5,
        msg: expect.stringContaining("the data dir is on a read-only file system"),
      });
    }
    // Reads take no lock and write nothing, so CHECK and verify still answer.
    const check = await execPlugin({ command: "CHECK", containerId: "c1" }, { ...conf(), prevResult: first.json });
    expect(check.code, check.stdout).toBe(0);
    await expectVerifyPasses(dataDir);
    expect(snapshotFiles(dataDir)).toEqual(before);

    execFileSync("mount", ["-o", "remount,rw", mountPoint]);
    await expectVerifyPasses(dataDir);
  });
});
