// One state file on disk: a checksummed JSON envelope, read strictly and replaced atomically.
import { createHash, randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import { basename, dirname, join } from "node:path";
import { CniError, ErrorCode } from "../cni/errors.js";

const FORMAT = 1;

interface Envelope {
  ippoolState: number;
  sha256: string;
  data: unknown;
}

const checksum = (text: string): string => createHash("sha256").update(text).digest("hex");

export function damagedFile(path: string, why: string): CniError {
  return new CniError(
    ErrorCode.storeDamaged,
    `state file ${path} is damaged: ${why}`,
    "the file was left as it is; run 'ippool verify' to list every problem, then restore the file from a backup " +
      "or remove it and release what it held with 'ippool reclaim'",
  );
}

/** The file's data, or undefined when it does not exist. Anything unreadable is an error naming it. */
export async function readStateFile(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await fs.readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  let envelope: Envelope;
  try {
    envelope = JSON.parse(text) as Envelope;
  } catch {
    throw damagedFile(path, "not valid JSON (truncated or overwritten?)");
  }
  if (typeof envelope !== "object" || envelope === null || envelope.ippoolState !== FORMAT || typeof envelope.sha256 !== "string") {
    throw damagedFile(path, `not an ippool state file of format ${FORMAT}`);
  }
  if (checksum(JSON.stringify(envelope.data)) !== envelope.sha256) throw damagedFile(path, "checksum mismatch");
  return envelope.data;
}

/**
 * Write a temp file, fsync, rename over the old one, fsync the directory: a crash leaves either
 * the old file or the new one, never a mix. `tempDir` must be on the same file system; keeping
 * every temp file there lets the next writer sweep what a killed one left behind.
 */
export async function writeStateFile(path: string, data: unknown, tempDir: string): Promise<void> {
  const dir = dirname(path);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await fs.mkdir(tempDir, { recursive: true, mode: 0o700 });
  const body = JSON.stringify(data);
  const envelope: Envelope = { ippoolState: FORMAT, sha256: checksum(body), data };
  const temp = join(tempDir, `${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}`);
  const handle = await fs.open(temp, "wx", 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(envelope)}\n`);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await fs.rename(temp, path);
  await syncDirectory(dir);
}

export async function removeStateFile(path: string): Promise<void> {
  await fs.rm(path, { force: true });
  await syncDirectory(dirname(path));
}

export async function syncDirectory(dir: string): Promise<void> {
  const handle = await fs.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
