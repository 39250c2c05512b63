"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("errors");
  return (
    <main className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="mb-2 text-2xl font-bold">{t("serverTitle")}</h1>
      <p className="mb-6 text-gray-700">{t("serverBody")}</p>
      <Button onClick={reset}>{t("retry")}</Button>
    </main>
  );
}
