// The CNI_* environment, validated as libcni and the reference plugins' skel do.
import { NAME_PATTERN } from "../validation.js";
import { CniError, ErrorCode } from "../errors.js";

export const COMMANDS = ["ADD", "DEL", "CHECK", "VERSION", "GC", "STATUS"] as const;
export type CniCommand = (typeof COMMANDS)[number];

export interface CniEnv {
  readonly command: CniCommand;
  readonly containerId: string;
  readonly netns: string;
  readonly ifname: string;
  readonly args: string;
  readonly path: string;
}

type EnvName = "CNI_CONTAINERID" | "CNI_NETNS" | "CNI_IFNAME" | "CNI_PATH";

/** Which variables each verb needs (DEL may come after the netns is gone, so not CNI_NETNS). */
const REQUIRED: Record<CniCommand, readonly EnvName[]> = {
  ADD: ["CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME", "CNI_PATH"],
  CHECK: ["CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME", "CNI_PATH"],
  DEL: ["CNI_CONTAINERID", "CNI_IFNAME", "CNI_PATH"],
  VERSION: [],
  GC: [],
  STATUS: [],
};

/** IFNAMSIZ is 16 including the terminating NUL. */
const MAX_IFNAME_LENGTH = 15;

export function parseCniEnv(env: Readonly<Record<string, string | undefined>>): CniEnv {
  const command = env.CNI_COMMAND;
  if (command === "") {
    // Only a person gets here (runtimes always set a verb), but without arguments a broken runtime looks the same.
    const hint = "a runtime sets it to a verb such as ADD; for the operator CLI, unset it (or give a command)";
    throw new CniError(ErrorCode.invalidEnvironment, "env variable CNI_COMMAND is set but empty", hint);
  }
  if (!command) throw new CniError(ErrorCode.invalidEnvironment, "required env variable CNI_COMMAND missing");
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new CniError(
      ErrorCode.invalidEnvironment,
      `unknown CNI_COMMAND "${command}"`,
      `expected one of ${COMMANDS.join(", ")}`,
    );
  }
  const verb = command as CniCommand;
  // Like libcni's skel, name every missing variable at once rather than one per attempt.
  const missing = REQUIRED[verb].filter((name) => !env[name]);
  if (missing.length > 0) {
    const list = missing.join(", ");
    throw new CniError(
      ErrorCode.invalidEnvironment,
      `required env variable${missing.length > 1 ? "s" : ""} ${list} missing`,
    );
  }
  const parsed: CniEnv = {
    command: verb,
    containerId: env.CNI_CONTAINERID ?? "",
    netns: env.CNI_NETNS ?? "",
    ifname: env.CNI_IFNAME ?? "",
    args: env.CNI_ARGS ?? "",
    path: env.CNI_PATH ?? "",
  };
  if (REQUIRED[verb].includes("CNI_CONTAINERID")) validateContainerId(parsed.containerId);
  if (REQUIRED[verb].includes("CNI_IFNAME")) validateIfname(parsed.ifname);
  return parsed;
}

/**
 * libcni sets no length limit, but the id names a file (with ":" and the ifname) and a file name
 * has 255 bytes at most. Runtimes use 64-character ids.
 */
export const MAX_CONTAINER_ID_LENGTH = 200;

export function validateContainerId(id: string): void {
  if (id.length > MAX_CONTAINER_ID_LENGTH) {
    throw new CniError(
      ErrorCode.invalidEnvironment,
      `CNI_CONTAINERID is ${id.length} characters long; ippool accepts at most ${MAX_CONTAINER_ID_LENGTH}`,
    );
  }
  if (!NAME_PATTERN.test(id)) {
    throw new CniError(
      ErrorCode.invalidEnvironment,
      `invalid CNI_CONTAINERID ${JSON.stringify(id)}`,
      `must match ${NAME_PATTERN.source}`,
    );
  }
}

export function validateIfname(name: string): void {
  const problem =
    name.length > MAX_IFNAME_LENGTH
      ? `longer than ${MAX_IFNAME_LENGTH} characters`
      : name === "." || name === ".."
        ? "may not be '.' or '..'"
        : /[/:\s]/.test(name)
          ? "may not contain '/', ':' or whitespace"
          : name.includes("\0")
            ? "may not contain a NUL byte"
            : // Node decodes bytes that are not UTF-8 as U+FFFD, so the name could not be recorded as given.
              name.includes("\uFFFD")
              ? "is not valid UTF-8"
              : undefined;
  if (problem)
    throw new CniError(ErrorCode.invalidEnvironment, `invalid CNI_IFNAME ${JSON.stringify(name)}: ${problem}`);
}
