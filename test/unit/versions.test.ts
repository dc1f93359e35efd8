// Unit tests of the spec versions ippool speaks: result shapes and which verbs each version allows.
import { describe, expect, it } from "vitest";
import { SUPPORTED_VERSIONS, isSupportedVersion, requireVerbSupported, resultShape } from "../../src/cni/versions.js";

describe("resultShape", () => {
  it.each([
    ["0.1.0", "legacy"],
    ["0.2.0", "legacy"],
    ["0.3.0", "versioned-ips"],
    ["0.3.1", "versioned-ips"],
    ["0.4.0", "versioned-ips"],
    ["1.0.0", "ips"],
    ["1.1.0", "ips"],
  ] as const)("%s results have the %s shape", (version, shape) => {
    expect(resultShape(version)).toBe(shape);
  });
});

describe("requireVerbSupported", () => {
  // CHECK arrived in 0.4.0, GC and STATUS in 1.1.0.
  const allowed: Record<string, readonly string[]> = {
    ADD: SUPPORTED_VERSIONS,
    DEL: SUPPORTED_VERSIONS,
    CHECK: ["0.4.0", "1.0.0", "1.1.0"],
    GC: ["1.1.0"],
    STATUS: ["1.1.0"],
  };
  const cases = Object.keys(allowed).flatMap((verb) => SUPPORTED_VERSIONS.map((version) => [verb, version] as const));

  it.each(cases)("%s with a %s config", (verb, version) => {
    if (allowed[verb]!.includes(version)) expect(() => requireVerbSupported(verb, version)).not.toThrow();
    else expect(() => requireVerbSupported(verb, version)).toThrow(expect.objectContaining({ code: 1 }));
  });
});

describe("isSupportedVersion", () => {
  it.each([
    ["1.0.0", true],
    ["1.1.0", true],
    ["0.1.0", true],
    ["1.2.0", false],
    ["1.0", false],
    [undefined, false],
    [100, false],
  ])("%j: %s", (text, expected) => {
    expect(isSupportedVersion(text)).toBe(expected);
  });
});
