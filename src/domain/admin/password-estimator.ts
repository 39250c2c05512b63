// How guessable a chosen password is: zxcvbn-ts with its common and English dictionaries, a
// list of passwords Chinese users favour, and the person's own number and name (also in
// pinyin) as words an attacker tries first. Server-only and loaded on first use: the
// dictionaries are megabytes, and no page ships them (docs/decisions/021-password-rule.md).
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { pinyin } from "pinyin-pro";
import { commonPasswordsZh, commonSurnamesPinyin } from "./common-passwords-zh";

/** zxcvbn's 0–4; 3 and up is "safely unguessable" against an attacker holding a slow hash. */
export const MIN_SCORE = 3;

export type Weakness = "common" | "pattern" | "personal" | "weak";

// The warnings zxcvbn can give, by what the person should be told.
const weaknessOf: Record<string, Weakness> = {
  topTen: "common",
  topHundred: "common",
  common: "common",
  similarToCommon: "common",
  pwned: "common",
  straightRow: "pattern",
  keyPattern: "pattern",
  simpleRepeat: "pattern",
  extendedRepeat: "pattern",
  sequences: "pattern",
  recentYears: "pattern",
  dates: "pattern",
  userInputs: "personal",
};

let factory: Promise<ZxcvbnFactory> | undefined;

async function estimator(): Promise<ZxcvbnFactory> {
  factory ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    // Warnings come back as their keys (each translated to itself), to be worded in Chinese here.
    const warnings = Object.fromEntries(Object.keys(en.translations.warnings).map((k) => [k, k]));
    return new ZxcvbnFactory({
      dictionary: {
        ...common.dictionary,
        ...en.dictionary,
        // "passwords" in the name makes zxcvbn treat a match as a common password.
        "passwords-zh": [...commonPasswordsZh],
        "lastnames-zh": [...commonSurnamesPinyin],
      },
      graphs: common.adjacencyGraphs,
      translations: { ...en.translations, warnings: warnings as typeof en.translations.warnings },
    });
  })();
  return factory;
}

const HAN = /\p{Script=Han}/u;
/** Shorter spellings (li, lina) are common inside other words: the estimator weighs them instead. */
const MIN_SPELLING = 5;

/**
 * A name as a person would put it in a password. `whole`: forms a password must not contain
 * (the characters; the pinyin in either order; the given name's pinyin). `parts`: syllables
 * and initials, which the estimator counts as words an attacker tries first.
 */
export function nameForms(name: string): { whole: string[]; parts: string[] } {
  const clean = name.replace(/[\s·•.]/g, "");
  if (!clean) return { whole: [], parts: [] };
  if (!HAN.test(clean)) {
    const words = name
      .toLowerCase()
      .split(/[\s·•.]+/)
      .filter(Boolean);
    return { whole: [words.join("")].filter((w) => w.length >= MIN_SPELLING), parts: words };
  }
  const syllables = pinyin(clean, { toneType: "none", type: "array", surname: "head", nonZh: "removed" }).map((s) => s.toLowerCase());
  // Two-syllable surnames (欧阳, 司马) come with four-character names; otherwise the first.
  const surname = syllables.slice(0, syllables.length >= 4 ? 2 : 1);
  const given = syllables.slice(surname.length);
  const spellings = [[...surname, ...given].join(""), [...given, ...surname].join(""), given.join("")].filter((w) => w.length >= MIN_SPELLING);
  const initials = syllables.map((s) => s[0]).join("");
  return {
    whole: [...new Set([...(clean.length >= 2 ? [clean] : []), ...spellings])],
    parts: [...new Set([...syllables, initials, given.join(""), surname.join("")])],
  };
}

/** Why the estimator finds the password too guessable, or null when it is strong enough. */
export async function weakness(password: string, personal: string[]): Promise<Weakness | null> {
  const result = (await estimator()).check(password, personal.filter(Boolean));
  if (result.score >= MIN_SCORE) return null;
  return weaknessOf[result.feedback.warning ?? ""] ?? "weak";
}
