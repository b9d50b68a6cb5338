-- CreateTable
CREATE TABLE "live_event" (
    "seq" BIGINT NOT NULL,
    "resource" TEXT NOT NULL,
    "record_id" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "op" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "live_event_pkey" PRIMARY KEY ("seq")
);

-- Live updates without polling. A deferred constraint trigger on each table the console shows runs
-- at commit, once per changed row: it takes one transaction-scoped advisory lock, numbers the change
-- from a sequence, stores it and sends it with NOTIFY. The lock is held until the commit completes,
-- so numbers are handed out in commit order: a reader that has seen change N has seen every
-- committed change before N (a rolled-back or failed commit leaves a harmless hole). The worker's
-- projections and the API's writes are covered without either knowing; NOTIFY is delivered only
-- on commit, in commit order.
CREATE SEQUENCE "live_event_seq" AS BIGINT;

CREATE FUNCTION "live_event_emit"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r RECORD;
  s BIGINT;
  v INTEGER;
BEGIN
  IF TG_OP = 'DELETE' THEN r := OLD; ELSE r := NEW; END IF;
  -- One key for every table: the order is global, so a client resumes with one number.
  PERFORM pg_advisory_xact_lock(7316002);
  s := nextval('live_event_seq');
  v := COALESCE((to_jsonb(r) ->> 'state_version')::INTEGER, 0);
  INSERT INTO "live_event" ("seq", "resource", "record_id", "version", "op") VALUES (s, TG_ARGV[0], r.id, v, lower(TG_OP));
  PERFORM pg_notify('live_event', json_build_object('seq', s::TEXT, 'resource', TG_ARGV[0], 'id', r.id, 'version', v, 'op', lower(TG_OP), 'at', now())::TEXT);
  -- Keep the last 100,000 changes: enough for any client to resume; older ones get a reset.
  IF s % 1000 = 0 THEN
    DELETE FROM "live_event" WHERE "seq" <= s - 100000;
  END IF;
  RETURN NULL;
END
$$;

DO $$
DECLARE
  t RECORD;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    ('programme', 'programmes'), ('action', 'actions'), ('lifecycle_record', 'lifecycleRecords'),
    ('escalation', 'escalations'), ('inspection', 'inspections'), ('action_plan', 'actionPlans'),
    ('kpi', 'kpis'), ('kpi_reading', 'kpiReadings'), ('risk', 'risks'), ('workstream', 'workstreams'),
    ('recommendation', 'recommendations')
  ) AS x("tbl", "resource") LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "live_event_emit"(%L)',
      t.tbl || '_live_event', t.tbl, t.resource);
    -- An UPDATE that changes nothing (a projection already at that version writes no row at all) is no change.
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER UPDATE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "live_event_emit"(%L)',
      t.tbl || '_live_event_update', t.tbl, t.resource);
  END LOOP;
END
$$;
