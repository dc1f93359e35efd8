// Who a process is, in a way that survives pid reuse and reboots: pid, start time and boot id, and whether it still runs.
import { readFileSync } from "node:fs";

/** Enough to tell a live process from a dead one whose pid was reused, or one from before a reboot. */
export interface ProcessIdentity {
  readonly pid: number;
  /** Field 22 of /proc/<pid>/stat: clock ticks after boot at which the process started. */
  readonly start: string;
  /** /proc/sys/kernel/random/boot_id: a new value on every boot. */
  readonly boot: string;
}

let own: ProcessIdentity | undefined;
let bootId: string | undefined;

export function currentBootId(): string {
  bootId ??= readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
  return bootId;
}

export function ownIdentity(): ProcessIdentity {
  own ??= { pid: process.pid, start: startTimeOf(process.pid) ?? "", boot: currentBootId() };
  return own;
}

/**
 * False only when the process is provably gone: another boot, no such pid, a zombie, or a pid
 * now used by a process that started at another time. Anything unreadable counts as alive,
 * because taking a live process's lock or commit for dead is the one mistake that costs data.
 */
export function isRunning(identity: ProcessIdentity): boolean {
  if (identity.boot !== currentBootId()) return false;
  let stat: string;
  try {
    stat = readFileSync(`/proc/${identity.pid}/stat`, "utf8");
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== "ENOENT";
  }
  const fields = fieldsAfterName(stat);
  // fields[0] is field 3 (state): Z is a zombie (exited, not yet reaped), X a dying one.
  if (fields[0] === "Z" || fields[0] === "X") return false;
  return fields[19] === identity.start;
}

/** Parses a stored identity; undefined for anything that is not one (a torn write, an old format). */
export function parseIdentity(raw: unknown): ProcessIdentity | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const { pid, start, boot } = raw as Record<string, unknown>;
  if (!Number.isSafeInteger(pid) || (pid as number) <= 0 || typeof start !== "string" || typeof boot !== "string")
    return undefined;
  return { pid: pid as number, start, boot };
}

function startTimeOf(pid: number): string | undefined {
  try {
    return fieldsAfterName(readFileSync(`/proc/${pid}/stat`, "utf8"))[19];
  } catch {
    return undefined;
  }
}

/** The command name (field 2) may hold spaces and parentheses, so fields are counted from its last ")". */
const fieldsAfterName = (stat: string): string[] => stat.slice(stat.lastIndexOf(")") + 2).split(" ");
