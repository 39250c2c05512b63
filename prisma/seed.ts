// Demo data for the portal: one street, two communities, four grids, twelve courtyards
// named after compounds in Chengdu governance reports, their buildings,
// residents, and the demo accounts listed on the sign-in page.
//
// `seedDemo` assumes an empty database (the caller checks). Run directly
// (`npm run db:seed`, i.e. `tsx prisma/seed.ts`), it seeds the database of DATABASE_URL
// unless that database already has users.
//
// Everything is deterministic: phone numbers, names and rooms derive from indexes.
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Role } from "../src/generated/prisma/client";
import { DEMO_PASSWORD } from "../src/features/auth/demo-accounts";
import { hashPassword } from "../src/server/auth/password";

// ---------------------------------------------------------------------------------------
// The map

const STREET = "锦华路街道";

type CourtyardSpec = { name: string; address: string; branch?: boolean };
type GridSpec = { name: string; courtyards: CourtyardSpec[] };
type CommunitySpec = { name: string; grids: GridSpec[] };

const MAP: CommunitySpec[] = [
  {
    name: "柳江社区",
    grids: [
      {
        name: "第一网格",
        courtyards: [
          { name: "府河小区", address: "成都市金牛区锦华路街道府河路88号" },
          { name: "龙湖上城", address: "成都市金牛区成华西街299号" },
          { name: "警官公寓", address: "成都市金牛区柳江路12号" },
        ],
      },
      {
        name: "第二网格",
        courtyards: [
          { name: "新莲新苑小区", address: "成都市金牛区新莲路66号" },
          { name: "和居名爵小区", address: "成都市金牛区柳江路135号" },
          { name: "吉祥国际小区", address: "成都市金牛区吉祥街18号" },
        ],
      },
    ],
  },
  {
    name: "锦城社区",
    grids: [
      {
        name: "第一网格",
        courtyards: [
          { name: "爱丁堡小区", address: "成都市金牛区锦城大道256号" },
          { name: "新都国际嘉园", address: "成都市金牛区锦华路318号" },
          { name: "摩根空间小区", address: "成都市金牛区锦城大道99号" },
        ],
      },
      {
        name: "第二网格",
        courtyards: [
          { name: "君融天湖小区", address: "成都市金牛区天湖路8号" },
          { name: "锦华苑小区", address: "成都市金牛区锦华路56号" },
          { name: "蓉北雅居", address: "成都市金牛区蓉北商贸大道二段21号" },
        ],
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------
// People

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "高", "林"];
// 41 given names (a prime against 20 surnames), so that names repeat only after 820 people.
const GIVEN = [
  "建华",
  "淑芬",
  "国强",
  "玉兰",
  "志明",
  "桂芳",
  "德明",
  "秀兰",
  "海燕",
  "文杰",
  "春梅",
  "永福",
  "晓燕",
  "红梅",
  "家豪",
  "凤英",
  "宏伟",
  "丽娟",
  "俊杰",
  "翠华",
  "明辉",
  "素珍",
  "子涵",
  "雪梅",
  "天佑",
  "婷婷",
  "光荣",
  "美玲",
  "振华",
  "慧敏",
  "立新",
  "淑华",
  "浩然",
  "金凤",
  "学军",
  "秋菊",
  "勇",
  "芳",
  "欣怡",
  "长林",
  "梓轩",
];

let nameCounter = 0;
function nextName(): string {
  const k = nameCounter++;
  return SURNAMES[k % SURNAMES.length] + GIVEN[(k * 7) % GIVEN.length];
}

type Scope = { communityId?: string; gridId?: string; courtyardId?: string };
type PersonSpec = { phone: string; name: string; roles: { role: Role; scope: Scope }[]; home?: HomeSpec };
type HomeSpec = { courtyardId: string; buildingId: string; unit: string; room: string };

// ---------------------------------------------------------------------------------------

export async function seedDemo(db: PrismaClient): Promise<void> {
  nameCounter = 0;
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  await db.$transaction(
    async (tx) => {
      // Street → communities → grids → courtyards → buildings, each level in one statement.
      const street = await tx.street.create({ data: { name: STREET } });

      const communities = await tx.community.createManyAndReturn({
        data: MAP.map((c) => ({ streetId: street.id, name: c.name })),
        select: { id: true, name: true },
      });
      const communityId = new Map(communities.map((c) => [c.name, c.id]));

      const grids = await tx.grid.createManyAndReturn({
        data: MAP.flatMap((c) => c.grids.map((g) => ({ communityId: communityId.get(c.name)!, name: g.name }))),
        select: { id: true, name: true, communityId: true },
      });
      const gridId = new Map(grids.map((g) => [`${g.communityId}/${g.name}`, g.id]));
      const gridOf = (community: string, grid: string) => gridId.get(`${communityId.get(community)}/${grid}`)!;

      const courtyardRows = MAP.flatMap((c) =>
        c.grids.flatMap((g) =>
          g.courtyards.map((y) => ({
            gridId: gridOf(c.name, g.name),
            name: y.name,
            address: y.address,
            partyBranchName: `${y.name}院落党支部`,
          })),
        ),
      );
      const courtyards = await tx.courtyard.createManyAndReturn({
        data: courtyardRows,
        select: { id: true, name: true, gridId: true },
      });
      const courtyardIdByName = new Map(courtyards.map((y) => [y.name, y.id]));
      const courtyardId = (name: string) => courtyardIdByName.get(name)!;
      // In declaration order, for the index-derived data below.
      const courtyardOrder = courtyardRows.map((row) => courtyardId(row.name));

      // 3–6 buildings per courtyard; every other building has a building head (楼栋长).
      const buildingRows = courtyardOrder.flatMap((yId, ci) => {
        const count = 3 + (ci % 4);
        return Array.from({ length: count }, (_, bi) => ({
          courtyardId: yId,
          number: `${bi + 1}栋`,
          units: 1 + ((ci + bi) % 4),
          floors: [6, 7, 11, 18, 26, 33][(ci * 2 + bi) % 6],
          headName: bi % 2 === 0 ? nextName() : "",
        }));
      });
      const buildings = await tx.building.createManyAndReturn({
        data: buildingRows,
        select: { id: true, courtyardId: true, number: true, units: true, floors: true },
      });
      const buildingsOf = new Map<string, typeof buildings>();
      for (const b of buildings) buildingsOf.set(b.courtyardId, [...(buildingsOf.get(b.courtyardId) ?? []), b]);
      for (const list of buildingsOf.values()) list.sort((a, b) => parseInt(a.number) - parseInt(b.number));
      const building = (courtyard: string, number: string) => buildingsOf.get(courtyardId(courtyard))!.find((b) => b.number === number)!;

      // The demo accounts: exactly these roles, nothing more.
      const fuhe = building("府河小区", "1栋");
      const xinlian = building("新莲新苑小区", "2栋");
      const people: PersonSpec[] = [
        {
          phone: "13800000001",
          name: "王秀英",
          roles: [{ role: "RESIDENT", scope: { courtyardId: courtyardId("府河小区") } }],
          home: { courtyardId: courtyardId("府河小区"), buildingId: fuhe.id, unit: "1单元", room: "302" },
        },
        {
          phone: "13800000002",
          name: "李建国",
          roles: [{ role: "GRID_WORKER", scope: { gridId: gridOf("柳江社区", "第一网格") } }],
        },
        {
          phone: "13800000003",
          name: "张志强",
          roles: [{ role: "BRANCH_SECRETARY", scope: { courtyardId: courtyardId("府河小区") } }],
        },
        {
          phone: "13800000004",
          name: "陈丽",
          roles: [{ role: "STAFF", scope: { communityId: communityId.get("柳江社区")! } }],
        },
        { phone: "13800000005", name: "刘洋", roles: [{ role: "ADMIN", scope: {} }] },
        {
          phone: "13800000006",
          name: "赵敏",
          roles: [{ role: "GRID_WORKER", scope: { gridId: gridOf("柳江社区", "第二网格") } }],
        },
        {
          phone: "13800000007",
          name: "孙桂兰",
          roles: [{ role: "RESIDENT", scope: { courtyardId: courtyardId("新莲新苑小区") } }],
          home: {
            courtyardId: courtyardId("新莲新苑小区"),
            buildingId: xinlian.id,
            unit: `${Math.min(2, xinlian.units)}单元`,
            room: `${Math.min(5, xinlian.floors)}01`,
          },
        },
      ];

      // A grid worker for each of the other grids: 13800000011, 13800000012, ...
      const otherGrids = MAP.flatMap((c) => c.grids.map((g) => [c.name, g.name] as const)).filter(([c]) => c !== "柳江社区");
      otherGrids.forEach(([c, g], i) =>
        people.push({
          phone: `138000000${11 + i}`,
          name: nextName(),
          roles: [{ role: "GRID_WORKER", scope: { gridId: gridOf(c, g) } }],
        }),
      );

      // A branch secretary for each courtyard but 府河小区 (张志强's): 13800001001, ...
      courtyardRows.forEach((row, ci) => {
        if (row.name === "府河小区") return;
        people.push({
          phone: `13800001${String(ci + 1).padStart(3, "0")}`,
          name: nextName(),
          roles: [{ role: "BRANCH_SECRETARY", scope: { courtyardId: courtyardId(row.name) } }],
        });
      });

      // 5–8 residents per courtyard: 139 + courtyard (4 digits) + resident (4 digits). The
      // first two of each courtyard of 柳江社区 are also its registered volunteers (志愿者).
      const liujiang = communityId.get("柳江社区")!;
      const liujiangGrids = new Set(grids.filter((g) => g.communityId === liujiang).map((g) => g.id));
      const inLiujiang = new Set(courtyards.filter((y) => liujiangGrids.has(y.gridId)).map((y) => y.id));
      courtyardOrder.forEach((yId, ci) => {
        const list = buildingsOf.get(yId)!;
        const count = 5 + ((ci * 3) % 4);
        for (let ri = 0; ri < count; ri++) {
          const b = list[ri % list.length];
          const floor = 1 + ((ri * 5 + ci * 3 + 1) % b.floors);
          people.push({
            phone: `139${String(ci + 1).padStart(4, "0")}${String(ri + 1).padStart(4, "0")}`,
            name: nextName(),
            roles: [
              { role: "RESIDENT", scope: { courtyardId: yId } },
              ...(inLiujiang.has(yId) && ri < 2 ? [{ role: "VOLUNTEER" as const, scope: { communityId: liujiang } }] : []),
            ],
            home: {
              courtyardId: yId,
              buildingId: b.id,
              unit: `${1 + (ri % b.units)}单元`,
              room: `${floor}0${1 + ((ri + ci) % 4)}`,
            },
          });
        }
      });

      const users = await tx.user.createManyAndReturn({
        data: people.map((p) => ({ phone: p.phone, name: p.name, passwordHash })),
        select: { id: true, phone: true },
      });
      const userId = new Map(users.map((u) => [u.phone, u.id]));

      await tx.roleAssignment.createMany({
        data: people.flatMap((p) =>
          p.roles.map(({ role, scope }) => ({
            userId: userId.get(p.phone)!,
            role,
            communityId: scope.communityId ?? null,
            gridId: scope.gridId ?? null,
            courtyardId: scope.courtyardId ?? null,
          })),
        ),
      });

      await tx.residence.createMany({
        data: people.flatMap((p) => (p.home ? [{ userId: userId.get(p.phone)!, ...p.home }] : [])),
      });
    },
    { timeout: 60_000 },
  );
}

// ---------------------------------------------------------------------------------------
// CLI: `npm run db:seed`

async function main() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    process.stderr.write("Set DATABASE_URL to the database to seed (`npm start` seeds the embedded one itself).\n");
    process.exit(1);
  }
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString }) });
  try {
    const existing = await db.user.count();
    if (existing > 0) {
      // --force changes nothing: demo data is only ever added to an empty database.
      const force = process.argv.includes("--force") ? " (--force does not override this)" : "";
      process.stderr.write(
        `The database already has ${existing} user(s): demo data not added${force}. ` + "The demo seed only fills an empty database; use a fresh one.\n",
      );
      process.exitCode = 1;
      return;
    }
    const started = Date.now();
    await seedDemo(db);
    const [courtyards, users] = await Promise.all([db.courtyard.count(), db.user.count()]);
    process.stdout.write(
      `demo data added in ${Date.now() - started} ms: ${courtyards} courtyards, ${users} users ` +
        `(password ${DEMO_PASSWORD}; demo accounts 13800000001–13800000007)\n`,
    );
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  });
}
