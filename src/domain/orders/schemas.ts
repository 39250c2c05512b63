// Input shapes of the four-order loop. Messages are keys of the "errors" namespace.
import { z } from "zod";

const id = z.string().trim().min(1).max(64);
const photoIds = z.array(id).max(6, "tooManyPhotos").default([]);
const note = (max = 2000) => z.string().trim().max(max, "noteTooLong");
const requiredNote = (key: string, max = 2000) => z.string().trim().min(1, key).max(max, "noteTooLong");

export const placeOrderSchema = z.object({
  categoryId: z.string().trim().min(1, "categoryRequired").max(64, "categoryRequired"),
  title: z.string().trim().min(2, "titleRequired").max(60, "titleTooLong"),
  description: z.string().trim().min(5, "descriptionRequired").max(2000, "descriptionTooLong"),
  isPublic: z.boolean().default(false),
  contactPreference: z.enum(["PHONE", "IN_APP", "VISIT"]).default("IN_APP"),
  photoIds,
  idempotencyKey: z.string().trim().min(8).max(64),
  /** Set when a grid worker places the order for a resident (代点单). */
  requesterId: id.optional(),
});
export type PlaceOrderInput = z.input<typeof placeOrderSchema>;

export const noteSchema = z.object({ note: note(), photoIds });
export const requiredNoteSchema = (key: string) => z.object({ note: requiredNote(key), photoIds });

export const transferSchema = z.object({ gridId: id, note: requiredNote("reasonRequired") });
// Order numbers are PostgreSQL integers: a larger one names no order (and would fail the query).
export const mergeSchema = z.object({
  targetNumber: z.coerce.number().int().positive("targetRequired").max(2_147_483_647, "mergeTargetInvalid"),
  note: note(),
});

export const assigneeSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("GRID_WORKER"), userId: id }),
  // Chosen from the community's registered volunteers (./volunteers.ts), never typed as a number.
  z.object({ kind: z.literal("VOLUNTEER"), userId: id }),
  z.object({ kind: z.literal("OUTSIDE"), name: z.string().trim().min(2, "assigneeNameRequired").max(60) }),
]);
export const dispatchSchema = z.object({
  plan: requiredNote("planRequired"),
  assignees: z.array(assigneeSchema).min(1, "assigneeRequired").max(10),
  // A date picked in a form (YYYY-MM-DD) means the end of that day in China.
  dueAt: z.preprocess(
    (v) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T23:59:59+08:00` : v),
    // Within the longest resolution limit a category may have (a year): a date centuries away
    // would keep the order off every overdue list.
    z.coerce.date({ message: "dueDateRequired" }).refine((d) => d.getTime() <= Date.now() + 366 * 86400_000, "dueDateTooLate"),
  ),
});
export type DispatchInput = z.input<typeof dispatchSchema>;

const score = z.coerce.number({ message: "scoreRequired" }).int("scoreRequired").min(1, "scoreRequired").max(5, "scoreRequired");
export const ratingSchema = z.object({
  goal: score,
  timing: score,
  form: score,
  conduct: score,
  comment: note(500),
});
export type RatingInput = z.input<typeof ratingSchema>;

/** Any dimension at 2 (不满意) or below calls for a follow-up. */
export const isPoorRating = (r: { goal: number; timing: number; form: number; conduct: number }) => Math.min(r.goal, r.timing, r.form, r.conduct) <= 2;

/** 满意: every dimension 4 (满意) or 5 (非常满意). */
export const isSatisfied = (r: { goal: number; timing: number; form: number; conduct: number }) => Math.min(r.goal, r.timing, r.form, r.conduct) >= 4;
