"use client";
// Photos for an order form: each chosen file is uploaded to /api/uploads at once, shown as a
// thumbnail, and handed to the form as hidden inputs carrying the photo ids. The server
// checks, cleans and stores the photo; its Chinese error message is shown as it comes.
import { useEffect, useId, useRef, useState, type ChangeEvent } from "react";

const MAX_BYTES = 10 * 1024 * 1024;

type Item = { key: number; name: string } & ({ status: "uploading" } | { status: "done"; id: string });

async function upload(file: File): Promise<{ id: string } | { error: string }> {
  const body = new FormData();
  body.append("file", file);
  let response: Response;
  try {
    response = await fetch("/api/uploads", { method: "POST", body, credentials: "same-origin" });
  } catch {
    return { error: "网络连接失败，请检查网络后重试。" };
  }
  const data = (await response.json().catch(() => null)) as { id?: unknown; error?: unknown } | null;
  if (response.ok && typeof data?.id === "string") return { id: data.id };
  if (typeof data?.error === "string" && data.error) return { error: data.error };
  if (response.status === 413) return { error: "照片不能超过 10 MB。" };
  return { error: "上传失败，请稍后再试。" };
}

export function PhotoPicker({ name = "photoIds", max = 6, label }: { name?: string; max?: number; label: string }) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const inputRef = useRef<HTMLInputElement>(null);
  const nextKey = useRef(0);
  const [items, setItems] = useState<Item[]>([]);
  const [error, setError] = useState<string | null>(null);
  const uploading = items.some((item) => item.status === "uploading");
  const uploadingRef = useRef(false);
  uploadingRef.current = uploading;

  // A form sent while a photo is still on its way would silently lose it: hold the submit.
  useEffect(() => {
    const form = inputRef.current?.form;
    if (!form) return;
    const hold = (event: SubmitEvent) => {
      if (!uploadingRef.current) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      setError("照片还在上传，请稍候再提交。");
    };
    form.addEventListener("submit", hold);
    return () => form.removeEventListener("submit", hold);
  }, []);

  function choose(event: ChangeEvent<HTMLInputElement>) {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ""; // the same file may be chosen again after removing it
    if (!files.length) return;
    setError(null);
    const room = Math.max(0, max - items.length);
    if (files.length > room) setError(`最多上传 ${max} 张照片。`);
    for (const file of files.slice(0, room)) {
      if (file.size > MAX_BYTES) {
        setError("照片不能超过 10 MB。");
        continue;
      }
      const key = nextKey.current++;
      setItems((current) => [...current, { key, name: file.name, status: "uploading" }]);
      void upload(file).then((result) => {
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
      <div className="space-y-1">
        <label htmlFor={inputId} className="block font-medium">
          {label}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="file"
          accept="image/*"
          multiple
          onChange={choose}
          aria-describedby={hintId}
          className="block min-h-12 w-full rounded-lg border border-gray-400 p-1 text-base file:mr-3 file:min-h-11 file:cursor-pointer file:rounded-md file:border-0 file:bg-gray-200 file:px-4 file:text-base file:font-medium file:text-gray-900 hover:file:bg-gray-300"
        />
        <p id={hintId} className="text-gray-700">
          最多 {max} 张，每张不超过 10 MB，支持 JPG、PNG、WebP、HEIC。
        </p>
      </div>

      {error && (
        <p role="alert" aria-label="照片上传" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-800">
          {error}
        </p>
      )}

      {items.length > 0 && (
        <ul className="flex flex-wrap gap-3" aria-label="已选照片">
          {items.map((item) => {
            if (item.status === "uploading") {
              return (
                <li
                  key={item.key}
                  className="flex h-28 w-28 items-center justify-center rounded-lg border border-dashed border-gray-400 bg-gray-50 p-2 text-center text-gray-800"
                >
                  <span role="status">正在上传…</span>
                </li>
              );
            }
            const n = ++photoNumber;
            return (
              <li key={item.key} className="flex w-28 flex-col items-stretch gap-1">
                {/* eslint-disable-next-line @next/next/no-img-element -- a private, per-user photo */}
                <img
                  src={`/api/photos/${encodeURIComponent(item.id)}`}
                  alt={`已上传的照片 ${n}`}
                  className="h-28 w-28 rounded-lg border border-gray-300 object-cover"
                />
                <input type="hidden" name={name} value={item.id} />
                <button
                  type="button"
                  onClick={() => remove(item.key)}
                  aria-label={`删除照片 ${n}`}
                  className="min-h-11 min-w-11 rounded-lg border border-gray-400 bg-white px-3 font-medium text-gray-900 hover:bg-gray-100"
                >
                  删除
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
