import type { Role } from "@/generated/prisma/enums";

/** Demo accounts created by the demo seed; listed on the sign-in page in demo mode only. */
export const DEMO_PASSWORD = "Linli@2026";

export const demoAccounts: readonly { phone: string; role: Role; scope: string }[] = [
  { phone: "13800000001", role: "RESIDENT", scope: "府河小区" },
  { phone: "13800000002", role: "GRID_WORKER", scope: "柳江社区第一网格（含府河小区）" },
  { phone: "13800000003", role: "BRANCH_SECRETARY", scope: "府河小区" },
  { phone: "13800000004", role: "STAFF", scope: "柳江社区" },
  { phone: "13800000005", role: "ADMIN", scope: "全部社区" },
  { phone: "13800000006", role: "GRID_WORKER", scope: "柳江社区第二网格" },
  { phone: "13800000007", role: "RESIDENT", scope: "新莲新苑小区（柳江社区第二网格）" },
];
