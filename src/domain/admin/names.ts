// Matching what people type against what is stored: building numbers written as "3",
// "3栋", "3号楼" or "３栋" are the same building.
import { toHalfWidth } from "./schemas";

const SUFFIX = /(栋|幢|号楼|号|座)$/;

export function buildingKey(number: string): string {
  const plain = toHalfWidth(number).trim().replace(/\s+/g, "");
  return plain.replace(SUFFIX, "").toLowerCase();
}

/** The building among `buildings` that `number` names, exact spelling first. */
export function findBuilding<T extends { number: string }>(buildings: readonly T[], number: string): T | undefined {
  const exact = buildings.find((b) => b.number === number.trim());
  if (exact) return exact;
  const key = buildingKey(number);
  return buildings.find((b) => buildingKey(b.number) === key);
}

/** 王秀英 → 王*英, 刘洋 → 刘*: recognisable to the one who knows, not a disclosure. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** A unit written as a bare number becomes "3单元", as the rest of the data spells it. */
export const unitLabel = (unit: string) => {
  const plain = toHalfWidth(unit).trim();
  return /^\d+$/.test(plain) ? `${Number(plain)}单元` : unit.trim();
};
