// Input of the admin console. Messages are keys of the "errors" namespace (errors.admin.*),
// translated by runAction.
import { z } from "zod";

export const id = z.string().trim().min(1, "admin.choose").max(64, "admin.choose");

const text = (max: number, tooLong = "admin.textTooLong") => z.string().trim().max(max, tooLong);
const name = (max: number) => text(max, "admin.nameTooLong").min(1, "admin.nameRequired");

/** A whole number from a form field ("" is not 0). */
const whole = (min: number, max: number, message: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() !== "" ? Number(v) : v), z.number(message).int(message).min(min, message).max(max, message));

export const streetInput = z.object({ name: name(40) });
export const communityInput = z.object({ streetId: id, name: name(40) });
export const gridInput = z.object({ communityId: id, name: name(40) });

export const courtyardFields = z.object({
  name: name(40),
  address: text(200).default(""),
  partyBranchName: text(60).default(""),
});
export const courtyardInput = courtyardFields.extend({ gridId: id });

export const buildingFields = z.object({
  number: text(20, "admin.buildingNumberTooLong").min(1, "admin.buildingNumberRequired"),
  units: whole(1, 99, "admin.unitsRange"),
  floors: whole(1, 200, "admin.floorsRange"),
  headName: text(30).default(""),
});
export const buildingInput = buildingFields.extend({ courtyardId: id });

export const categoryInput = z.object({
  nameZh: name(20),
  nameEn: name(40),
  responseHours: whole(1, 720, "admin.responseHoursRange"),
  resolutionDays: whole(1, 365, "admin.resolutionDaysRange"),
  requiresDispatch: z.boolean(),
  active: z.boolean(),
  sortOrder: whole(0, 9999, "admin.sortOrderRange"),
});

/** 11-digit mainland mobile number; spaces, dashes and a +86 prefix are tolerated. */
export const phone = z
  .string()
  .transform((v) => normalizePhone(v))
  .pipe(z.string().regex(/^1[3-9]\d{9}$/, "phoneFormat"));

export function normalizePhone(value: string): string {
  const digits = toHalfWidth(value).replace(/[\s-]/g, "");
  return digits.replace(/^(\+?86)(?=1\d{10}$)/, "");
}

/** Full-width digits and letters (１２３, ＡＢ) as typed by Chinese input methods → ASCII. */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, " ");
}

export const assignableRoles = ["RESIDENT", "GRID_WORKER", "BRANCH_SECRETARY", "STAFF", "VOLUNTEER", "ADMIN"] as const;
const roleFields = {
  role: z.enum(assignableRoles, "admin.roleRequired"),
  /** Community, grid or courtyard id as the role needs; "*" for a global administrator. */
  scopeId: z.string().trim().max(64, "admin.scopeInvalid").default(""),
};
/** Every role covers something: named with the other fields' problems, not after them. */
const scopeGiven = (value: { scopeId: string }, ctx: z.RefinementCtx) => {
  if (!value.scopeId) ctx.addIssue({ code: "custom", path: ["scopeId"], message: "admin.scopeRequired" });
};
export const roleInput = z.object(roleFields).superRefine(scopeGiven);

export const homeFields = z.object({
  courtyardId: id,
  buildingNumber: text(20, "admin.buildingNumberTooLong").default(""),
  unit: text(20).default(""),
  room: text(20).default(""),
});

export const newUserInput = z.object({ name: name(30), phone, ...roleFields }).superRefine(scopeGiven);

export const userNameInput = z.object({ name: name(30) });
