-- The shared ledger's wall, part two: its functions and the privileges on them and on the tables. Run by
-- `ai-settings db init` as the ledger's owning role after postgres-guard.sql, and again, as it is, when db init
-- upgrades a ledger of an older schema version: every statement replaces what an older version made. Placeholders
-- are replaced by quoted names.

-- Version 12 counts by the calendar's history: these took the one calendar as arguments.
DROP FUNCTION IF EXISTS count_per_day(regclass, text);
DROP FUNCTION IF EXISTS sum_counted(integer, text);
-- A change of calendar no longer counts the totals again: recorded usage keeps its period.
DROP FUNCTION IF EXISTS rebuild_totals();

-- PL/pgSQL rather than SQL: its query over the members view (the server's catalogs) is planned once a session,
-- not on every call at the top of a statement (a millisecond each: most of what a write's role check cost).
CREATE OR REPLACE FUNCTION caller_role() RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    RETURN (SELECT role FROM ai_settings.members WHERE user_name = session_user::text);
END $$;

-- Refuses unless the caller holds one of `allowed`.
CREATE OR REPLACE FUNCTION require_role(allowed text[], doing text) RETURNS text LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
DECLARE
    mine text := ai_settings.caller_role();
BEGIN
    IF mine IS NULL THEN
        RAISE EXCEPTION '% is not a member of this ledger.', session_user USING ERRCODE = '42501';
    END IF;
    IF NOT mine = ANY (allowed) THEN
        RAISE EXCEPTION '% needs the % role, and % is %.', doing, pg_catalog.array_to_string(allowed, ' or '),
            session_user, mine USING ERRCODE = '42501';
    END IF;
    RETURN mine;
END $$;

-- Writers serialise on this row; only those who may write can take it.
CREATE OR REPLACE FUNCTION take_write_lock() RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin', 'recorder'], 'Writing to the ledger');
    PERFORM 1 FROM ai_settings.ledger_lock WHERE id = 1 FOR UPDATE;
    RETURN FOUND;
END $$;

-- Each line names the role the server authenticated, whatever the caller says.
CREATE OR REPLACE FUNCTION append_audit(at bigint, actor text, subject text, change text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Writing the audit trail');
    INSERT INTO ai_settings.audit_log (at, actor, subject, change) VALUES (at, session_user::text, subject, change);
END $$;

-- The calendar, as BillingCalendar counts it: a local day starts at its first instant (midnight, or the moment
-- of a DST change that skips midnight); a period starts on the anchor day. These run with their caller's rights
-- and path (the ledger's functions, whose path is fixed) and name everything by schema: without a SET clause of
-- their own they cost a call, not a change of settings, on every event.
CREATE OR REPLACE FUNCTION local_date(ms bigint, zone text) RETURNS date LANGUAGE sql STABLE AS $$
    SELECT (pg_catalog.to_timestamp(ms / 1000.0) AT TIME ZONE zone)::date
$$;

CREATE OR REPLACE FUNCTION day_start(d date, zone text) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
    s bigint := (extract(epoch FROM (d::timestamp AT TIME ZONE zone)) * 1000)::bigint;
    lo bigint;
    hi bigint;
    mid bigint;
BEGIN
    IF ai_settings.local_date(s, zone) = d AND ai_settings.local_date(s - 1, zone) < d THEN
        RETURN s;
    END IF;
    lo := s - 2 * 86400000;
    hi := s + 2 * 86400000;
    WHILE hi - lo > 1 LOOP
        mid := lo + (hi - lo) / 2;
        IF ai_settings.local_date(mid, zone) < d THEN lo := mid; ELSE hi := mid; END IF;
    END LOOP;
    RETURN hi;
END $$;

CREATE OR REPLACE FUNCTION period_start(ms bigint, anchor integer, zone text) RETURNS bigint LANGUAGE plpgsql STABLE AS $$
DECLARE
    local date := ai_settings.local_date(ms, zone);
    first date := make_date(extract(year FROM local)::integer, extract(month FROM local)::integer, anchor);
    s bigint;
BEGIN
    IF extract(day FROM local) < anchor THEN
        first := (first - interval '1 month')::date;
    END IF;
    s := ai_settings.day_start(first, zone);
    IF ms < s THEN
        RETURN ai_settings.day_start((first - interval '1 month')::date, zone);
    ELSIF ms >= ai_settings.day_start((first + interval '1 month')::date, zone) THEN
        RETURN ai_settings.day_start((first + interval '1 month')::date, zone);
    END IF;
    RETURN s;
END $$;

-- PL/pgSQL, so that its queries are planned once a session rather than on every event's first use in a statement.
CREATE OR REPLACE FUNCTION calendar(OUT anchor integer, OUT zone text) LANGUAGE plpgsql STABLE AS $$
BEGIN
    anchor := COALESCE((SELECT value::integer FROM ai_settings.settings WHERE name = 'anchor_day'), 1);
    zone := COALESCE((SELECT value FROM ai_settings.settings WHERE name = 'time_zone'), 'UTC');
END $$;

-- The calendar through its history (BillingCalendar): from `since` (NULL: the beginning) until `until` (NULL: no
-- end), periods start on `anchor` in `zone`. calendar() is the one chosen last; calendar_changes dates each change.
CREATE OR REPLACE FUNCTION calendar_eras() RETURNS TABLE (since bigint, until bigint, anchor integer, zone text)
LANGUAGE sql STABLE AS $$
    WITH c AS (SELECT x.at, x.from_anchor, x.from_zone, x.to_anchor, x.to_zone,
                      pg_catalog.lead(x.at) OVER (ORDER BY x.at) AS next_at
               FROM ai_settings.calendar_changes x)
    SELECT NULL::bigint, (SELECT min(c.at) FROM c),
           COALESCE((SELECT c.from_anchor FROM c ORDER BY c.at LIMIT 1), (ai_settings.calendar()).anchor),
           COALESCE((SELECT c.from_zone FROM c ORDER BY c.at LIMIT 1), (ai_settings.calendar()).zone)
    UNION ALL
    SELECT c.at, c.next_at, c.to_anchor, c.to_zone FROM c
$$;

-- The starts of the local day `d` of an era and of its billing period, as BillingCalendar gives them: the hours
-- between an old reset and a later start of the next era belong to the old period's last day; a period that
-- begins within a day after the era's start begins at it (the short period to the first new anchor day).
CREATE OR REPLACE FUNCTION era_day_and_period(d date, since bigint, until bigint, anchor integer, zone text,
                                              OUT day bigint, OUT period bigint) LANGUAGE plpgsql STABLE AS $$
BEGIN
    day := ai_settings.day_start(d, zone);
    IF until IS NOT NULL AND day > until - 2 * 86400000 AND day > COALESCE(since, day - 1)
       AND ai_settings.period_start(day, anchor, zone) = day THEN
        day := ai_settings.day_start(d - 1, zone);
    END IF;
    IF since IS NOT NULL AND day < since THEN
        day := since;
    END IF;
    period := ai_settings.period_start(day, anchor, zone);
    IF since IS NOT NULL AND period < since + 86400000 THEN
        period := since;
    END IF;
END $$;

-- The starts of the local day and the billing period that hold the instant `ms`.
CREATE OR REPLACE FUNCTION day_and_period(ms bigint, OUT day bigint, OUT period bigint) LANGUAGE plpgsql STABLE AS $$
DECLARE
    e record;
BEGIN
    -- Without a change of calendar there is one era, the calendar chosen: asked directly, a fifth of the cost.
    IF NOT EXISTS (SELECT 1 FROM ai_settings.calendar_changes) THEN
        e := ai_settings.calendar();
        SELECT * INTO day, period
        FROM ai_settings.era_day_and_period(ai_settings.local_date(ms, e.zone), NULL, NULL, e.anchor, e.zone);
        RETURN;
    END IF;
    SELECT * INTO e FROM ai_settings.calendar_eras() x
    WHERE (x.since IS NULL OR x.since <= ms) AND (x.until IS NULL OR ms < x.until);
    SELECT * INTO day, period
    FROM ai_settings.era_day_and_period(ai_settings.local_date(ms, e.zone), e.since, e.until, e.anchor, e.zone);
END $$;

-- What the totals were counted by: an import counted before a change of calendar counts again.
CREATE OR REPLACE FUNCTION calendar_key() RETURNS text LANGUAGE sql STABLE AS $$
    SELECT pg_catalog.string_agg(concat_ws(' ', e.since, e.anchor, e.zone), ';' ORDER BY e.since NULLS FIRST)
    FROM ai_settings.calendar_eras() e
$$;

-- Counts the events of `new_events` (occurred_at, tenant, action, billing, credits) per era, local day in the
-- era's zone, tenant and action, in one pass, into totals_per_day. Without a change of calendar the zone is a
-- constant of the query, consulted once per event.
CREATE OR REPLACE FUNCTION count_per_day(new_events regclass) RETURNS void LANGUAGE plpgsql
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
DECLARE
    cal record := ai_settings.calendar();
BEGIN
    IF NOT EXISTS (SELECT 1 FROM ai_settings.calendar_changes) THEN
        EXECUTE format($q$
            CREATE TEMP TABLE totals_per_day ON COMMIT DROP AS
            SELECT NULL::bigint AS since, NULL::bigint AS until, %1$s AS anchor, %2$L::text AS zone,
                   ai_settings.local_date(occurred_at, %2$L) AS d, tenant, action, count(*) AS runs,
                   sum(credits) AS credits, count(*) FILTER (WHERE billing = 'byok') AS byok_runs
            FROM %3$s GROUP BY 5, 6, 7$q$, cal.anchor, cal.zone, new_events);
        RETURN;
    END IF;
    EXECUTE format($q$
        CREATE TEMP TABLE totals_per_day ON COMMIT DROP AS
        SELECT e.since, e.until, e.anchor, e.zone, ai_settings.local_date(n.occurred_at, e.zone) AS d, n.tenant,
               n.action, count(*) AS runs, sum(n.credits) AS credits, count(*) FILTER (WHERE n.billing = 'byok') AS byok_runs
        FROM %1$s n JOIN ai_settings.calendar_eras() e
          ON (e.since IS NULL OR n.occurred_at >= e.since) AND (e.until IS NULL OR n.occurred_at < e.until)
        GROUP BY 1, 2, 3, 4, 5, 6, 7$q$, new_events);
END $$;

-- Turns what count_per_day counted into the rows the totals get: the days, far fewer than the events, get their
-- day and period starts by their era's calendar; totals_per_period and totals_per_local_day hold the sums in key
-- order.
CREATE OR REPLACE FUNCTION sum_counted() RETURNS void LANGUAGE plpgsql
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    CREATE TEMP TABLE totals_days ON COMMIT DROP AS
        SELECT DISTINCT p.since, p.until, p.anchor, p.zone, p.d FROM totals_per_day p;
    ALTER TABLE totals_days ADD COLUMN day_start bigint, ADD COLUMN period_start bigint;
    UPDATE totals_days x SET (day_start, period_start) =
        (SELECT s.day, s.period FROM ai_settings.era_day_and_period(x.d, x.since, x.until, x.anchor, x.zone) s);
    CREATE TEMP TABLE totals_per_period ON COMMIT DROP AS
    SELECT x.period_start, p.tenant, p.action, sum(p.runs) AS runs, sum(p.credits) AS credits, sum(p.byok_runs) AS byok_runs
    FROM totals_per_day p JOIN totals_days x ON x.d = p.d AND x.since IS NOT DISTINCT FROM p.since
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
    CREATE TEMP TABLE totals_per_local_day ON COMMIT DROP AS
    SELECT x.day_start, p.tenant, sum(p.runs) AS runs, sum(p.credits) AS credits, sum(p.byok_runs) AS byok_runs
    FROM totals_per_day p JOIN totals_days x ON x.d = p.d AND x.since IS NOT DISTINCT FROM p.since
    GROUP BY 1, 2 ORDER BY 1, 2;
    DROP TABLE totals_days;
    DROP TABLE totals_per_day;
END $$;

-- Adds what sum_counted summed to the totals.
CREATE OR REPLACE FUNCTION add_summed_to_totals() RETURNS void LANGUAGE plpgsql
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    INSERT INTO ai_settings.usage_totals AS t (period_start, tenant, action, runs, credits, byok_runs)
    SELECT p.period_start, p.tenant, p.action, p.runs, p.credits, p.byok_runs FROM pg_temp.totals_per_period p
    ON CONFLICT ON CONSTRAINT usage_totals_pkey DO UPDATE SET runs = t.runs + excluded.runs,
        credits = t.credits + excluded.credits, byok_runs = t.byok_runs + excluded.byok_runs;
    INSERT INTO ai_settings.usage_daily AS t (day_start, tenant, runs, credits, byok_runs)
    SELECT d.day_start, d.tenant, d.runs, d.credits, d.byok_runs FROM pg_temp.totals_per_local_day d
    ON CONFLICT ON CONSTRAINT usage_daily_pkey DO UPDATE SET runs = t.runs + excluded.runs,
        credits = t.credits + excluded.credits, byok_runs = t.byok_runs + excluded.byok_runs;
    DROP TABLE pg_temp.totals_per_period;
    DROP TABLE pg_temp.totals_per_local_day;
END $$;

-- Adds the events of `new_events` to the totals.
CREATE OR REPLACE FUNCTION add_to_totals(new_events regclass) RETURNS void LANGUAGE plpgsql
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.count_per_day(new_events);
    PERFORM ai_settings.sum_counted();
    PERFORM ai_settings.add_summed_to_totals();
END $$;

-- One recorded query; the recorder is the caller, and the totals follow the event.

-- Records a batch of events in their order, each checked as the rules say and seeing the ones before it, in one
-- call: `events` is a JSON array of {id, occurred_at, tenant, action, model, billing, credits}. One refused event
-- refuses the call, and its transaction writes nothing. What does not change within a batch is asked once: the
-- caller's role, the rate limit, the plans in force and the pool of a period, the day of a local date; the totals
-- are added once, summed, at the end.
CREATE OR REPLACE FUNCTION record_events(events text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
DECLARE
    caller text := ai_settings.require_role(ARRAY['owner', 'admin', 'recorder'], 'Recording usage');
    rule record := (SELECT r FROM ai_settings.catalog_rate r);
    -- Without a change of calendar a local date gives its day and period: asked once per date.
    one_era boolean := NOT EXISTS (SELECT 1 FROM ai_settings.calendar_changes);
    cal record := ai_settings.calendar();
    e record;
    act record;
    here record;
    local_day date;
    known_day date;
    day bigint;
    period bigint;
    known_tenant text;
    -- The plans in force at some moment since the event's period began (a change counts from the next period on,
    -- so the program may judge by any of them): the bounds below take the most generous. Asked per period.
    in_force text[];
    in_force_period bigint;
    allocation bigint;
    -- The credits used in `used_period`: the totals, and this batch's events of that period so far.
    used bigint;
    used_period bigint;
    recent bigint;
    now_ms bigint := (extract(epoch FROM clock_timestamp()) * 1000)::bigint;
    running bigint;
    -- What the totals get, one entry per event, summed at the end.
    days bigint[] := '{}';
    periods bigint[] := '{}';
    tenants text[] := '{}';
    actions text[] := '{}';
    credit_list bigint[] := '{}';
    byok_list integer[] := '{}';
BEGIN
    IF caller = 'recorder' THEN
        running := (ai_settings.day_and_period(now_ms - 300000)).period;
    END IF;
    FOR e IN SELECT * FROM pg_catalog.json_to_recordset(events::json) AS x(id text, occurred_at bigint, tenant text,
                 action text, model text, billing text, credits integer) LOOP
        IF one_era THEN
            local_day := ai_settings.local_date(e.occurred_at, cal.zone);
            IF known_day IS DISTINCT FROM local_day THEN
                here := ai_settings.era_day_and_period(local_day, NULL, NULL, cal.anchor, cal.zone);
                known_day := local_day;
            END IF;
        ELSE
            here := ai_settings.day_and_period(e.occurred_at);
        END IF;
        day := here.day;
        period := here.period;
        -- A Recorder authorises usage as it happens: by the server's clock, give or take the five minutes' skew the
        -- program allows, the event lies in the rate limit's window of the running period (older usage is
        -- history, which only an Owner or Admin imports, so for them a record is no more than an import of one).
        IF caller = 'recorder' AND (e.occurred_at <= now_ms - (rule).window_ms - 300000
                                    OR e.occurred_at > now_ms + 300000 OR period < running) THEN
            RAISE EXCEPTION 'A Recorder records usage as it happens, and % is not within the running period''s last hour.',
                e.occurred_at USING ERRCODE = '42501';
        END IF;
        IF e.tenant <> '' AND e.tenant IS DISTINCT FROM known_tenant THEN
            IF NOT EXISTS (SELECT 1 FROM ai_settings.tenants t WHERE t.id = e.tenant) THEN
                RAISE EXCEPTION 'Tenant % does not exist.', e.tenant USING ERRCODE = '23503';
            END IF;
            known_tenant := e.tenant;
        END IF;
        -- What it costs is the catalog's: its base, times the model's multiplier where the action has a model slot.
        act := (SELECT a FROM ai_settings.catalog_actions a WHERE a.id = e.action);
        IF act IS NULL THEN
            RAISE EXCEPTION 'Unknown action %.', e.action USING ERRCODE = '22023';
        END IF;
        IF e.billing IS NULL OR e.billing NOT IN ('credits', 'byok') THEN
            RAISE EXCEPTION 'Unknown billing %.', e.billing USING ERRCODE = '22023';
        END IF;
        IF e.credits IS DISTINCT FROM (CASE WHEN e.billing = 'byok' THEN 0
                                            WHEN NOT (act).has_slot THEN (act).base_credits
                                            ELSE (act).base_credits * (SELECT m.multiplier FROM ai_settings.catalog_models m WHERE m.id = e.model) END) THEN
            RAISE EXCEPTION 'The action % with model % does not cost % credits.', e.action, e.model, e.credits
                USING ERRCODE = '42501';
        END IF;
        IF in_force_period IS DISTINCT FROM period THEN
            in_force := ARRAY(SELECT value FROM ai_settings.settings WHERE name = 'plan'
                              UNION SELECT c.from_plan FROM ai_settings.plan_changes c WHERE c.at >= period
                              UNION SELECT c.to_plan FROM ai_settings.plan_changes c WHERE c.at >= period);
            allocation := (SELECT max(p.monthly_credits) FROM ai_settings.catalog_plans p WHERE p.id = ANY (in_force));
            in_force_period := period;
        END IF;
        -- Own-key usage is free of credits only with a stored key that may be used: the tenant's (where the plan
        -- allows tenant keys) or the install's, neither known to be invalid or out of budget.
        IF e.billing = 'byok' AND NOT EXISTS (
            SELECT 1 FROM ai_settings.key_state k
            WHERE k.provider = (act).provider AND k.state NOT IN ('not_set', 'invalid', 'out_of_budget')
              AND (k.tenant = '' OR (k.tenant = e.tenant AND e.tenant <> '' AND
                   EXISTS (SELECT 1 FROM ai_settings.catalog_plans p WHERE p.id = ANY (in_force) AND p.tenant_keys)))) THEN
            RAISE EXCEPTION 'No usable % key for own-key usage.', (act).provider USING ERRCODE = '42501';
        END IF;
        -- The rolling hour of the tenant's queries of the same kind, this batch's before it included.
        SELECT count(*) INTO recent FROM ai_settings.usage_events u
        WHERE u.tenant = e.tenant AND u.billing = e.billing
          AND u.occurred_at > e.occurred_at - (rule).window_ms AND u.occurred_at <= e.occurred_at;
        IF recent >= (CASE WHEN e.billing = 'byok' THEN (rule).on_byok ELSE (rule).on_credits END) THEN
            RAISE EXCEPTION 'Rate limit reached for tenant %.', e.tenant USING ERRCODE = '42501';
        END IF;
        -- The pool of the event's period, at most the largest allocation in force since it began.
        IF e.billing = 'credits' THEN
            IF used_period IS DISTINCT FROM period THEN
                used := (SELECT COALESCE(sum(t.credits), 0) FROM ai_settings.usage_totals t WHERE t.period_start = period)
                        + (SELECT COALESCE(sum(c), 0) FROM ROWS FROM (pg_catalog.unnest(periods), pg_catalog.unnest(credit_list)) AS b(p, c)
                           WHERE b.p = period);
                used_period := period;
            END IF;
            IF used + e.credits > COALESCE(allocation, 0) THEN
                RAISE EXCEPTION 'Not enough AI credits in the pool.' USING ERRCODE = '42501';
            END IF;
            used := used + e.credits;
        END IF;
        INSERT INTO ai_settings.usage_events
        VALUES (e.id, e.occurred_at, e.tenant, e.action, e.model, e.billing, e.credits, session_user::text);
        days := days || day;
        periods := periods || period;
        tenants := tenants || e.tenant;
        actions := actions || e.action;
        credit_list := credit_list || e.credits::bigint;
        byok_list := byok_list || (e.billing = 'byok')::integer;
    END LOOP;
    INSERT INTO ai_settings.usage_totals AS t
    SELECT b.p, b.t, b.a, count(*), sum(b.c), sum(b.y)
    FROM ROWS FROM (pg_catalog.unnest(periods), pg_catalog.unnest(tenants), pg_catalog.unnest(actions),
                   pg_catalog.unnest(credit_list), pg_catalog.unnest(byok_list)) AS b(p, t, a, c, y)
    GROUP BY b.p, b.t, b.a ORDER BY b.p, b.t, b.a
    ON CONFLICT ON CONSTRAINT usage_totals_pkey DO UPDATE SET runs = t.runs + excluded.runs,
        credits = t.credits + excluded.credits, byok_runs = t.byok_runs + excluded.byok_runs;
    INSERT INTO ai_settings.usage_daily AS t
    SELECT b.d, b.t, count(*), sum(b.c), sum(b.y)
    FROM ROWS FROM (pg_catalog.unnest(days), pg_catalog.unnest(tenants), pg_catalog.unnest(credit_list),
                   pg_catalog.unnest(byok_list)) AS b(d, t, c, y)
    GROUP BY b.d, b.t ORDER BY b.d, b.t
    ON CONFLICT ON CONSTRAINT usage_daily_pkey DO UPDATE SET runs = t.runs + excluded.runs,
        credits = t.credits + excluded.credits, byok_runs = t.byok_runs + excluded.byok_runs;
END $$;

-- Records one event: a batch of one.
CREATE OR REPLACE FUNCTION record_event(id text, occurred_at bigint, tenant text, action text, model text, billing text,
                             credits integer, recorded_by text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.record_events(pg_catalog.json_build_array(pg_catalog.json_build_object(
        'id', id, 'occurred_at', occurred_at, 'tenant', tenant, 'action', action, 'model', model,
        'billing', billing, 'credits', credits))::text);
END $$;

-- An import: the caller copies its rows into a temporary table of the ledger's that it may only insert into
-- (a table of its own could be a view that runs its functions as the ledger's role); then the rows whose id is
-- new become events recorded by the caller, and come back.
CREATE OR REPLACE FUNCTION prepare_import() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Importing usage');
    -- Each row keeps its line in the file, so that an id given twice is named by the line that repeats it.
    CREATE TEMP TABLE import_staging (LIKE ai_settings.usage_events, line integer NOT NULL) ON COMMIT DROP;
    EXECUTE format('GRANT INSERT ON pg_temp.import_staging TO %I', session_user);
END $$;

-- The staged rows whose id an earlier line of the file already gave: how many, and the first of them.
CREATE OR REPLACE FUNCTION staged_duplicates(OUT repeats bigint, OUT first_line integer, OUT first_id text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Importing usage');
    PERFORM ai_settings.require_own_temp('import_staging');
    WITH repeated AS (
        SELECT s.line, s.id FROM pg_temp.import_staging s
        JOIN (SELECT f.id, min(f.line) AS first FROM pg_temp.import_staging f GROUP BY f.id HAVING count(*) > 1) d
          ON d.id = s.id AND s.line > d.first)
    SELECT (SELECT count(*) FROM repeated), r.line, r.id INTO repeats, first_line, first_id
    FROM repeated r ORDER BY r.line LIMIT 1;
    repeats := COALESCE(repeats, 0);
END $$;

-- The staging table must be the one prepare_import made in this session (a table of the caller's own by that
-- name could be a view that runs its functions as the ledger's role).
CREATE OR REPLACE FUNCTION require_own_temp(name text) RETURNS void LANGUAGE plpgsql
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    IF (SELECT c.relowner FROM pg_catalog.pg_class c WHERE c.oid = pg_catalog.to_regclass('pg_temp.' || name))
       IS DISTINCT FROM (SELECT oid FROM pg_catalog.pg_roles WHERE rolname = current_user) THEN
        RAISE EXCEPTION 'There is no import prepared by prepare_import.' USING ERRCODE = '42501';
    END IF;
END $$;

-- Step one, without the write lock, so that recorders go on meanwhile: the staged ids stored already are the
-- ones not added; what is left goes in, in the order of the id index, in the caller's name, and is summed for the
-- totals. An id staged twice, or recorded by someone else meanwhile, fails the import (nothing stays).
CREATE OR REPLACE FUNCTION import_staged(OUT added bigint, OUT credits bigint) LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Importing usage');
    PERFORM ai_settings.require_own_temp('import_staging');
    DELETE FROM pg_temp.import_staging s USING ai_settings.usage_events e WHERE e.id = s.id;
    INSERT INTO ai_settings.usage_events
    SELECT s.id, s.occurred_at, s.tenant, s.action, s.model, s.billing, s.credits, session_user::text
    FROM pg_temp.import_staging s ORDER BY s.id;
    PERFORM ai_settings.count_per_day('pg_temp.import_staging'::regclass);
    PERFORM ai_settings.sum_counted();
    CREATE TEMP TABLE import_counted_in ON COMMIT DROP AS SELECT ai_settings.calendar_key() AS calendar;
    SELECT count(*), COALESCE(sum(s.credits), 0) INTO added, credits FROM pg_temp.import_staging s;
END $$;

-- Step two, under the write lock (taken here if the caller has not): the import's tenants must exist by now, and
-- its sums join the totals, where recorders read the pool. Summed again if the calendar changed meanwhile.
CREATE OR REPLACE FUNCTION import_totals() RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Importing usage');
    PERFORM ai_settings.require_own_temp('import_staging');
    PERFORM ai_settings.require_own_temp('import_counted_in');
    PERFORM ai_settings.require_own_temp('totals_per_period');
    PERFORM ai_settings.require_own_temp('totals_per_local_day');
    PERFORM 1 FROM ai_settings.ledger_lock FOR UPDATE;
    IF (SELECT c.calendar FROM pg_temp.import_counted_in c) IS DISTINCT FROM ai_settings.calendar_key() THEN
        DROP TABLE pg_temp.totals_per_period;
        DROP TABLE pg_temp.totals_per_local_day;
        PERFORM ai_settings.count_per_day('pg_temp.import_staging'::regclass);
        PERFORM ai_settings.sum_counted();
    END IF;
    -- Asked of the sums, far fewer than the rows: the lock is held meanwhile.
    IF EXISTS (SELECT 1 FROM pg_temp.totals_per_local_day d WHERE d.tenant <> ''
               AND NOT EXISTS (SELECT 1 FROM ai_settings.tenants t WHERE t.id = d.tenant)) THEN
        RAISE EXCEPTION 'The import names a tenant that does not exist.' USING ERRCODE = '23503';
    END IF;
    PERFORM ai_settings.add_summed_to_totals();
    DROP TABLE pg_temp.import_counted_in;
END $$;

CREATE OR REPLACE FUNCTION put_setting(name text, value text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    IF name = 'plan' THEN
        PERFORM ai_settings.require_role(ARRAY['owner'], 'Changing the plan');
    ELSE
        PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Changing settings');
    END IF;
    IF name = 'install_id' THEN
        RAISE EXCEPTION 'The ledger''s id cannot be changed.' USING ERRCODE = '42501';
    END IF;
    IF name IN ('anchor_day', 'time_zone') THEN
        RAISE EXCEPTION 'The billing period changes only through set_calendar, which dates the change.' USING ERRCODE = '42501';
    END IF;
    INSERT INTO ai_settings.settings AS s VALUES (name, value) ON CONFLICT ON CONSTRAINT settings_pkey DO UPDATE SET value = excluded.value;
END $$;

-- The calendar's history as the program chose it (chooseCalendar): the first calendar and each dated change, as
-- JSON [{"at": "ms", "anchor": n, "zone": "IANA"}, …]. Refused if any recorded event would change its local day or
-- its billing period: what is recorded keeps the boundaries it was counted by.
CREATE OR REPLACE FUNCTION set_calendar(first_anchor integer, first_zone text, changes text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
DECLARE
    wanted record;
    before_anchor integer := first_anchor;
    before_zone text := first_zone;
    n bigint := 0;
    since bigint;
    was_anchor integer;
    was_zone text;
    moved text;
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Changing the billing period');
    PERFORM 1 FROM ai_settings.ledger_lock FOR UPDATE;
    CREATE TEMP TABLE calendar_wanted ON COMMIT DROP AS
    SELECT (c->>'at')::bigint AS at, (c->>'anchor')::integer AS anchor, c->>'zone' AS zone
    FROM pg_catalog.jsonb_array_elements(changes::jsonb) c;
    FOR wanted IN SELECT NULL::bigint AS at, first_anchor AS anchor, first_zone AS zone
                  UNION ALL SELECT w.at, w.anchor, w.zone FROM pg_temp.calendar_wanted w LOOP
        IF wanted.anchor IS NULL OR wanted.anchor NOT BETWEEN 1 AND 28
           OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_timezone_names z WHERE z.name = wanted.zone) THEN
            RAISE EXCEPTION 'The billing period (day %, zone %) is not valid.', wanted.anchor, wanted.zone USING ERRCODE = '22023';
        END IF;
    END LOOP;
    -- Every recorded event from two days before the earliest moment the history changes (the longest local day),
    -- with its day and period now; found through the day totals and the rate limit's index, not a scan.
    SELECT e.anchor, e.zone INTO was_anchor, was_zone FROM ai_settings.calendar_eras() e WHERE e.since IS NULL;
    IF first_anchor IS DISTINCT FROM was_anchor OR first_zone IS DISTINCT FROM was_zone THEN
        since := -4611686018427387904; -- every event (room left for the day margin below)
    ELSE
        SELECT min(x.at) - 2 * 86400000 INTO since FROM (
            (SELECT c.at, c.to_anchor, c.to_zone FROM ai_settings.calendar_changes c
             EXCEPT SELECT w.at, w.anchor, w.zone FROM pg_temp.calendar_wanted w)
            UNION ALL
            (SELECT w.at, w.anchor, w.zone FROM pg_temp.calendar_wanted w
             EXCEPT SELECT c.at, c.to_anchor, c.to_zone FROM ai_settings.calendar_changes c)) x;
    END IF;
    CREATE TEMP TABLE calendar_check ON COMMIT DROP AS
    SELECT e.id, e.occurred_at, (ai_settings.day_and_period(e.occurred_at)).* FROM ai_settings.usage_events e
    WHERE since IS NOT NULL AND e.occurred_at >= since AND e.billing IN ('credits', 'byok')
      AND e.tenant IN (SELECT d.tenant FROM ai_settings.usage_daily d WHERE d.day_start >= since - 2 * 86400000);
    DELETE FROM ai_settings.calendar_changes;
    FOR wanted IN SELECT w.at, w.anchor, w.zone FROM pg_temp.calendar_wanted w ORDER BY w.at LOOP
        n := n + 1;
        INSERT INTO ai_settings.calendar_changes VALUES (n, wanted.at, before_anchor, before_zone, wanted.anchor, wanted.zone);
        before_anchor := wanted.anchor;
        before_zone := wanted.zone;
    END LOOP;
    INSERT INTO ai_settings.settings AS s VALUES ('anchor_day', before_anchor::text), ('time_zone', before_zone)
        ON CONFLICT ON CONSTRAINT settings_pkey DO UPDATE SET value = excluded.value;
    SELECT c.id INTO moved FROM pg_temp.calendar_check c, LATERAL ai_settings.day_and_period(c.occurred_at) h
    WHERE (c.day, c.period) IS DISTINCT FROM (h.day, h.period) LIMIT 1;
    IF moved IS NOT NULL THEN
        RAISE EXCEPTION 'The change would move recorded usage (event %) to another day or billing period.', moved
            USING ERRCODE = '42501';
    END IF;
    DROP TABLE pg_temp.calendar_check;
    DROP TABLE pg_temp.calendar_wanted;
END $$;

CREATE OR REPLACE FUNCTION remove_setting(name text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Changing settings');
    IF name IN ('plan', 'install_id', 'anchor_day', 'time_zone') THEN
        RAISE EXCEPTION 'The setting % cannot be removed.', name USING ERRCODE = '42501';
    END IF;
    DELETE FROM ai_settings.settings s WHERE s.name = remove_setting.name;
END $$;

CREATE OR REPLACE FUNCTION record_plan_change(at bigint, from_plan text, to_plan text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner'], 'Changing the plan');
    IF to_plan IS DISTINCT FROM (SELECT value FROM ai_settings.settings WHERE name = 'plan') THEN
        RAISE EXCEPTION 'A plan change is dated only as the plan is changed.' USING ERRCODE = '42501';
    END IF;
    INSERT INTO ai_settings.plan_changes (seq, at, from_plan, to_plan)
    SELECT COALESCE(max(c.seq), 0) + 1, record_plan_change.at, record_plan_change.from_plan, record_plan_change.to_plan
    FROM ai_settings.plan_changes c;
END $$;

CREATE OR REPLACE FUNCTION add_tenant(id text, name text, created_at bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Adding a tenant');
    INSERT INTO ai_settings.tenants VALUES (id, name, created_at);
END $$;

CREATE OR REPLACE FUNCTION rename_tenant(name text, id text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Renaming a tenant');
    UPDATE ai_settings.tenants t SET name = rename_tenant.name WHERE t.id = rename_tenant.id;
END $$;

CREATE OR REPLACE FUNCTION remove_tenant(id text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Removing a tenant');
    DELETE FROM ai_settings.tenants t WHERE t.id = remove_tenant.id;
END $$;

CREATE OR REPLACE FUNCTION forget_tenant_keys(tenant text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Removing a tenant');
    DELETE FROM ai_settings.key_state k WHERE k.tenant = forget_tenant_keys.tenant;
END $$;

-- A member's role is a grant of one group role; only an Owner touches the Owners, and the last Owner stays.
CREATE OR REPLACE FUNCTION put_member(user_name text, role text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
DECLARE
    mine text := ai_settings.require_role(ARRAY['owner', 'admin'], 'Changing members');
    theirs text := (SELECT m.role FROM ai_settings.members m WHERE m.user_name = put_member.user_name);
    grp record;
BEGIN
    IF role NOT IN ('owner', 'admin', 'recorder', 'viewer') THEN
        RAISE EXCEPTION 'There is no role %.', role USING ERRCODE = '22023';
    END IF;
    IF (role = 'owner' OR theirs = 'owner') AND mine <> 'owner' THEN
        RAISE EXCEPTION 'Only an Owner can grant or take away the Owner role.' USING ERRCODE = '42501';
    END IF;
    IF theirs = 'owner' AND role <> 'owner' AND (SELECT count(*) FROM ai_settings.members WHERE members.role = 'owner') <= 1 THEN
        RAISE EXCEPTION '% is the last Owner.', user_name USING ERRCODE = '42501';
    END IF;
    FOR grp IN SELECT r.role, r.pg_role FROM ai_settings.ledger_roles r WHERE r.role <> 'ledger' LOOP
        IF grp.role = put_member.role THEN
            EXECUTE format('GRANT %I TO %I', grp.pg_role, user_name);
        ELSIF pg_catalog.pg_has_role(user_name, grp.pg_role, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', grp.pg_role, user_name);
        END IF;
    END LOOP;
END $$;

CREATE OR REPLACE FUNCTION remove_member(user_name text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
DECLARE
    mine text := ai_settings.require_role(ARRAY['owner', 'admin'], 'Changing members');
    theirs text := (SELECT m.role FROM ai_settings.members m WHERE m.user_name = remove_member.user_name);
    grp record;
BEGIN
    IF theirs = 'owner' AND mine <> 'owner' THEN
        RAISE EXCEPTION 'Only an Owner can remove an Owner.' USING ERRCODE = '42501';
    END IF;
    IF theirs = 'owner' AND (SELECT count(*) FROM ai_settings.members WHERE members.role = 'owner') <= 1 THEN
        RAISE EXCEPTION '% is the last Owner.', user_name USING ERRCODE = '42501';
    END IF;
    FOR grp IN SELECT r.pg_role FROM ai_settings.ledger_roles r WHERE r.role <> 'ledger' LOOP
        IF pg_catalog.pg_has_role(user_name, grp.pg_role, 'MEMBER') THEN
            EXECUTE format('REVOKE %I FROM %I', grp.pg_role, user_name);
        END IF;
    END LOOP;
END $$;

CREATE OR REPLACE FUNCTION put_key_state(tenant text, provider text, state text, fingerprint text, checked_at bigint,
                              message text, models text, retry_at bigint, holder text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Changing API keys');
    DELETE FROM ai_settings.key_state k WHERE k.tenant = put_key_state.tenant AND k.provider = put_key_state.provider;
    IF state <> 'not_set' THEN
        INSERT INTO ai_settings.key_state (tenant, provider, state, fingerprint, checked_at, message, models, retry_at, holder)
        VALUES (tenant, provider, state, fingerprint, checked_at, message, models, retry_at, holder);
    END IF;
END $$;

-- A usage key reads the provider organisation's usage and cost reports, and can manage its keys: the Owner's alone.
CREATE OR REPLACE FUNCTION put_usage_key(provider text, state text, fingerprint text, checked_at bigint,
                              message text, retry_at bigint, holder text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner'], 'Changing usage keys');
    DELETE FROM ai_settings.usage_keys k WHERE k.provider = put_usage_key.provider;
    IF state <> 'not_set' THEN
        INSERT INTO ai_settings.usage_keys (provider, state, fingerprint, checked_at, message, retry_at, holder)
        VALUES (provider, state, fingerprint, checked_at, message, retry_at, holder);
    END IF;
END $$;

-- What one sync read from a provider's reports for the days first_day to last_day replaces what was held for those
-- days, in one statement: rows as JSON arrays, the organisation's keys as a whole, and each finding of the
-- reconciliation that is new told once in the audit trail (findings: [{"day", "holder", "kind", "line"}]).
CREATE OR REPLACE FUNCTION put_provider_report(provider text, first_day text, last_day text, synced_at bigint,
                              usage text, costs text, keys text, findings text) RETURNS void LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
DECLARE
    finding record;
    covered text;
BEGIN
    PERFORM ai_settings.require_role(ARRAY['owner', 'admin'], 'Syncing the providers'' reports');
    IF first_day !~ '^\d{4}-\d{2}-\d{2}$' OR last_day !~ '^\d{4}-\d{2}-\d{2}$' OR first_day > last_day THEN
        RAISE EXCEPTION 'The days % to % are not a range.', first_day, last_day USING ERRCODE = '22023';
    END IF;
    DELETE FROM ai_settings.provider_usage u WHERE u.provider = put_provider_report.provider
        AND u.day BETWEEN first_day AND last_day;
    INSERT INTO ai_settings.provider_usage
    SELECT put_provider_report.provider, x.day, x.api_key_id, x.model, x.uncached_input, x.cache_write_5m,
           x.cache_write_1h, x.cache_read, x.output, x.images, x.requests
    FROM pg_catalog.json_to_recordset(usage::json) AS x(day text, api_key_id text, model text, uncached_input bigint,
        cache_write_5m bigint, cache_write_1h bigint, cache_read bigint, output bigint, images bigint, requests bigint)
    WHERE x.day BETWEEN first_day AND last_day;
    DELETE FROM ai_settings.provider_costs c WHERE c.provider = put_provider_report.provider
        AND c.day BETWEEN first_day AND last_day;
    INSERT INTO ai_settings.provider_costs
    SELECT put_provider_report.provider, x.day, x.api_key_id, x.model, x.kind, x.currency, x.micros
    FROM pg_catalog.json_to_recordset(costs::json) AS x(day text, api_key_id text, model text, kind text,
        currency text, micros bigint)
    WHERE x.day BETWEEN first_day AND last_day;
    DELETE FROM ai_settings.provider_keys k WHERE k.provider = put_provider_report.provider;
    INSERT INTO ai_settings.provider_keys
    SELECT put_provider_report.provider, x.api_key_id, x.hint, x.name
    FROM pg_catalog.json_to_recordset(keys::json) AS x(api_key_id text, hint text, name text);
    SELECT s.first_day INTO covered FROM ai_settings.provider_syncs s WHERE s.provider = put_provider_report.provider;
    DELETE FROM ai_settings.provider_syncs s WHERE s.provider = put_provider_report.provider;
    INSERT INTO ai_settings.provider_syncs VALUES (provider, synced_at,
        CASE WHEN covered IS NOT NULL AND covered < first_day THEN covered ELSE first_day END, last_day);
    FOR finding IN SELECT x.day, x.holder, x.kind, x.line
                   FROM pg_catalog.json_to_recordset(findings::json) AS x(day text, holder text, kind text, line text) LOOP
        INSERT INTO ai_settings.spend_findings VALUES (provider, finding.day, finding.holder, finding.kind)
            ON CONFLICT DO NOTHING;
        IF FOUND THEN
            INSERT INTO ai_settings.audit_log (at, actor, subject, change)
            VALUES (synced_at, session_user::text, 'spend.' || provider, finding.line);
        END IF;
    END LOOP;
END $$;

-- Every committed change tells the open windows (LISTEN ai_settings_changed), so that they read again only then:
-- one notification per statement, sent by the server at commit, none for a rolled-back one.
CREATE OR REPLACE FUNCTION notify_change() RETURNS trigger LANGUAGE plpgsql
SET search_path = pg_catalog, ai_settings, pg_temp AS $$
BEGIN
    PERFORM pg_catalog.pg_notify('ai_settings_changed', '');
    RETURN NULL;
END $$;

CREATE OR REPLACE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON usage_events
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE OR REPLACE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE OR REPLACE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON plan_changes
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE OR REPLACE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_changes
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE OR REPLACE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON key_state
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE OR REPLACE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON tenants
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE OR REPLACE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON usage_keys
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
CREATE OR REPLACE TRIGGER notify_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON provider_syncs
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();
-- Members are the server's roles (the members view): a change to them is told by its line in the audit trail.
CREATE OR REPLACE TRIGGER notify_change AFTER INSERT ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION notify_change();

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA ai_settings FROM PUBLIC;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ai_settings TO @owner@, @admin@, @recorder@, @viewer@;
REVOKE EXECUTE ON FUNCTION add_to_totals(regclass), count_per_day(regclass), sum_counted(), add_summed_to_totals(),
    require_own_temp(text), refuse_audit_change(), notify_change() FROM @owner@, @admin@, @recorder@, @viewer@;
REVOKE ALL ON ALL TABLES IN SCHEMA ai_settings FROM PUBLIC;
GRANT SELECT ON ALL TABLES IN SCHEMA ai_settings TO @owner@, @admin@, @viewer@;
-- A server that records reads what recording needs: no audit trail.
GRANT SELECT ON ALL TABLES IN SCHEMA ai_settings TO @recorder@;
REVOKE SELECT ON audit_log FROM @recorder@;
REVOKE ALL ON SCHEMA ai_settings FROM PUBLIC;
GRANT USAGE ON SCHEMA ai_settings TO @owner@, @admin@, @recorder@, @viewer@;
