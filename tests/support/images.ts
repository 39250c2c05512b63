// Images for the upload probes, shared by the integration and browser tests.
import zlib from "node:zlib";
import sharp from "sharp";

/** A real 1×1 PNG whose header claims width × height: a pixel flood in a few bytes. */
export async function floodPng(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(
    await sharp({ create: { width: 1, height: 1, channels: 3, background: "#fff" } })
      .png()
      .toBuffer(),
  );
  // Signature (8) + IHDR length (4) + "IHDR" (4) → width at 16, height at 20, CRC at 29.
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(zlib.crc32(png.subarray(12, 29)), 29);
  return png;
}
