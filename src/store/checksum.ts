// CRC-32 (IEEE 802.3) of a text's UTF-8 bytes: the state files' check against accidental damage.

/**
 * Not a cryptographic hash: the files are root's and 0600, so the threat is a torn write, a bit
 * flip or a bad hand edit, which a CRC catches. node:crypto would cost every plugin start ~5 ms.
 */
const TABLE = new Uint32Array(256).map((_, index) => {
  let crc = index;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

export function crc32(text: string): string {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, "utf8")) crc = TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return ((crc ^ 0xffffffff) >>> 0).toString(16).padStart(8, "0");
}
