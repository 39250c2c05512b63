"use client";
// 下单's volunteers: chosen from the community's registered volunteers, found by name within
// that list (the server answers at most a few names, throttled, and tells nobody). The ones
// ticked stay ticked while the secretary searches on.
import { useEffect, useId, useState } from "react";
import { useTranslations } from "next-intl";
import { Choice, ChoiceGroup, TextField } from "@/components/ui/field";
import { searchVolunteersAction } from "@/features/orders/actions";
import type { VolunteerOption } from "@/domain/orders/volunteers";

const SEARCH_DELAY_MS = 400;

export function VolunteerPicker({ orderId, initial, error }: { orderId: string; initial: VolunteerOption[]; error?: string }) {
  const t = useTranslations("orderPage.actions");
  const tPage = useTranslations("orderPage");
  const id = useId();
  const [query, setQuery] = useState("");
  const [found, setFound] = useState(initial);
  const [chosen, setChosen] = useState<VolunteerOption[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  const searching = query.trim() !== "";
  useEffect(() => {
    const name = query.trim();
    if (!name) return;
    let current = true;
    const timer = setTimeout(async () => {
      const form = new FormData();
      form.set("orderId", orderId);
      form.set("query", name);
      const answer = await searchVolunteersAction(form).catch(() => null);
      if (!current) return;
      if (!answer) setProblem(tPage("networkError"));
      else if (answer.ok) {
        setFound(answer.data);
        setProblem(null);
      } else setProblem(answer.error);
    }, SEARCH_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [query, orderId, tPage]);

  // An empty search box lists the community's volunteers as the page gave them.
  const listed = searching ? found : initial;
  const shown = [...chosen, ...listed.filter((v) => !chosen.some((c) => c.id === v.id))];
  const toggle = (v: VolunteerOption, on: boolean) => setChosen((list) => (on ? [...list, v] : list.filter((c) => c.id !== v.id)));

  return (
    <ChoiceGroup
      legend={t("dispatchVolunteers")}
      hint={t("dispatchVolunteersHint")}
      error={error}
      lead={
        <>
          <TextField
            label={t("dispatchVolunteerSearch")}
            type="search"
            value={query}
            maxLength={20}
            onChange={(e) => {
              setQuery(e.target.value);
              // A new search starts from the full list, not from the last one's answer.
              if (!e.target.value.trim()) {
                setFound(initial);
                setProblem(null);
              }
            }}
            // Enter searches; it must not submit the dispatch.
            onKeyDown={(e) => e.key === "Enter" && e.preventDefault()}
            describedById={problem ? `${id}-problem` : undefined}
          />
          <p id={`${id}-problem`} role="status" aria-label={t("dispatchVolunteerSearchResult")} className={problem ? "font-medium text-red-800" : "sr-only"}>
            {problem ?? (query.trim() && shown.length === chosen.length ? t("dispatchVolunteersNone") : "")}
          </p>
          {shown.length === 0 && !query.trim() && <p className="text-gray-800">{t("dispatchNoVolunteers")}</p>}
        </>
      }
    >
      {shown.length > 0 &&
        shown.map((v) => (
          <Choice
            key={v.id}
            type="checkbox"
            name="volunteerIds"
            value={v.id}
            checked={chosen.some((c) => c.id === v.id)}
            onChange={(e) => toggle(v, e.target.checked)}
            label={
              <>
                {v.name} <span className="text-gray-700">{v.phone}</span>
              </>
            }
          />
        ))}
    </ChoiceGroup>
  );
}
