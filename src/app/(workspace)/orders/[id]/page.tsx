import type { Metadata } from "next";
import { cache } from "react";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { OrderActions } from "@/features/orders/components/order-detail/order-actions";
import {
  DispatchPlans,
  MergedProgress,
  OrderDescription,
  OrderFacts,
  OrderHeader,
  Ratings,
  RequesterBlock,
} from "@/features/orders/components/order-detail/order-summary";
import { OrderTimeline } from "@/features/orders/components/order-detail/order-timeline";
import { dispatchWorkers, getOrderDetail, transferTargets } from "@/features/orders/queries";
import { firstVolunteers } from "@/domain/orders/volunteers";
import { requireActor } from "@/server/auth/guards";

type Props = { params: Promise<{ id: string }> };

// One query per request, shared by the page and its metadata.
const loadOrder = cache(async (id: string) => getOrderDetail(await requireActor(), id));

/** Tomorrow's date in China time, the earliest due date a dispatch may set. */
function tomorrow(now = new Date()) {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(now.getTime() + 24 * 60 * 60 * 1000),
  );
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const order = await loadOrder(id);
  if (!order) return {};
  const t = await getTranslations("orders");
  return { title: `${t("number", { number: order.number })} ${order.title}` };
}

export default async function OrderPage({ params }: Props) {
  const { id } = await params;
  const actor = await requireActor();
  const order = await loadOrder(id);
  if (!order) notFound();
  const offers = (command: string) => order.actions.some((a) => a.command === command);
  const [targets, workers, volunteers] = await Promise.all([
    offers("transfer") ? transferTargets(actor, order.id) : [],
    offers("dispatch") ? dispatchWorkers(actor, order.id) : [],
    offers("dispatch") ? firstVolunteers(actor, order.id) : [],
  ]);
  return (
    <article>
      <OrderHeader order={order} />
      {order.mergedInto && <MergedProgress merged={order.mergedInto} />}
      <OrderFacts order={order} />
      {order.requester && <RequesterBlock orderId={order.id} requester={order.requester} />}
      <OrderDescription description={order.description} />
      <OrderActions
        orderId={order.id}
        status={order.status}
        actions={order.actions}
        transferTargets={targets}
        workers={workers}
        volunteers={volunteers}
        minDueDate={tomorrow()}
      />
      <DispatchPlans dispatches={order.dispatches} />
      <Ratings ratings={order.ratings} mine={order.mine} />
      <OrderTimeline timeline={order.timeline} />
    </article>
  );
}
