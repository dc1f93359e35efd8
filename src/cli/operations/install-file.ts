// Puts a file into a directory the way a runtime may be reading it: whole or not at all, by temp file + rename.
import { closeSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { join } from "node:path";
import { CniError, ErrorCode } from "../../errors.js";

export type InstallOutcome = "installed" | "replaced" | "unchanged";

const CHUNK = 1024 * 1024;

/**
 * Makes `dir/name` hold `content` (bytes, or the path of a file to copy) with `mode`. An equal file
 * already there is left alone, so a second run changes nothing. Otherwise the bytes go to a temp
 * file in the same directory, which is fsynced, renamed over the old name, and the directory
 * fsynced: a runtime exec'ing or reading the old file keeps its inode and never sees a half-written
 * one (nor ETXTBSY, which only a file open for writing gives), and a crash leaves the old or the new.
 */
export function installFile(
  dir: string,
  name: string,
  content: Buffer | { readonly path: string },
  mode: number,
): InstallOutcome {
  const target = join(dir, name);
  const existing = statOrUndefined(target);
  if (existing?.isFile() && (existing.mode & 0o7777) === mode && sameContent(target, content)) return "unchanged";
  const temp = join(dir, `.${name}.tmp-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o755 });
    const fd = openSync(temp, "wx", mode);
    try {
      if (Buffer.isBuffer(content)) writeAll(fd, content);
      else copyInto(fd, content.path);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
    fsyncDirectory(dir);
  } catch (error) {
    rmSync(temp, { force: true });
    throw ioError(`cannot write ${target}`, error);
  }
  return existing ? "replaced" : "installed";
}

/** The whole of a file, refused above `limit` bytes (a config is a few KiB, not a mistake of gigabytes). */
export function readSmallFile(path: string, limit: number): Buffer {
  const size = statOrThrow(path).size;
  if (size > limit)
    throw new CniError(
      ErrorCode.decodeFailure,
      `${path} is larger than ${limit / 1024} KiB; a network config is a few KiB`,
    );
  const fd = openOrThrow(path);
  try {
    const chunks: Buffer[] = [];
    for (let chunk = readChunk(fd); chunk.length > 0; chunk = readChunk(fd)) chunks.push(chunk);
    return Buffer.concat(chunks);
  } finally {
    closeSync(fd);
  }
}

function sameContent(path: string, content: Buffer | { readonly path: string }): boolean {
  const expectedSize = Buffer.isBuffer(content) ? content.length : statOrThrow(content.path).size;
  if (expectedSize !== statSync(path).size) return false;
  // Chunk by chunk: the standalone executable is over 100 MiB, no need to hold two copies.
  const fd = openOrThrow(path);
  const otherFd = Buffer.isBuffer(content) ? undefined : openOrThrow(content.path);
  try {
    for (let offset = 0; ; ) {
      const mine = readChunk(fd);
      const theirs =
        otherFd === undefined ? (content as Buffer).subarray(offset, offset + mine.length) : readChunk(otherFd);
      if (!mine.equals(theirs)) return false;
      if (mine.length === 0) return true;
      offset += mine.length;
    }
  } finally {
    closeSync(fd);
    if (otherFd !== undefined) closeSync(otherFd);
  }
}

function copyInto(fd: number, source: string): void {
  const from = openOrThrow(source);
  try {
    for (let chunk = readChunk(from); chunk.length > 0; chunk = readChunk(from)) writeAll(fd, chunk);
  } finally {
    closeSync(from);
  }
}

function readChunk(fd: number): Buffer {
  const buffer = Buffer.allocUnsafe(CHUNK);
  return buffer.subarray(0, readSync(fd, buffer, 0, CHUNK, null));
}

function writeAll(fd: number, bytes: Buffer): void {
  for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written, bytes.length - written);
}

/** A rename is durable only once the directory holding it is on disk. */
function fsyncDirectory(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function statOrUndefined(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw ioError(`cannot read ${path}`, error);
  }
}

function statOrThrow(path: string) {
  try {
    return statSync(path);
  } catch (error) {
    throw ioError(`cannot read ${path}`, error);
  }
}

function openOrThrow(path: string): number {
  try {
    return openSync(path, "r");
  } catch (error) {
    throw ioError(`cannot read ${path}`, error);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied (run as root, or choose a directory you can write)",
  EPERM: "operation not permitted",
  EROFS: "read-only file system (mount the directory read-write, e.g. as a hostPath volume)",
  ENOSPC: "no space left on the device",
  EISDIR: "is a directory",
  ENOTDIR: "a part of the path is not a directory",
};

function ioError(what: string, error: unknown): CniError {
  if (error instanceof CniError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? "unknown";
  return new CniError(ErrorCode.ioFailure, `${what}: ${REASONS[code] ?? code}`, code);
}
