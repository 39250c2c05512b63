// A city-scale history for measuring (docs/performance.md): two streets, 50 communities,
// 300 grids, 3,000 courtyards with their buildings, 100,000 residents and, by default,
// 1,000,000 orders placed over the last 12 months with their timelines, dispatch plans and
// ratings, all consistent with the rate definitions in docs/metrics.md.
//
//   DATABASE_URL=… npm run generate:city -- [--size 1000000] [--now 2026-11-23T00:00Z]
//                                           [--batch 50000] [--jobs 2] [--residents 100000]
//
// against a migrated database (it adds to what is there, e.g. the demo data, and refuses to
// run twice on one database; `npm run bench` makes a fresh one). Everything is made in SQL
// (generate_series, INSERT … SELECT) in batches of one transaction each, two sessions at once;
// nothing goes row by row through Prisma. As pg_restore does, the secondary indexes and the
// foreign keys of the order tables are set aside during the load and rebuilt after it
// (re-adding a foreign key checks every row); primary keys and unique indexes stay. Every id
// starts with "gen_", which no cuid() can; the demo password (Linli@2026) signs in every
// generated account: residents 150…, grid workers 151…, branch secretaries 152…, staff 153….
//
// Deterministic: every choice is a hash of the order's index, so the same --size and --now
// give the same rows and order numbers. Rows are written in the order they were placed (the
// timeline events in the order they happened), as the app would have written them over the
// year: a community's orders are spread over the whole table, not packed together, which is
// what makes the staff queries honest (docs/decisions/014-metrics-covering-index.md).
//
// Each order follows the loop of src/domain/orders (placed → accepted → dispatched →
// completed → rated …): its timeline is drawn first, then cut at --now, so that old orders
// are closed and recent ones are still open; a few are stuck (overdue), withdrawn,
// declined, merged, reopened after a poor rating and followed up or sent back, or closed
// unrated; some public ones are rated by a neighbour too.
import { pathToFileURL } from "node:url";
import pg from "pg";
import { DEMO_PASSWORD } from "../src/features/auth/demo-accounts";
import { hashPassword } from "../src/server/auth/password";

export type CityOptions = {
  /** Orders to generate. */
  size: number;
  /** The moment the history ends (default: now, to the minute). */
  now?: Date;
  /** Orders per transaction. */
  batch?: number;
  /** Sessions loading batches at once (default 2, one per core of the benchmark machine). */
  jobs?: number;
  residents?: number;
  log?: (line: string) => void;
};

export type CityResult = { orders: number; events: number; ratings: number; dispatches: number; users: number; seconds: number };

const STREETS = ["锦西街道", "锦东街道"];
// prettier-ignore
const COMMUNITIES = [
  "金沙", "青羊", "光华", "草堂", "浣花", "玉林", "芳草", "红牌楼", "簇桥", "桂溪",
  "石羊", "肖家河", "双楠", "晋阳", "永丰", "府南", "西御河", "汪家拐", "少城", "草市",
  "太升", "新华", "书院", "合江亭", "望江", "九眼桥", "猛追湾", "双林", "建设路", "府青",
  "二仙桥", "跳蹬河", "驷马桥", "荷花池", "抚琴", "营门口", "茶店子", "金泉", "沙河源", "天回",
  "凤凰山", "西华", "九里堤", "五块石", "人民北路", "马鞍", "解放", "李家沱", "交大", "沙湾",
];
const GRID_NAMES = ["第一网格", "第二网格", "第三网格", "第四网格", "第五网格", "第六网格"];
const GRIDS_PER_COMMUNITY = GRID_NAMES.length;
const COURTYARDS_PER_GRID = 10;
// prettier-ignore
const COURTYARD_BASES = ["锦绣", "阳光", "幸福", "和平", "翠苑", "金桥", "龙湖", "蓝光", "华润", "万科", "保利", "中海", "望江", "玉林", "芙蓉", "银杏", "桂花", "丽景", "紫荆", "南苑"];
const COURTYARD_KINDS = ["小区", "花园", "家园", "新村", "苑"];
const FLOORS = [6, 7, 11, 18, 26, 33];
// prettier-ignore
const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "高", "林"];
// prettier-ignore
const GIVEN = [
  "建华", "淑芬", "国强", "玉兰", "志明", "桂芳", "德明", "秀兰", "海燕", "文杰", "春梅", "永福", "晓燕", "红梅",
  "家豪", "凤英", "宏伟", "丽娟", "俊杰", "翠华", "明辉", "素珍", "子涵", "雪梅", "天佑", "婷婷", "光荣", "美玲",
  "振华", "慧敏", "立新", "淑华", "浩然", "金凤", "学军", "秋菊", "勇", "芳", "欣怡", "长林", "梓轩",
];

/** Share of orders and typical requests per category code; unknown codes get a share of 5. */
const CATEGORY_MIX: Record<string, { weight: number; titles: string[] }> = {
  REPAIR: { weight: 30, titles: ["楼道灯坏了", "单元门禁失灵", "下水管道堵塞", "电梯异响", "屋顶漏水", "路灯不亮", "楼梯扶手松动"] },
  SANITATION: { weight: 20, titles: ["垃圾清运不及时", "楼道堆放杂物", "绿化带积水", "化粪池外溢", "宠物粪便无人清理"] },
  SERVICE: { weight: 18, titles: ["代办老年证", "帮忙代购药品", "代缴水电费", "预约上门理发", "办理居住证明"] },
  SAFETY: { weight: 8, titles: ["电动车楼道充电", "消防通道被占", "外墙瓷砖松动", "燃气管道有异味", "井盖破损"] },
  DISPUTE: { weight: 7, titles: ["楼上噪音扰民", "停车位纠纷", "漏水影响楼下", "宠物扰邻", "公共区域被占用"] },
  WISH: { weight: 10, titles: ["希望有人陪老人聊天", "孩子需要课后辅导", "想学用智能手机", "需要借用轮椅", "希望增设休息座椅"] },
  SUGGESTION: { weight: 7, titles: ["建议增设充电桩", "建议增加健身器材", "建议设立快递柜", "建议改善停车管理", "建议开展文化活动"] },
};
const DETAILS = [
  "已经持续一周了，麻烦尽快处理。",
  "家里有老人，希望早点解决。",
  "之前反映过一次，还没有处理。",
  "影响到好几户邻居。",
  "周末在家，可以上门。",
  "谢谢网格员！",
];
const PLANS = ["安排物业维修人员上门处理", "联系相关单位协调解决", "组织志愿者上门服务", "由网格员会同楼栋长处理"];
const DONE = ["已处理完毕，请查看。", "已上门解决，居民在场确认。", "已协调解决，后续持续关注。"];
const PRAISE = ["", "", "", "处理很及时，谢谢！", "网格员态度很好", "满意"];
const SO_SO = ["还行，就是慢了点", "基本解决了"];
const POOR = ["问题没有真正解决", "等了太久", "沟通不够", "修完又坏了"];

