"use client";
// 评价: four dimensions scored 5 (非常满意) to 1 (非常不满意) and an optional comment. A score
// of 2 or less on any dimension sends the order to the community staff for a follow-up.
import { useId } from "react";
import { useTranslations } from "next-intl";
import { CommandForm } from "./command-form";
import { describedBy, FieldError, TextAreaField } from "./fields";

const dimensions = ["goal", "timing", "form", "conduct"] as const;
const scores = [5, 4, 3, 2, 1] as const;

export function RatingForm({ orderId, command, onDone }: { orderId: string; command: "rate" | "rateAsNeighbour"; onDone: () => void }) {
  const t = useTranslations("orderPage.rating");
  const id = useId();
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-2xl bg-white p-3 ring-2 ring-brand-700/30 sm:p-4">
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="mb-4 text-gray-800">{t("intro")}</p>
      <CommandForm orderId={orderId} command={command} submitLabel={t("submit")} onDone={onDone}>
        {(e) => (
          <>
            {dimensions.map((d) => {
              const errorId = `${id}-${d}-error`;
              return (
                <fieldset key={d} className="space-y-2" aria-describedby={describedBy(e[d] && errorId)}>
                  <legend className="mb-1 text-lg font-semibold">{t(d)}</legend>
                  <div className="flex flex-col gap-2 sm:flex-row sm:flex-wrap">
                    {scores.map((s) => (
                      <label
                        key={s}
                        className="flex min-h-11 cursor-pointer items-center gap-3 rounded-lg border border-gray-400 bg-white px-3 py-2 has-[:checked]:border-2 has-[:checked]:border-brand-700 has-[:checked]:bg-red-50"
                      >
                        {/* eslint-disable-next-line jsx-a11y/role-supports-aria-props -- ARIA 1.2 makes aria-invalid global; it marks the group's radios so that the first one takes the focus */}
                        <input
                          type="radio"
                          name={d}
                          value={s}
                          required
                          aria-invalid={e[d] ? true : undefined}
                          className="h-6 w-6 shrink-0 accent-brand-700"
                        />
                        <span>{t(`score${s}`)}</span>
                      </label>
                    ))}
                  </div>
                  <FieldError id={errorId} message={e[d]} />
                </fieldset>
              );
            })}
            <TextAreaField label={t("comment")} name="comment" rows={3} maxLength={500} hint={t("commentHint")} error={e.comment} />
          </>
        )}
      </CommandForm>
    </section>
  );
}
