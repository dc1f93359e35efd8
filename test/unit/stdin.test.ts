// Reading stdin as the executable does: whole, bounded, a terminal or /dev/null read as empty.
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readStdinBytes } from "../../src/stdin.js";

const dir = mkdtempSync(join(tmpdir(), "ippool-stdin-"));
const opened: number[] = [];
afterEach(() => opened.splice(0).forEach(closeSync));
const fdOf = (path: string) => {
  const fd = openSync(path, "r");
  opened.push(fd);
  return fd;
};
const fileWith = (bytes: Buffer) => {
  const path = join(dir, `input-${opened.length}`);
  writeFileSync(path, bytes);
  return fdOf(path);
};

describe("readStdinBytes", () => {
  it("reads every byte, across more than one read", async () => {
    const bytes = Buffer.alloc(200 * 1024, 0x7b);
    expect(await readStdinBytes(1024 * 1024, "hint", fileWith(bytes))).toEqual(bytes);
  });

  it("reads /dev/null (a character device) as empty without blocking", async () => {
    expect((await readStdinBytes(1024, "hint", fdOf("/dev/null"))).length).toBe(0);
  });

  it("refuses input over the bound with code 6 and the hint", async () => {
    await expect(
      readStdinBytes(1024, "a network config is a few KiB", fileWith(Buffer.alloc(4096))),
    ).rejects.toMatchObject({
      code: 6,
      message: "input on stdin is larger than 0.0009765625 MiB",
      details: "a network config is a few KiB",
    });
  });

  it("reads a closed descriptor as empty", async () => {
    const fd = openSync("/dev/zero", "r");
    closeSync(fd);
    expect((await readStdinBytes(1024, "hint", fd)).length).toBe(0);
  });
});

process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
