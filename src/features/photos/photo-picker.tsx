"use client";
// Photos for an order form: each chosen file is uploaded to /api/uploads at once, shown as a
// thumbnail, and handed to the form as hidden inputs carrying the photo ids. The server
// checks, cleans and stores the photo; its message, already in the reader's language, is shown
// as it comes. The picker's own texts are the "photos" messages.
import { useEffect, useRef, useState, type ChangeEvent } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { TextField, useFieldError } from "@/components/ui/field";
import { FormAlert } from "@/components/ui/form";

const MAX_BYTES = 10 * 1024 * 1024;

type Item = { key: number; name: string } & ({ status: "uploading" } | { status: "done"; id: string });

type Say = ReturnType<typeof useTranslations<"photos">>;

async function upload(file: File, t: Say): Promise<{ id: string } | { error: string }> {
  const body = new FormData();
  body.append("file", file);
  let response: Response;
  try {
    response = await fetch("/api/uploads", { method: "POST", body, credentials: "same-origin" });
  } catch {
    return { error: t("network") };
  }
  const data = (await response.json().catch(() => null)) as { id?: unknown; error?: unknown } | null;
  if (response.ok && typeof data?.id === "string") return { id: data.id };
  if (typeof data?.error === "string" && data.error) return { error: data.error };
  if (response.status === 413) return { error: t("tooLarge") };
  return { error: t("failed") };
}

export function PhotoPicker({ name = "photoIds", max = 6, label }: { name?: string; max?: number; label: string }) {
  const t = useTranslations("photos");
  // The server's message for the photos, when the form it belongs to was refused.
  const serverError = useFieldError(name);
  const inputRef = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);
  const [items, setItems] = useState<Item[]>([]);
  const [error, setError] = useState<string | null>(null);
  const uploading = items.some((item) => item.status === "uploading");

  // A form sent while a photo is still on its way would silently lose it: hold the submit.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form || !uploading) return;
    const hold = (event: SubmitEvent) => {
      event.preventDefault();
      event.stopImmediatePropagation();
      setError(t("stillUploading"));
    };
    form.addEventListener("submit", hold);
    return () => form.removeEventListener("submit", hold);
  }, [t, uploading]);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ""; // the same file may be chosen again after removing it
    if (!files.length) return;
    setError(null);
    const room = Math.max(0, max - items.length);
    if (files.length > room) setError(t("tooMany", { max }));
    for (const file of files.slice(0, room)) {
      if (file.size > MAX_BYTES) {
        setError(t("tooLarge"));
        continue;
      }
      const key = nextKey.current++;
      setItems((current) => [...current, { key, name: file.name, status: "uploading" }]);
      void upload(file, t).then((result) => {
        if ("id" in result) {
          const { id } = result;
          setItems((current) => current.map((item) => (item.key === key ? { key, name: item.name, status: "done", id } : item)));
        } else {
          setItems((current) => current.filter((item) => item.key !== key));
          setError(result.error);
        }
      });
    }
  }

  function remove(key: number) {
    setItems((current) => current.filter((item) => item.key !== key));
    setError(null);
    inputRef.current?.focus();
  }

  let photoNumber = 0;
  return (
    <div className="space-y-3">
      {/* No name: the file goes up at once; the form carries the photo ids below. */}
      <TextField ref={inputRef} label={label} hint={t("hint", { max })} error={serverError} type="file" accept="image/*" multiple onChange={choose} />
      <FormAlert label={t("errorLabel")} message={error} />

      {items.length > 0 && (
        <ul className="flex flex-wrap gap-3" aria-label={t("chosen")}>
          {items.map((item) => {
            if (item.status === "uploading") {
              return (
                <li
                  key={item.key}
                  className="flex min-h-28 w-28 items-center justify-center rounded-lg border border-dashed border-gray-400 bg-gray-50 p-2 text-center text-gray-800"
                >
                  <span role="status">{t("uploading")}</span>
                </li>
              );
            }
            const n = ++photoNumber;
            return (
              <li key={item.key} className="flex w-28 flex-col items-stretch gap-1">
                {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-user photo */}
                <img
                  src={`/api/photos/${encodeURIComponent(item.id)}`}
                  alt={t("uploaded", { n })}
                  className="h-28 w-28 rounded-lg border border-gray-300 object-cover"
                />
                <input type="hidden" name={name} value={item.id} />
                <Button tone="secondary" size="sm" onClick={() => remove(item.key)} aria-label={t("removeLabel", { n })}>
                  {t("remove")}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
