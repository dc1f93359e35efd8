// CRC-32 (IEEE 802.3) of a text's UTF-8 bytes: the state files' check against accidental damage.

/**
 * Not a cryptographic hash: the files are root's and 0600, so the threat is a torn write, a bit
 * flip or a bad hand edit, which a CRC catches. Loading node:crypto would
 * cost every plugin start more than the whole check (docs/performance.md).
 */
const TABLE = new Uint32Array(256).map((_, index) => {
  let crc = index;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

interface BunRuntime {
  hash: { crc32(data: string): number };
}

/**
 * The standalone executable's runtime (bun) computes the same CRC-32 natively (of the string's
 * UTF-8 bytes, as below). Its interpreter ran the table loop as the largest single entry of its
 * profile, since every ADD checks and writes a few KiB of state (docs/performance.md).
 */
const bun = (globalThis as { Bun?: BunRuntime }).Bun;

function tableCrc32(text: string): number {
  let crc = 0xffffffff;
  const bytes = Buffer.from(text, "utf8");
  // An indexed loop: for...of over a Buffer takes the iterator protocol per byte.
  for (let index = 0; index < bytes.length; index++) crc = TABLE[(crc ^ bytes[index]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

export function crc32(text: string): string {
  const value = bun ? bun.hash.crc32(text) : tableCrc32(text);
  return value.toString(16).padStart(8, "0");
}
