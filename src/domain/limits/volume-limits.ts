// How much one person may write in a while (docs/security.md; a hostile review saw 300 orders
// from one resident in 93 seconds, each a notification to the grid worker). Generous for a
// person, tight for a script: a resident places a few orders a week, a grid worker at the desk
// places dozens for residents without a phone (代点单). Each limit counts the acts that
// succeed (an idempotent retry of the same order does not count again), but uploads count
// every photo that gets as far as decoding, kept or not: decoding is what costs.
type Limit = { points: number; seconds: number; message: string };

const HOUR = 3600;
const DAY = 24 * HOUR;

export const volumeLimits = {
  placeOrderHour: { points: 10, seconds: HOUR, message: "limits.placeOrder" },
  placeOrderDay: { points: 30, seconds: DAY, message: "limits.placeOrder" },
  placeOnBehalfHour: { points: 100, seconds: HOUR, message: "limits.placeOnBehalf" },
  meTooHour: { points: 60, seconds: HOUR, message: "limits.meToo" },
  rateHour: { points: 30, seconds: HOUR, message: "limits.rate" },
  uploadHour: { points: 60, seconds: HOUR, message: "limits.upload" },
} as const satisfies Record<string, Limit>;
export type VolumeLimit = keyof typeof volumeLimits;

/** Photos one order may carry in all (each step carries at most 6, ../orders/schemas.ts). */
export const MAX_PHOTOS_PER_ORDER = 30;
/** Stored photo bytes one person may hold (about 300 phone photos after re-encoding). */
export const MAX_PHOTO_BYTES_PER_USER = 200 * 1024 * 1024;
