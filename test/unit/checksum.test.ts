// The state files' CRC-32 is the standard one (zlib's), over the UTF-8 bytes of the text.
import { crc32 as zlibCrc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { crc32 } from "../../src/store/disk/checksum.js";

describe("crc32", () => {
  it("gives the check value of the standard CRC-32", () => {
    expect(crc32("123456789")).toBe("cbf43926");
    expect(crc32("")).toBe("00000000");
  });

  it("agrees with zlib's on texts with multi-byte characters", () => {
    for (const text of ["héllo", "☃ snow", '😀 {"a":1}', "\u0000\u007f\u0080\u07ff\u0800\uffff"]) {
      expect(crc32(text), text).toBe(zlibCrc32(Buffer.from(text, "utf8")).toString(16).padStart(8, "0"));
    }
  });
});
