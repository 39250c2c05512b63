import { useTranslations } from "next-intl";
import type { OrderStatus } from "@/generated/prisma/enums";

// Colour is never the only cue: the status is always written out.
const tone: Record<OrderStatus, string> = {
  PLACED: "bg-amber-100 text-amber-900 ring-amber-300",
  ACCEPTED: "bg-sky-100 text-sky-900 ring-sky-300",
  IN_PROGRESS: "bg-blue-100 text-blue-900 ring-blue-300",
  COMPLETED: "bg-violet-100 text-violet-900 ring-violet-300",
  CLOSED: "bg-green-100 text-green-900 ring-green-300",
  DECLINED: "bg-gray-200 text-gray-900 ring-gray-300",
  WITHDRAWN: "bg-gray-200 text-gray-900 ring-gray-300",
  REOPENED: "bg-red-100 text-red-900 ring-red-300",
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations("orders.status");
  return <span className={`inline-block rounded-full px-2.5 py-0.5 text-base font-medium ring-1 ${tone[status]}`}>{t(status)}</span>;
}

export function OverdueBadge({ overdue }: { overdue: "response" | "resolution" | null }) {
  const t = useTranslations("orders.overdue");
  if (!overdue) return null;
  return <span className="inline-block rounded-full bg-red-700 px-2.5 py-0.5 text-base font-semibold text-white">⚠ {t(overdue)}</span>;
}
