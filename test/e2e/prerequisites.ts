// Decides whether an e2e suite can run here: skipped with a reason on a developer's machine, a failure under CI=true.
import { accessSync, constants } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { SYSTEM_CNI_DIR } from "./cni-runtime.js";

export type Prerequisite = "root" | `plugin:${string}` | `program:${string}` | `file:${string}`;

const SEARCH_PATH = (process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin").split(":").concat(["/usr/sbin", "/sbin"]);

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function missing(prerequisite: Prerequisite): string | undefined {
  if (prerequisite === "root") {
    return process.getuid?.() === 0
      ? undefined
      : "not running as root (network namespaces need CAP_SYS_ADMIN and CAP_NET_ADMIN)";
  }
  const [kind, name] = prerequisite.split(":") as [string, string];
  if (kind === "file") return executable(name) ? undefined : `${name} missing`;
  if (kind === "plugin") {
    return executable(join(SYSTEM_CNI_DIR, name))
      ? undefined
      : `CNI plugin ${SYSTEM_CNI_DIR}/${name} missing (apt-get install containernetworking-plugins)`;
  }
  return SEARCH_PATH.some((dir) => executable(join(dir, name))) ? undefined : `program ${name} not found on PATH`;
}

/** What every namespace-based suite needs. */
export const NAMESPACE_BASICS: Prerequisite[] = ["root", "program:ip", "program:ping", "program:sysctl"];

/**
 * Returns true when the suite must be skipped. Under CI=true nothing is skipped: a missing
 * prerequisite registers a failing test that names it, so the run cannot pass by skipping.
 * Elsewhere (e.g. a developer without root) the reason is printed once and the suite skipped.
 */
export function skipUnlessReady(suite: string, prerequisites: readonly Prerequisite[]): boolean {
  const reasons = prerequisites.map(missing).filter((reason): reason is string => reason !== undefined);
  if (reasons.length === 0) return false;
  if (process.env.CI === "true") {
    describe(`${suite} prerequisites`, () => {
      it("are all present (CI=true turns a missing prerequisite into a failure)", () => {
        throw new Error(`e2e suite "${suite}" cannot run: ${reasons.join("; ")}`);
      });
    });
  } else {
    console.warn(
      `[e2e] skipping "${suite}": ${reasons.join("; ")}. Run as root with the Debian packages of .ci/run (set CI=true to make this a failure).`,
    );
  }
  return true;
}
