-- Live updates for the Outbox and the people by role (tables added after live_events): an email
-- being sent, failing or resent, and a person added or changed, reach open consoles as they happen.
DO $$
DECLARE
  t RECORD;
BEGIN
  FOR t IN SELECT * FROM (VALUES ('email_delivery', 'outbox'), ('programme_person', 'people')) AS x("tbl", "resource") LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR DELETE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "live_event_emit"(%L)',
      t.tbl || '_live_event', t.tbl, t.resource);
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER UPDATE ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION "live_event_emit"(%L)',
      t.tbl || '_live_event_update', t.tbl, t.resource);
  END LOOP;
END
$$;
