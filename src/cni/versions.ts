// The CNI spec versions ippool speaks and the verbs each one allows.
import { CniError, ErrorCode } from "../errors.js";

export const SUPPORTED_VERSIONS = ["0.1.0", "0.2.0", "0.3.0", "0.3.1", "0.4.0", "1.0.0", "1.1.0"] as const;
export type CniVersion = (typeof SUPPORTED_VERSIONS)[number];
export const LATEST_VERSION: CniVersion = "1.1.0";

export const isSupportedVersion = (text: unknown): text is CniVersion =>
  typeof text === "string" && (SUPPORTED_VERSIONS as readonly string[]).includes(text);

export function compareVersions(a: CniVersion, b: CniVersion): number {
  return SUPPORTED_VERSIONS.indexOf(a) - SUPPORTED_VERSIONS.indexOf(b);
}

/** The result shape of a version: 0.1/0.2 had ip4/ip6 objects, 0.3.x-0.4 `ips[]` with `version`, 1.x without. */
export type ResultShape = "legacy" | "versioned-ips" | "ips";
export function resultShape(version: CniVersion): ResultShape {
  if (compareVersions(version, "0.3.0") < 0) return "legacy";
  return compareVersions(version, "1.0.0") < 0 ? "versioned-ips" : "ips";
}

/** CHECK arrived in 0.4.0, GC and STATUS in 1.1.0; below that the verb does not exist (code 1). */
const FIRST_VERSION_OF_VERB: Partial<Record<string, CniVersion>> = { CHECK: "0.4.0", GC: "1.1.0", STATUS: "1.1.0" };

export function requireVerbSupported(command: string, version: CniVersion): void {
  const first = FIRST_VERSION_OF_VERB[command];
  if (first && compareVersions(version, first) < 0) {
    throw new CniError(
      ErrorCode.incompatibleVersion,
      `${command} needs a config of cniVersion ${first} or later, this one is ${version}`,
      `raise "cniVersion" in the network config to ${first} or later`,
    );
  }
}
