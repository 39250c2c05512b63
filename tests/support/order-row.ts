// An order row in a given status, written straight to a database by the test that needs it
// (the order domain has its own tests; here the order only has to exist). No database client
// here: the reach test writes through a client of its own.
import crypto from "node:crypto";
import type { Prisma } from "@/generated/prisma/client";
import type { OrderStatus } from "@/generated/prisma/enums";

type Place = { courtyardId: string; gridId: string; communityId: string };

export function orderRow(
  place: Place,
  requesterId: string,
  status: OrderStatus,
  extra: Partial<Prisma.OrderUncheckedCreateInput> = {},
): Prisma.OrderUncheckedCreateInput {
  const due = new Date(Date.now() + 86400_000);
  return {
    categoryId: "category_wish",
    ...place,
    requesterId,
    placedById: requesterId,
    title: `测试单 ${status}`,
    description: "测试用的单。",
    status,
    responseDueAt: due,
    resolutionDueAt: due,
    dueAt: due,
    idempotencyKey: crypto.randomUUID(),
    payloadHash: "test",
    ...extra,
  };
}
