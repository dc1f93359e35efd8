// What a run of the dataplane did and what failed, and the kernel tools' text made comparable.
import { Failure } from "../failure.js";
import { familyBits, formatAddress, formatCidr, parseAddress, parseCidr, type Family } from "../alloc/address.js";

/** What a run did and what failed; a failure of one part never stops the others. */
export interface RunReport {
  readonly changes: string[];
  readonly errors: string[];
}

/** Runs one part of a run; its foreseen failure becomes a line of the report and the run goes on. */
export function partRunner(report: RunReport): (part: () => Promise<void>) => Promise<void> {
  return async (part) => {
    try {
      await part();
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      report.errors.push(error.details ? `${error.message}; ${error.details}` : error.message);
    }
  };
}

/** `ip` prints a host route without its prefix and IPv6 in its own spelling; compare canonical text. */
export function canonicalDst(text: string, family: Family): string {
  const parsed = parseCidr(text.includes("/") ? text : `${text}/${familyBits(family)}`);
  return parsed ? formatCidr(parsed.cidr) : text;
}

export function canonicalAddress(text: string): string {
  const parsed = parseAddress(text);
  return parsed ? formatAddress(parsed.family, parsed.value) : text;
}
