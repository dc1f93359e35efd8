// One state file on disk: a checksummed JSON envelope, read strictly and replaced atomically.
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { StoreError } from "../store-error.js";
import { crc32 } from "./checksum.js";

// Synchronous on purpose: the plugin is a one-shot process with nothing to overlap, and the
// promise machinery would only add start-up and event-loop turns to every ADD.

const FORMAT = 1;

interface Envelope {
  ippoolState: number;
  crc32: string;
  data: unknown;
}

/**
 * The way out for a damaged file when nothing more is known. A document's error carries its key,
 * and the allocator's store replaces this with the repair for what the document holds.
 */
const DOCUMENT_ADVICE =
  "the file was left as it is; run 'ippool verify' to list every problem, then restore the file from a backup";

export function damagedFile(path: string, why: string, advice = DOCUMENT_ADVICE): StoreError {
  return new StoreError("damaged", `state file ${path} is damaged: ${why}`, advice);
}

/** The bytes of a state file holding `data`: the one definition of the on-disk format. */
export function encodeStateFile(data: unknown): string {
  const envelope: Envelope = { ippoolState: FORMAT, crc32: crc32(JSON.stringify(data)), data };
  return `${JSON.stringify(envelope)}\n`;
}

/** The file's data, or undefined when it does not exist. Anything unreadable is an error naming it. */
export function readStateFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
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
  if (
    typeof envelope !== "object" ||
    envelope === null ||
    envelope.ippoolState !== FORMAT ||
    typeof envelope.crc32 !== "string"
  ) {
    throw damagedFile(path, `not an ippool state file of format ${FORMAT}`);
  }
  if (crc32(JSON.stringify(envelope.data)) !== envelope.crc32) throw damagedFile(path, "checksum mismatch");
  return envelope.data;
}

/** Temp names start with the writer's pid, so a sweeper can tell a dead writer's leftovers from a live one's. */
let tempCounter = 0;

export const tempOwnerPid = (name: string): number => Number(name.split(".")[0]);

/**
 * How far a write goes before it returns. "durable": fsync the file and its directory (a commit
 * record). "cached": rename only, for files a kept commit record can rewrite after a crash.
 */
export type Durability = "durable" | "cached";

/**
 * Write a temp file, rename it over the old one: a crash leaves either the old file or the new
 * one, never a mix. `tempDir` must be on the same file system; keeping every temp file there
 * lets the next writer sweep what a killed one left behind.
 */
export function writeStateFile(path: string, data: unknown, tempDir: string, durability: Durability): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  mkdirSync(tempDir, { recursive: true, mode: 0o700 });
  const temp = join(tempDir, `${process.pid}.${tempCounter++}.${basename(path)}`);
  const fd = openSync(temp, "wx", 0o600);
  try {
    writeSync(fd, encodeStateFile(data));
    if (durability === "durable") fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    removeFile(temp);
    throw error;
  }
  closeSync(fd);
  renameSync(temp, path);
  if (durability === "durable") syncPath(dir);
}

/**
 * Removes one file if it is there. rmSync would do the same, but it loads node's recursive-removal
 * module on first use, which every ADD would pay for.
 */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
}

/** fsync of a file or directory by path; a missing one has nothing to make durable. */
export function syncPath(path: string): void {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw error;
  }
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
