"use client";
// 评价: four dimensions scored 5 (非常满意) to 1 (非常不满意) and an optional comment. A score
// of 2 or less on any dimension sends the order to the community staff for a follow-up.
import { useId } from "react";
import { useTranslations } from "next-intl";
import { Card } from "@/components/ui/card";
import { Choice, ChoiceGroup, TextAreaField } from "@/components/ui/field";
import { CommandForm } from "./command-form";

const dimensions = ["goal", "timing", "form", "conduct"] as const;
const scores = [5, 4, 3, 2, 1] as const;

export function RatingForm({ orderId, command, onDone }: { orderId: string; command: "rate" | "rateAsNeighbour"; onDone: () => void }) {
  const t = useTranslations("orderPage.rating");
  const id = useId();
  return (
    <Card as="section" tone="emphasis" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {t("title")}
      </h2>
      <p className="mb-4 text-gray-800">{t("intro")}</p>
      <CommandForm orderId={orderId} command={command} submitLabel={t("submit")} onDone={onDone}>
        {dimensions.map((d) => (
          <ChoiceGroup key={d} legend={t(d)} name={d}>
            {scores.map((s) => (
              <Choice key={s} name={d} value={s} required label={t(`score${s}`)} />
            ))}
          </ChoiceGroup>
        ))}
        <TextAreaField label={t("comment")} name="comment" rows={3} maxLength={500} hint={t("commentHint")} />
      </CommandForm>
    </Card>
  );
}