// ---------------------------------------------------------------------------------------
// Deterministic choices

/** A number in [0, 1) from an integer and a salt (murmur3's finaliser), for the map. */
function frac(i: number, salt: number): number {
  let h = (Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(salt + 1, 0x85ebca6b)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

/** The same in SQL, for the orders: a uniform float8 in [0, 1) from the order's index. */
const u = (salt: number, of = "i") => `(((hashint8extended(${of}::bigint, ${salt}) >> 11) & 9007199254740991)::float8 / 9007199254740992.0)`;
/** One element of a text array literal, chosen by a hash. */
const pick = (list: string[], salt: number, of = "i") => `(${sqlArray(list)})[1 + floor(${u(salt, of)} * ${list.length})::int]`;
const sqlText = (s: string) => `'${s.replace(/'/g, "''")}'`;
const sqlArray = (list: string[]) => `ARRAY[${list.map(sqlText).join(", ")}]::text[]`;
const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** timestamp(3) without time zone holds UTC (Prisma's convention). */
const sqlTimestamp = (d: Date) => `'${d.toISOString().replace("T", " ").replace("Z", "")}'::timestamp`;

/** A bulk load: these change only the loading session, not the server. */
async function bulkSettings(session: pg.Client) {
  await session.query(`SET synchronous_commit = off`);
  await session.query(`SET work_mem = '128MB'`);
  await session.query(`SET maintenance_work_mem = '512MB'`);
  await session.query(`SET temp_buffers = '256MB'`);
}

// ---------------------------------------------------------------------------------------

export async function generateCity(databaseUrl: string, options: CityOptions): Promise<CityResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`[city] ${line}\n`));
  const size = Math.floor(options.size);
  const batch = Math.max(1000, Math.floor(options.batch ?? 50_000));
  const jobs = Math.max(1, Math.floor(options.jobs ?? 2));
  const residentCount = Math.floor(options.residents ?? 100_000);
  const now = options.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  if (!(size > 0)) throw new Error("--size must be a positive number of orders");
  const started = Date.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const q = (sql: string, params?: unknown[]) => client.query(sql, params);
  try {
    await bulkSettings(client);

    const { rows: existing } = await q(`SELECT 1 FROM "Street" WHERE id = 'gen_st_1'`);
    if (existing.length > 0) throw new Error("This database already holds a generated city (street gen_st_1); use a fresh database.");
    // Order numbers follow those already there (the demo's), in the order of placing.
    const { rows: numbers } = await q(`SELECT coalesce(max(number), 0)::int AS max FROM "Order"`);
    const numberBase: number = numbers[0].max;
    const { rows: categories } = await q(
      `SELECT id, code, "responseHours" AS rh, "resolutionDays" AS rd, "requiresDispatch" AS disp FROM "OrderCategory" WHERE active ORDER BY "sortOrder", code`,
    );
    if (categories.length === 0) throw new Error("No active order category: run the migrations first.");

    // ------------------------------------------------------------------- the map
    const tMap = Date.now();
    const mapCreated = new Date(now.getTime() - 400 * 86_400_000);
    const passwordHash = await hashPassword(DEMO_PASSWORD);

    const communities = COMMUNITIES.map((name, c) => ({
      id: `gen_cm_${pad(c + 1, 2)}`,
      streetId: `gen_st_${c < COMMUNITIES.length / 2 ? 1 : 2}`,
      name: `${name}社区`,
    }));
    const grids = communities.flatMap((community, c) =>
      GRID_NAMES.map((name, g) => ({ id: `gen_gr_${pad(c * GRIDS_PER_COMMUNITY + g + 1, 3)}`, communityId: community.id, name })),
    );
    const courtyards = grids.flatMap((grid, g) =>
      Array.from({ length: COURTYARDS_PER_GRID }, (_, k) => {
        const idx = g * COURTYARDS_PER_GRID + k;
        const name = `${COURTYARD_BASES[idx % 20]}${COURTYARD_KINDS[Math.floor(idx / 20) % 5]}${Math.floor(idx / 100) + 1}号院`;
        return { idx, id: `gen_cy_${pad(idx + 1, 4)}`, gridId: grid.id, communityId: grid.communityId, gridIdx: g, name };
      }),
    );
    const buildings = courtyards.flatMap((y) =>
      Array.from({ length: 3 + Math.floor(frac(y.idx, 1) * 4) }, (_, k) => ({
        id: `${y.id.replace("gen_cy_", "gen_bd_")}_${k + 1}`,
        courtyardId: y.id,
        cyIdx: y.idx,
        k,
        number: `${k + 1}栋`,
        units: 1 + Math.floor(frac(y.idx * 8 + k, 2) * 4),
        floors: FLOORS[Math.floor(frac(y.idx * 8 + k, 3) * FLOORS.length)],
      })),
    );
    // Courtyards differ in size: residents are shared out by weight, at least 2 each.
    const weights = courtyards.map((y) => 0.4 + 1.2 * frac(y.idx, 4));
    const total = weights.reduce((a, b) => a + b, 0);
    const counts = weights.map((w) => Math.max(2, Math.floor((residentCount * w) / total)));
    // What rounding left over (or the minimum of 2 took too many) is spread one by one.
    for (let k = 0, left = residentCount - counts.reduce((a, b) => a + b, 0); left !== 0; k = (k + 1) % counts.length) {
      if (left > 0) {
        counts[k]++;
        left--;
      } else if (counts[k] > 2) {
        counts[k]--;
        left++;
      }
    }
    let start = 0;
    const starts = counts.map((n) => ((start += n), start - n));
    const buildingCount = courtyards.map(() => 0);
    for (const b of buildings) buildingCount[b.cyIdx]++;
    const nameOf = (k: number) => SURNAMES[k % SURNAMES.length] + GIVEN[(k * 7) % GIVEN.length];

    // Who works where: one grid worker per grid, one branch secretary per courtyard, one
    // staff member per community (phones 151…, 152…, 153…; residents 150…).
    const workers = grids.map((g, i) => ({
      id: `gen_u_w_${pad(i + 1, 3)}`,
      phone: `151${pad(i + 1, 8)}`,
      name: nameOf(i * 13 + 3),
      role: "GRID_WORKER",
      scope: g.id,
    }));
    const secretaries = courtyards.map((y) => ({
      id: `gen_u_b_${pad(y.idx + 1, 4)}`,
      phone: `152${pad(y.idx + 1, 8)}`,
      name: nameOf(y.idx * 11 + 5),
      role: "BRANCH_SECRETARY",
      scope: y.id,
    }));
    const staff = communities.map((c, i) => ({
      id: `gen_u_s_${pad(i + 1, 2)}`,
      phone: `153${pad(i + 1, 8)}`,
      name: nameOf(i * 17 + 1),
      role: "STAFF",
      scope: c.id,
    }));
    const workersAndStaff = [...workers, ...secretaries, ...staff];
    /** The lookup tables every loading session needs (temporary tables are per session). */
    const sessionTables = async (session: pg.Client) => {
      await session.query(`CREATE TEMP TABLE gen_cy (idx int PRIMARY KEY, id text, grid_id text, community_id text, start int, n int, nb int,
                 worker_id text, worker_name text, secretary_id text, staff_id text)`);
      await session.query(
        `INSERT INTO gen_cy SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::int[], $8::text[], $9::text[], $10::text[], $11::text[])`,
        [
          courtyards.map((y) => y.idx),
          courtyards.map((y) => y.id),
          courtyards.map((y) => y.gridId),
          courtyards.map((y) => y.communityId),
          starts,
          counts,
          courtyards.map((y) => buildingCount[y.idx]),
          courtyards.map((y) => workers[y.gridIdx].id),
          courtyards.map((y) => workers[y.gridIdx].name),
          courtyards.map((y) => secretaries[y.idx].id),
          courtyards.map((y) => staff[Math.floor(y.gridIdx / GRIDS_PER_COMMUNITY)].id),
        ],
      );
      await session.query(
        `CREATE TEMP TABLE gen_bd AS SELECT * FROM unnest($1::int[], $2::int[], $3::text[], $4::int[], $5::int[]) AS b(cy, k, id, units, floors)`,
        [buildings.map((b) => b.cyIdx), buildings.map((b) => b.k), buildings.map((b) => b.id), buildings.map((b) => b.units), buildings.map((b) => b.floors)],
      );
      await session.query(`CREATE TEMP TABLE gen_res AS
        SELECT s.r, 'gen_u_r_' || lpad(s.r::text, 6, '0') AS user_id,
               'gen_u_r_' || lpad((c.start + (s.r - c.start + 1) % c.n)::text, 6, '0') AS neighbour_id,
               c.id AS courtyard_id, b.id AS building_id, b.units, b.floors, s.r - c.start AS local,
               c.grid_id, c.community_id, c.worker_id, c.worker_name, c.secretary_id, c.staff_id
          FROM gen_cy c
          CROSS JOIN LATERAL generate_series(c.start, c.start + c.n - 1) AS s(r)
          JOIN gen_bd b ON b.cy = c.idx AND b.k = (s.r - c.start) % c.nb`);
      await session.query(`ALTER TABLE gen_res ADD PRIMARY KEY (r)`);

      const mix = categories.map((cat) => CATEGORY_MIX[cat.code] ?? { weight: 5, titles: ["其他诉求"] });
      const weightSum = mix.reduce((a, m) => a + m.weight, 0);
      let acc = 0;
      await session.query(`CREATE TEMP TABLE gen_cat (id text, rh int, rd int, disp boolean, lo float8, hi float8, titles text[])`);
      for (const [k, cat] of categories.entries()) {
        const lo = acc / weightSum;
        acc += mix[k].weight;
        const hi = k === categories.length - 1 ? 1.01 : acc / weightSum;
        await session.query(`INSERT INTO gen_cat VALUES ($1, $2, $3, $4, $5, $6, $7)`, [cat.id, cat.rh, cat.rd, cat.disp, lo, hi, mix[k].titles]);
      }
    };

    await q("BEGIN");
    await q(`INSERT INTO "Street" (id, name, "createdAt") SELECT * FROM unnest($1::text[], $2::text[]) AS s(id, name), (SELECT $3::timestamp) t`, [
      ["gen_st_1", "gen_st_2"],
      STREETS,
      mapCreated,
    ]);
    await q(
      `INSERT INTO "Community" (id, "streetId", name, "createdAt") SELECT id, sid, name, $4::timestamp FROM unnest($1::text[], $2::text[], $3::text[]) AS c(id, sid, name)`,
      [communities.map((c) => c.id), communities.map((c) => c.streetId), communities.map((c) => c.name), mapCreated],
    );
    await q(
      `INSERT INTO "Grid" (id, "communityId", name, "createdAt") SELECT id, cid, name, $4::timestamp FROM unnest($1::text[], $2::text[], $3::text[]) AS g(id, cid, name)`,
      [grids.map((g) => g.id), grids.map((g) => g.communityId), grids.map((g) => g.name), mapCreated],
    );
    await q(
      `INSERT INTO "Courtyard" (id, "gridId", name, address, "partyBranchName", "createdAt")
       SELECT id, gid, name, '成都市金牛区' || name, name || '院落党支部', $4::timestamp FROM unnest($1::text[], $2::text[], $3::text[]) AS y(id, gid, name)`,
      [courtyards.map((y) => y.id), courtyards.map((y) => y.gridId), courtyards.map((y) => y.name), mapCreated],
    );
    await q(
      `INSERT INTO "Building" (id, "courtyardId", number, units, floors, "headName", "createdAt")
       SELECT id, cid, number, units, floors, head, $7::timestamp FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[]) AS b(id, cid, number, units, floors, head)`,
      [
        buildings.map((b) => b.id),
        buildings.map((b) => b.courtyardId),
        buildings.map((b) => b.number),
        buildings.map((b) => b.units),
        buildings.map((b) => b.floors),
        buildings.map((b, i) => (b.k % 2 === 0 ? nameOf(i + 7) : "")),
        mapCreated,
      ],
    );

    await q(
      `INSERT INTO "User" (id, phone, name, "passwordHash", "createdAt", "updatedAt")
       SELECT id, phone, name, $4, $5::timestamp, $5::timestamp FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, phone, name)`,
      [workersAndStaff.map((p) => p.id), workersAndStaff.map((p) => p.phone), workersAndStaff.map((p) => p.name), passwordHash, mapCreated],
    );
    await q(
      `INSERT INTO "RoleAssignment" (id, "userId", role, "communityId", "gridId", "courtyardId", "createdAt")
       SELECT 'gen_ra_' || substr(uid, 7), uid, role::"Role",
              CASE WHEN role = 'STAFF' THEN scope END, CASE WHEN role = 'GRID_WORKER' THEN scope END,
              CASE WHEN role = 'BRANCH_SECRETARY' THEN scope END, $4::timestamp
       FROM unnest($1::text[], $2::text[], $3::text[]) AS r(uid, role, scope)`,
      [workersAndStaff.map((p) => p.id), workersAndStaff.map((p) => p.role), workersAndStaff.map((p) => p.scope), mapCreated],
    );

    // Residents, made in SQL from each courtyard's share (gen_res, see sessionTables).
    await sessionTables(client);
    await q(
      `INSERT INTO "User" (id, phone, name, "passwordHash", "createdAt", "updatedAt")
       SELECT user_id, '150' || lpad(r::text, 8, '0'), ($1::text[])[1 + r % 20] || ($2::text[])[1 + (r * 7) % 41], $3, $4::timestamp, $4::timestamp
         FROM gen_res`,
      [SURNAMES, GIVEN, passwordHash, mapCreated],
    );
    await q(
      `INSERT INTO "RoleAssignment" (id, "userId", role, "courtyardId", "createdAt")
       SELECT 'gen_ra_r_' || lpad(r::text, 6, '0'), user_id, 'RESIDENT', courtyard_id, $1::timestamp FROM gen_res`,
      [mapCreated],
    );
    await q(
      `INSERT INTO "Residence" (id, "userId", "courtyardId", "buildingId", unit, room, "createdAt")
       SELECT 'gen_rs_' || lpad(r::text, 6, '0'), user_id, courtyard_id, building_id,
              (1 + (local / 3) % units) || '单元', (1 + (local * 7) % floors) || '0' || (1 + local % 4), $1::timestamp
         FROM gen_res`,
      [mapCreated],
    );
    await q("COMMIT");
    const users = workersAndStaff.length + residentCount;
    log(
      `map: 2 streets, ${communities.length} communities, ${grids.length} grids, ${courtyards.length} courtyards, ${buildings.length} buildings, ${users} users in ${((Date.now() - tMap) / 1000).toFixed(1)} s`,
    );

    // ------------------------------------------------------------------- orders
    const NOW = sqlTimestamp(now);
    const START = sqlTimestamp(new Date(now.getTime() - 365 * 86_400_000));
    const H = "interval '1 hour'";
    const D = "interval '1 day'";
    // A rating's event: the comment as the note, the scores as params (as the writer stores them).
    const ratingParams = (g: string, t: string, f: string, c: string) =>
      `jsonb_build_object('kind', 'rated', 'goal', ${g}, 'timing', ${t}, 'form', ${f}, 'conduct', ${c})`;
    /** Four scores whose lowest is `min`: one dimension at min, the others between min and 5. */
    const dims = (min: string, salt: number) => {
      const at = `floor(${u(salt)} * 4)::int`;
      return [0, 1, 2, 3].map((j) => `CASE WHEN ${at} = ${j} THEN ${min} ELSE ${min} + floor(${u(salt + 1 + j)} * (6 - ${min}))::int END`);
    };
    const [g1, t1, f1, c1] = dims("min1", 40);
    const [g2, t2, f2, c2] = dims("min2", 50);
    const [gn, tn, fn, cn] = dims("minn", 60);

    // One row per order of the batch: the whole drawn timeline (e1 … e15), then cut at NOW (h1 … h15).
    const batchSql = (lo: number, hi: number) => `
      CREATE TEMP TABLE gb ON COMMIT DROP AS
      WITH r AS (
        SELECT i,
               ${u(1)} AS u_req, ${u(2)} AS u_time, ${u(3)} AS u_cat, ${u(4)} AS u_fate, ${u(5)} AS u_ans, ${u(6)} AS u_late,
               ${u(7)} AS u_disp, ${u(8)} AS u_done, ${u(9)} AS u_slow, ${u(10)} AS u_rated, ${u(11)} AS u_rate_at, ${u(12)} AS u_min,
               ${u(14)} AS u_follow, ${u(15)} AS u_follow_close, ${u(16)} AS u_again, ${u(17)} AS u_rate2, ${u(18)} AS u_min2,
               ${u(19)} AS u_public, ${u(20)} AS u_neighbour, ${u(21)} AS u_behalf, ${u(22)} AS u_stall, ${u(23)} AS u_stall_kind,
               ${u(24)} AS u_contact, ${u(25)} AS u_minn
          FROM generate_series(${lo}, ${hi}) AS i
      ), o AS (
        SELECT r.*, res.user_id AS requester_id, res.neighbour_id, res.courtyard_id, res.building_id, res.grid_id, res.community_id,
               res.worker_id, res.worker_name, res.secretary_id, res.staff_id,
               c.id AS category_id, c.rh, c.rd, c.disp, c.titles,
               ${START} + ((i + u_time) / ${size}.0) * interval '365 days' AS t0
          FROM r
          JOIN gen_res res ON res.r = floor(u_req * ${residentCount})::int
          JOIN gen_cat c ON u_cat >= c.lo AND u_cat < c.hi
      ), a AS (
        SELECT o.*,
               CASE WHEN u_fate < 0.02 THEN 'W' WHEN u_fate < 0.04 THEN 'D' WHEN u_fate < 0.05 THEN 'M' ELSE 'A' END AS fate,
               t0 + rh * ${H} AS response_due,
               t0 + rd * ${D} AS resolution_due,
               t0 + (CASE WHEN u_late < 0.08 THEN rh * (1.05 + 1.5 * u_ans) ELSE rh * (0.03 + 0.9 * u_ans) END) * ${H} AS ta,
               t0 + (CASE WHEN u_late < 0.2 THEN rh * (1.1 + u_ans) ELSE rh * (0.05 + 0.8 * u_ans) END) * ${H} AS tw,
               u_stall < 0.006 AS stall,
               u_stall < 0.006 AND disp AND u_stall_kind < 0.5 AS stall_undispatched,
               u_rated < 0.80 AS rated,
               CASE WHEN u_min < 0.02 THEN 1 WHEN u_min < 0.06 THEN 2 WHEN u_min < 0.13 THEN 3 WHEN u_min < 0.45 THEN 4 ELSE 5 END AS min1,
               CASE WHEN u_min2 < 0.2 THEN 3 WHEN u_min2 < 0.5 THEN 4 ELSE 5 END AS min2,
               CASE WHEN u_minn < 0.1 THEN 3 WHEN u_minn < 0.4 THEN 4 ELSE 5 END AS minn,
               u_follow_close < 0.5 AS follow_close,
               u_public < 0.3 AS is_public,
               u_public < 0.3 AND u_neighbour < 0.08 AS neighbour_rates,
               u_behalf < 0.05 AS on_behalf
          FROM o
      ), b AS (
        SELECT a.*, CASE WHEN disp THEN ta + (1 + 47 * u_disp) * ${H} END AS td FROM a
      ), c AS (
        SELECT b.*,
               greatest(resolution_due, td + ${D}) AS plan_due,
               greatest(t0 + rd * (CASE WHEN u_slow < 0.12 THEN 1.02 + 0.8 * u_done ELSE 0.1 + 0.85 * u_done END) * ${D},
                        coalesce(td, ta) + ${H}) AS tc
          FROM b
      ), d AS (
        SELECT c.*,
               tc + (1 + 140 * u_rate_at) * ${H} AS tr,
               tc + 7 * ${D} AS tu,
               tc + 0.9 * u_neighbour / 0.08 * ${H} AS tn,
               tc + (1 + 140 * u_rate_at) * ${H} + (2 + 70 * u_follow) * ${H} AS tf,
               tc + (1 + 140 * u_rate_at) * ${H} + (2 + 70 * u_follow) * ${H} + interval '10 minutes' AS tx
          FROM c
      ), e AS (
        SELECT d.*,
               tx + rd * (0.2 + 0.7 * u_again) * ${D} AS tc2,
               tx + rd * (0.2 + 0.7 * u_again) * ${D} + (1 + 100 * u_rate2) * ${H} AS tr2,
               min1 <= 2 AS poor
          FROM d
      ), p AS (
        SELECT e.*,
               t0 AS e1,
               CASE WHEN fate = 'W' THEN tw END AS e2,
               CASE WHEN fate = 'D' THEN ta END AS e3,
               CASE WHEN fate = 'M' THEN ta END AS e4,
               CASE WHEN fate = 'A' THEN ta END AS e5,
               CASE WHEN fate = 'A' AND disp AND NOT stall_undispatched THEN td END AS e6,
               CASE WHEN fate = 'A' AND NOT stall THEN tc END AS e7,
               CASE WHEN fate = 'A' AND NOT stall AND neighbour_rates THEN tn END AS e8,
               CASE WHEN fate = 'A' AND NOT stall AND rated THEN tr END AS e9,
               CASE WHEN fate = 'A' AND NOT stall AND NOT rated THEN tu END AS e10,
               CASE WHEN fate = 'A' AND NOT stall AND rated AND poor THEN tf END AS e11,
               CASE WHEN fate = 'A' AND NOT stall AND rated AND poor AND follow_close THEN tx END AS e12,
               CASE WHEN fate = 'A' AND NOT stall AND rated AND poor AND NOT follow_close THEN tx END AS e13,
               CASE WHEN fate = 'A' AND NOT stall AND rated AND poor AND NOT follow_close THEN tc2 END AS e14,
               CASE WHEN fate = 'A' AND NOT stall AND rated AND poor AND NOT follow_close THEN tr2 END AS e15
          FROM e
      )
      SELECT p.*,
             'gen_o_' || lpad(i::text, 7, '0') AS id,
             CASE WHEN on_behalf THEN worker_id ELSE requester_id END AS placed_by,
             lag('gen_o_' || lpad(i::text, 7, '0')) OVER (PARTITION BY courtyard_id ORDER BY i) AS earlier_id,
             titles[1 + floor(${u(30)} * array_length(titles, 1))::int] AS title,
             ${pick(DETAILS, 31)} AS detail,
             ${pick(PLANS, 32)} AS plan,
             ${pick(DONE, 33)} AS done_note,
             CASE WHEN min1 >= 4 THEN ${pick(PRAISE, 34)} WHEN min1 = 3 THEN ${pick(SO_SO, 34)} ELSE ${pick(POOR, 34)} END AS comment1,
             CASE WHEN min2 >= 4 THEN ${pick(PRAISE, 35)} ELSE ${pick(SO_SO, 35)} END AS comment2,
             CASE WHEN minn >= 4 THEN ${pick(PRAISE, 36)} ELSE ${pick(SO_SO, 36)} END AS commentn,
             ${g1} AS g1, ${t1} AS t1, ${f1} AS f1, ${c1} AS c1,
             ${g2} AS g2, ${t2} AS t2, ${f2} AS f2, ${c2} AS c2,
             ${gn} AS gn, ${tn} AS tn_, ${fn} AS fn, ${cn} AS cn,
             CASE WHEN e1 <= ${NOW} THEN e1 END AS h1, CASE WHEN e2 <= ${NOW} THEN e2 END AS h2,
             CASE WHEN e3 <= ${NOW} THEN e3 END AS h3, CASE WHEN e4 <= ${NOW} THEN e4 END AS h4,
             CASE WHEN e5 <= ${NOW} THEN e5 END AS h5, CASE WHEN e6 <= ${NOW} THEN e6 END AS h6,
             CASE WHEN e7 <= ${NOW} THEN e7 END AS h7, CASE WHEN e8 <= ${NOW} THEN e8 END AS h8,
             CASE WHEN e9 <= ${NOW} THEN e9 END AS h9, CASE WHEN e10 <= ${NOW} THEN e10 END AS h10,
             CASE WHEN e11 <= ${NOW} THEN e11 END AS h11, CASE WHEN e12 <= ${NOW} THEN e12 END AS h12,
             CASE WHEN e13 <= ${NOW} THEN e13 END AS h13, CASE WHEN e14 <= ${NOW} THEN e14 END AS h14,
             CASE WHEN e15 <= ${NOW} THEN e15 END AS h15
        FROM p
       ORDER BY i`;

    const insertOrders = `
      INSERT INTO "Order" (id, number, "categoryId", "courtyardId", "buildingId", "gridId", "communityId", "requesterId", "placedById",
        title, description, "isPublic", "contactPreference", status, "closeReason", "responseDueAt", "resolutionDueAt", "dueAt",
        "acceptedAt", "acceptedById", "completedAt", "closedAt", "mergedIntoId", completions, "respondedAt", "firstCompletedAt",
        satisfied, "idempotencyKey", "payloadHash", "createdAt", "updatedAt")
      SELECT id, ${numberBase} + i + 1, category_id, courtyard_id, building_id, grid_id, community_id, requester_id, placed_by,
        title, title || '。' || detail, is_public,
        (CASE WHEN u_contact < 0.6 THEN 'IN_APP' WHEN u_contact < 0.9 THEN 'PHONE' ELSE 'VISIT' END)::"ContactPreference",
        (CASE
          WHEN h2 IS NOT NULL THEN 'WITHDRAWN'
          WHEN h3 IS NOT NULL THEN 'DECLINED'
          WHEN h4 IS NOT NULL THEN 'CLOSED'
          WHEN h5 IS NULL THEN 'PLACED'
          WHEN h15 IS NOT NULL THEN 'CLOSED'
          WHEN h14 IS NOT NULL THEN 'COMPLETED'
          WHEN h13 IS NOT NULL THEN 'IN_PROGRESS'
          WHEN h12 IS NOT NULL THEN 'CLOSED'
          WHEN h9 IS NOT NULL THEN CASE WHEN poor THEN 'REOPENED' ELSE 'CLOSED' END
          WHEN h10 IS NOT NULL THEN 'CLOSED'
          WHEN h7 IS NOT NULL THEN 'COMPLETED'
          WHEN h6 IS NOT NULL OR NOT disp THEN 'IN_PROGRESS'
          ELSE 'ACCEPTED'
        END)::"OrderStatus",
        (CASE
          WHEN h4 IS NOT NULL THEN 'MERGED'
          WHEN h15 IS NOT NULL THEN 'RATED'
          WHEN h13 IS NOT NULL THEN NULL
          WHEN h12 IS NOT NULL THEN 'FOLLOWED_UP'
          WHEN h9 IS NOT NULL AND NOT poor THEN 'RATED'
          WHEN h10 IS NOT NULL THEN 'UNRATED'
        END)::"OrderCloseReason",
        response_due, resolution_due,
        CASE
          WHEN h13 IS NOT NULL THEN h13 + rd * ${D}
          WHEN h9 IS NOT NULL AND poor THEN h9 + 5 * ${D}
          WHEN h6 IS NOT NULL THEN plan_due
          WHEN h5 IS NOT NULL THEN resolution_due
          ELSE response_due
        END,
        h5, CASE WHEN h5 IS NOT NULL THEN worker_id END,
        CASE WHEN h14 IS NOT NULL THEN h14 WHEN h13 IS NOT NULL THEN NULL ELSE h7 END,
        CASE
          WHEN h2 IS NOT NULL THEN h2 WHEN h3 IS NOT NULL THEN h3 WHEN h4 IS NOT NULL THEN h4
          WHEN h15 IS NOT NULL THEN h15 WHEN h13 IS NOT NULL THEN NULL WHEN h12 IS NOT NULL THEN h12
          WHEN h9 IS NOT NULL AND NOT poor THEN h9 WHEN h10 IS NOT NULL THEN h10
        END,
        CASE WHEN h4 IS NOT NULL THEN earlier_id END,
        (h7 IS NOT NULL)::int + (h14 IS NOT NULL)::int,
        coalesce(h3, h4, h5), h7,
        CASE WHEN h15 IS NOT NULL THEN min2 >= 4 WHEN h9 IS NOT NULL THEN min1 >= 4 END,
        'gen-' || i, md5('gen-' || i),
        t0, greatest(h1, h2, h3, h4, h5, h6, h7, h8, h9, h10, h11, h12, h13, h14, h15)
      FROM gb
      WHERE h1 IS NOT NULL
      ORDER BY i`;

    const insertEvents = `
      INSERT INTO "OrderEvent" (id, "orderId", "actorId", type, "fromStatus", "toStatus", note, params, "createdAt")
      SELECT gb.id || '_' || ev.k, gb.id, ev.actor, ev.type::"OrderEventType", ev.f::"OrderStatus", ev.t::"OrderStatus", ev.note, ev.params, ev.at
        FROM gb CROSS JOIN LATERAL (VALUES
          (1, placed_by, 'PLACED', NULL, 'PLACED', '', CASE WHEN on_behalf THEN '{"kind":"placedOnBehalf"}'::jsonb END, h1),
          (2, requester_id, 'WITHDRAWN', 'PLACED', 'WITHDRAWN', '', NULL::jsonb, h2),
          (3, worker_id, 'DECLINED', 'PLACED', 'DECLINED', '不属于社区受理范围，已电话告知居民', NULL, h3),
          (4, worker_id, 'MERGED', 'PLACED', 'CLOSED', '与已有点单重复', NULL, h4),
          (5, worker_id, 'ACCEPTED', 'PLACED', CASE WHEN disp THEN 'ACCEPTED' ELSE 'IN_PROGRESS' END, '', NULL, h5),
          (6, secretary_id, 'DISPATCHED', 'ACCEPTED', 'IN_PROGRESS', plan, NULL, h6),
          (7, worker_id, 'COMPLETED', 'IN_PROGRESS', 'COMPLETED', done_note, NULL, h7),
          (8, neighbour_id, 'RATED', 'COMPLETED', 'COMPLETED', commentn, ${ratingParams("gn", "tn_", "fn", "cn")}, h8),
          (9, requester_id, 'RATED', 'COMPLETED', CASE WHEN poor THEN 'REOPENED' ELSE 'CLOSED' END, comment1, ${ratingParams("g1", "t1", "f1", "c1")}, h9),
          (10, NULL, 'CLOSED', 'COMPLETED', 'CLOSED', '', '{"kind":"closedUnrated","days":7}'::jsonb, h10),
          (11, staff_id, 'FOLLOWED_UP', 'REOPENED', 'REOPENED', '已电话回访居民，了解未解决的原因', NULL, h11),
          (12, staff_id, 'CLOSED', 'REOPENED', 'CLOSED', '回访后居民表示理解，予以完结', NULL, h12),
          (13, staff_id, 'SENT_BACK', 'REOPENED', 'IN_PROGRESS', '回访发现问题未解决，退回网格重新办理', NULL, h13),
          (14, worker_id, 'COMPLETED', 'IN_PROGRESS', 'COMPLETED', '已重新处理，居民确认解决', NULL, h14),
          (15, requester_id, 'RATED', 'COMPLETED', 'CLOSED', comment2, ${ratingParams("g2", "t2", "f2", "c2")}, h15)
        ) AS ev(k, actor, type, f, t, note, params, at)
       WHERE ev.at IS NOT NULL
       ORDER BY ev.at, gb.i, ev.k`;

    const insertRatings = `
      INSERT INTO "OrderRating" (id, "orderId", "raterId", "isRequester", round, goal, timing, form, conduct, "minScore", comment, "createdAt",
                                 "communityId", "gridId", "courtyardId", "categoryId")
      SELECT gb.id || '_r' || x.k, gb.id, x.rater, x.k <> 3, x.round, x.g, x.t, x.f, x.c, least(x.g, x.t, x.f, x.c), x.comment, x.at,
             gb.community_id, gb.grid_id, gb.courtyard_id, gb.category_id
        FROM gb CROSS JOIN LATERAL (VALUES
          (1, requester_id, 1, g1, t1, f1, c1, comment1, h9),
          (2, requester_id, 2, g2, t2, f2, c2, comment2, h15),
          (3, neighbour_id, 1, gn, tn_, fn, cn, commentn, h8)
        ) AS x(k, rater, round, g, t, f, c, comment, at)
       WHERE x.at IS NOT NULL
       ORDER BY x.at`;

    const insertDispatches = `
      INSERT INTO "OrderDispatch" (id, "orderId", plan, assignees, "dueAt", "createdById", "createdAt")
      SELECT id || '_d', id, plan, jsonb_build_array(jsonb_build_object('kind', 'GRID_WORKER', 'userId', worker_id, 'name', worker_name)),
             plan_due, secretary_id, h6
        FROM gb WHERE h6 IS NOT NULL ORDER BY h6`;

    // Batches go to `jobs` sessions at once (PostgreSQL runs each INSERT on one core).
    const totals = { orders: 0, events: 0, ratings: 0, dispatches: 0 };
    const tOrders = Date.now();
    const sessions: pg.Client[] = [client];
    for (let k = 1; k < jobs; k++) {
      const extra = new pg.Client({ connectionString: databaseUrl });
      await extra.connect();
      await bulkSettings(extra);
      await sessionTables(extra);
      sessions.push(extra);
    }
    let next = 0;
    let done = 0;
    const work = async (session: pg.Client) => {
      for (;;) {
        const lo = next;
        if (lo >= size) return;
        next += batch;
        const hi = Math.min(size, lo + batch) - 1;
        const timing: string[] = [];
        const run = async (label: string, sql: string) => {
          const at = Date.now();
          const result = await session.query(sql);
          timing.push(`${label} ${((Date.now() - at) / 1000).toFixed(1)} s`);
          return result.rowCount ?? 0;
        };
        await session.query("BEGIN");
        try {
          await run("draw", batchSql(lo, hi));
          const orders = await run("orders", insertOrders);
          const events = await run("events", insertEvents);
          const ratings = await run("ratings", insertRatings);
          const dispatches = await run("dispatches", insertDispatches);
          await run("commit", "COMMIT");
          totals.orders += orders;
          totals.events += events;
          totals.ratings += ratings;
          totals.dispatches += dispatches;
        } catch (error) {
          await session.query("ROLLBACK").catch(() => {});
          throw error;
        }
        done += hi - lo + 1;
        const elapsed = (Date.now() - tOrders) / 1000;
        log(
          `orders ${done.toLocaleString("en")}/${size.toLocaleString("en")} (${((100 * done) / size).toFixed(0)}%), ` +
            `${totals.events.toLocaleString("en")} events, ${totals.ratings.toLocaleString("en")} ratings — ${elapsed.toFixed(0)} s, ` +
            `~${Math.round(done / Math.max(elapsed, 0.001)).toLocaleString("en")} orders/s` +
            (process.env.CITY_TIMING ? ` [${timing.join(", ")}]` : ""),
        );
      }
    };
    // As pg_restore does: the secondary indexes and the foreign keys of the four order tables
    // are set aside during the load, then rebuilt in one pass each. Primary keys and unique
    // indexes stay, so uniqueness is checked as rows go in; re-adding each foreign key checks
    // every row against its target, so a row that broke one fails the run. The exact
    // definitions come from the catalog and are restored whatever happens.
    const { rows: secondary } = await q(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes
        WHERE schemaname = current_schema() AND tablename IN ('Order', 'OrderEvent', 'OrderRating', 'OrderDispatch')
          AND indexdef NOT LIKE 'CREATE UNIQUE INDEX%' ORDER BY tablename, indexname`,
    );
    const { rows: foreignKeys } = await q(
      `SELECT conrelid::regclass::text AS "table", conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
        WHERE contype = 'f' AND conrelid IN ('"Order"'::regclass, '"OrderEvent"'::regclass, '"OrderRating"'::regclass, '"OrderDispatch"'::regclass)
        ORDER BY 1, 2`,
    );
    await q("BEGIN");
    for (const fk of foreignKeys) await q(`ALTER TABLE ${fk.table} DROP CONSTRAINT "${fk.name}"`);
    for (const index of secondary) await q(`DROP INDEX "${index.name}"`);
    await q("COMMIT");
    try {
      await Promise.all(sessions.map(work));
    } finally {
      const tIndexes = Date.now();
      let at = 0;
      await Promise.all(
        sessions.map(async (session) => {
          for (let k = at++; k < secondary.length; k = at++) await session.query(secondary[k].def);
        }),
      );
      log(`${secondary.length} secondary indexes rebuilt in ${((Date.now() - tIndexes) / 1000).toFixed(1)} s`);
      await Promise.all(sessions.slice(1).map((c) => c.end()));
      const tKeys = Date.now();
      for (const fk of foreignKeys) await q(`ALTER TABLE ${fk.table} ADD CONSTRAINT "${fk.name}" ${fk.def}`);
      log(`${foreignKeys.length} foreign keys restored and checked in ${((Date.now() - tKeys) / 1000).toFixed(1)} s`);
    }
    // The numbers were given explicitly: move the sequence past them.
    await q(`SELECT setval(pg_get_serial_sequence('"Order"', 'number'), (SELECT max(number) FROM "Order"))`);

    // Insert-only tables are vacuumed by autovacuum in time; do it now so that the
    // statistics and visibility map are those of a settled database.
    const tVacuum = Date.now();
    for (const table of [
      "Order",
      "OrderEvent",
      "OrderRating",
      "OrderDispatch",
      "User",
      "RoleAssignment",
      "Residence",
      "Courtyard",
      "Building",
      "Grid",
      "Community",
    ]) {
      await q(`VACUUM (ANALYZE) "${table}"`);
    }
    log(`vacuum and analyze: ${((Date.now() - tVacuum) / 1000).toFixed(1)} s`);
    const seconds = (Date.now() - started) / 1000;
    log(
      `done in ${seconds.toFixed(1)} s: ${totals.orders.toLocaleString("en")} orders, ${totals.events.toLocaleString("en")} events, ` +
        `${totals.ratings.toLocaleString("en")} ratings, ${totals.dispatches.toLocaleString("en")} dispatch plans, ${users.toLocaleString("en")} users`,
    );
    return { ...totals, users, seconds };
  } catch (error) {
    await q("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------
// CLI

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  if (at >= 0) return process.argv[at + 1];
  const inline = process.argv.find((a) => a.startsWith(`--${name}=`));
  return inline?.slice(name.length + 3);
}

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write("Set DATABASE_URL to a migrated database (`npm run db:migrate`), e.g. a fresh one of your own.\n");
    process.exit(1);
  }
  const now = argument("now");
  if (now && Number.isNaN(Date.parse(now))) throw new Error(`--now ${now} is not a date`);
  await generateCity(url, {
    size: Number(argument("size") ?? 1_000_000),
    batch: argument("batch") ? Number(argument("batch")) : undefined,
    jobs: argument("jobs") ? Number(argument("jobs")) : undefined,
    residents: argument("residents") ? Number(argument("residents")) : undefined,
    now: now ? new Date(now) : undefined,
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: Error) => {
    process.stderr.write(`[city] ${error.stack ?? error.message}\n`);
    process.exit(1);
  });
}
