-- Timeline events as data: what the system says about a step is stored as a kind with
-- parameters (rendered in the reader's language when read: messages orderPage.eventNotes),
-- and `note` keeps only what a person typed. Existing rows written as Chinese prose are
-- parsed into params; a row that matches no known pattern keeps its note as it is.

-- AlterTable
ALTER TABLE "OrderEvent" ADD COLUMN     "params" JSONB;

-- 代点单: a grid worker placed the order for the resident.
UPDATE "OrderEvent" SET "params" = '{"kind":"placedOnBehalf"}', "note" = ''
 WHERE "type" = 'PLACED' AND "note" = '代点单';

-- 转派至<grid>：<reason>
UPDATE "OrderEvent" e SET "params" = jsonb_build_object('kind', 'transferred', 'grid', m[1]), "note" = m[2]
  FROM (SELECT id, regexp_match("note", '^转派至(.*?)：(.*)$') AS m FROM "OrderEvent" WHERE "type" = 'TRANSFERRED') x
 WHERE e.id = x.id AND x.m IS NOT NULL;

-- 院落调整网格：从 <grid> 到 <grid>
UPDATE "OrderEvent" e SET "params" = jsonb_build_object('kind', 'courtyardMoved', 'from', m[1], 'to', m[2]), "note" = ''
  FROM (SELECT id, regexp_match("note", '^院落调整网格：从 (.*?) 到 (.*)$') AS m FROM "OrderEvent" WHERE "type" = 'TRANSFERRED' AND "params" IS NULL) x
 WHERE e.id = x.id AND x.m IS NOT NULL;

-- 与 #<number> 重复，已合并[：<note>]
UPDATE "OrderEvent" e SET "params" = jsonb_build_object('kind', 'merged', 'target', m[1]::int), "note" = coalesce(m[2], '')
  FROM (SELECT id, regexp_match("note", '^与 #([0-9]+) 重复，已合并(?:：(.*))?$') AS m FROM "OrderEvent" WHERE "type" = 'MERGED') x
 WHERE e.id = x.id AND x.m IS NOT NULL;

-- 超过 <days> 天未评价，自动完结（未评价）
UPDATE "OrderEvent" e SET "params" = jsonb_build_object('kind', 'closedUnrated', 'days', m[1]::int), "note" = ''
  FROM (SELECT id, regexp_match("note", '^超过 ([0-9]+) 天未评价，自动完结（未评价）$') AS m FROM "OrderEvent" WHERE "type" = 'CLOSED') x
 WHERE e.id = x.id AND x.m IS NOT NULL;

-- A rating: <goal>/<timing>/<form>/<conduct>[ <comment>]
UPDATE "OrderEvent" e
   SET "params" = jsonb_build_object('kind', 'rated', 'goal', m[1]::int, 'timing', m[2]::int, 'form', m[3]::int, 'conduct', m[4]::int),
       "note" = coalesce(m[5], '')
  FROM (SELECT id, regexp_match("note", '^([1-5])/([1-5])/([1-5])/([1-5])(?: (.*))?$') AS m FROM "OrderEvent" WHERE "type" = 'RATED') x
 WHERE e.id = x.id AND x.m IS NOT NULL;
