// Reading the process's stdin, shared by the executable's first step (forwarding to the agent) and
// the in-process plugin and CLI.
import { fstatSync, readSync } from "node:fs";
import { CniError, ErrorCode } from "./errors.js";

/** A network config is a few KiB; anything near this is a mistake or an attack, refused without reading it all. */
export const MAX_STDIN_BYTES = 4 * 1024 * 1024;

const STDIN = 0;

function isCharacterDevice(fd: number): boolean {
  try {
    return fstatSync(fd).isCharacterDevice();
  } catch {
    return false;
  }
}

/**
 * Reads fd 0 with blocking reads: the plugin is a one-shot process, and process.stdin would first
 * build a stream and a socket for the pipe, a measurable share of every call. A stdin that a
 * parent left non-blocking (EAGAIN) is finished through the stream instead.
 */
export async function readStdinBytes(limit: number, hint: string, fd = STDIN): Promise<Buffer> {
  // A terminal (or /dev/null) is a character device: nothing to read, and a terminal would block.
  // fstat instead of node:tty's isatty, whose module adds to start-up under bun.
  if (isCharacterDevice(fd)) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const keep = (chunk: Buffer) => {
    size += chunk.length;
    if (size > limit)
      throw new CniError(ErrorCode.decodeFailure, `input on stdin is larger than ${limit / 1024 / 1024} MiB`, hint);
    chunks.push(chunk);
  };
  const buffer = Buffer.allocUnsafe(64 * 1024);
  for (;;) {
    let count: number;
    try {
      count = readSync(fd, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // No stdin at all (closed by the caller) reads as empty.
      if (code === "EOF" || code === "EBADF") break;
      if (code !== "EAGAIN") throw error;
      for await (const chunk of process.stdin as AsyncIterable<Buffer>) keep(chunk);
      break;
    }
    if (count === 0) break;
    keep(Buffer.from(buffer.subarray(0, count)));
  }
  return Buffer.concat(chunks);
}
