import { useTranslations } from "next-intl";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { OrderStatus } from "@/generated/prisma/enums";

// Colour is never the only cue: the status is always written out.
const tone: Record<OrderStatus, BadgeTone> = {
  PLACED: "amber",
  ACCEPTED: "sky",
  IN_PROGRESS: "blue",
  COMPLETED: "violet",
  CLOSED: "green",
  DECLINED: "gray",
  WITHDRAWN: "gray",
  REOPENED: "red",
};

export function StatusBadge({ status }: { status: OrderStatus }) {
  const t = useTranslations("orders.status");
  return <Badge tone={tone[status]}>{t(status)}</Badge>;
}

export function OverdueBadge({ overdue }: { overdue: "response" | "resolution" | null }) {
  const t = useTranslations("orders.overdue");
  if (!overdue) return null;
  return (
    <Badge tone="alert" icon="⚠">
      {t(overdue)}
    </Badge>
  );
}
