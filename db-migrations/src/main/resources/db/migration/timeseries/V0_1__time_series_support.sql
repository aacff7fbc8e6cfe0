-- Time-series support, installed into every schema that owns time-series tables (the Migrator adds
-- this location to those schemas only, so each schema keeps its own copy and no schema calls into
-- another). ${flyway:defaultSchema} is the schema being migrated.
--
-- A time-series table is declared as PARTITION BY RANGE on one timestamptz column and handed to
-- setup_time_series(), which either turns it into a TimescaleDB hypertable (when the extension is
-- present or can be created) or gives it a DEFAULT partition plus monthly partitions.

-- The schema holding TimescaleDB's API, enabling the extension when the server has it and this role
-- may create it; NULL when TimescaleDB cannot be used (e.g. Debian's PostgreSQL, which lacks it).
CREATE FUNCTION ensure_timescaledb() RETURNS name
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    ts_schema name;
BEGIN
    SELECT n.nspname INTO ts_schema
      FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
     WHERE e.extname = 'timescaledb';
    IF FOUND THEN
        RETURN ts_schema;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb') THEN
        RETURN NULL;
    END IF;
    BEGIN
        CREATE EXTENSION IF NOT EXISTS timescaledb WITH SCHEMA public;
    EXCEPTION WHEN OTHERS THEN
        -- Not preloaded, or this role may not create it: native partitions are the correct fallback.
        RAISE NOTICE 'TimescaleDB is available but cannot be enabled (% %); using native partitions', SQLSTATE, SQLERRM;
        RETURN NULL;
    END;
    RETURN 'public';
END
$fn$;

-- The partition key column of a table range-partitioned on exactly one timestamptz column; NULL for
-- any other relation (plain tables, hypertables). Raises for a partitioned table with another key.
CREATE FUNCTION monthly_partition_key(parent regclass) RETURNS name
    LANGUAGE plpgsql STABLE
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    key_column name;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = parent) THEN
        RETURN NULL;
    END IF;
    SELECT a.attname INTO key_column
      FROM pg_partitioned_table pt
      JOIN pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = pt.partattrs[0]
     WHERE pt.partrelid = parent
       AND pt.partstrat = 'r'
       AND pt.partnatts = 1
       AND a.atttypid = 'timestamptz'::regtype;
    IF key_column IS NULL THEN
        RAISE EXCEPTION '% is not range-partitioned on a single timestamptz column', parent
            USING ERRCODE = 'wrong_object_type';
    END IF;
    RETURN key_column;
END
$fn$;

-- Creates the partition of `parent` for the calendar month (UTC) containing `month`, named
-- <table>_y<YYYY>m<MM>. Rows of that month already sitting in the DEFAULT partition are moved into
-- the new partition in the same transaction, so creating a month late never fails and loses
-- nothing. Returns false when the partition already exists or `parent` is not monthly-partitioned
-- (e.g. a hypertable, whose chunks TimescaleDB creates itself).
CREATE FUNCTION create_monthly_partition(parent regclass, month date) RETURNS boolean
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    key_column    name := ${flyway:defaultSchema}.monthly_partition_key(parent);
    parent_schema name;
    parent_name   name;
    part_name     text;
    default_part  regclass;
    month_local   timestamp;
    month_start   timestamptz;
    month_end     timestamptz;
    column_list   text;
    moved         bigint := 0;
BEGIN
    IF key_column IS NULL OR month IS NULL THEN
        RETURN false;
    END IF;
    SELECT n.nspname, c.relname INTO parent_schema, parent_name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.oid = parent;

    month_local := date_trunc('month', month::timestamp);
    month_start := month_local AT TIME ZONE 'UTC';
    month_end := (month_local + interval '1 month') AT TIME ZONE 'UTC';
    part_name := parent_name || '_' || to_char(month_local, '"y"YYYY"m"MM');
    IF octet_length(part_name) > 63 THEN
        RAISE EXCEPTION 'partition name % would exceed 63 bytes', part_name USING ERRCODE = 'name_too_long';
    END IF;

    -- Serializes concurrent callers on this table while leaving it readable and writable.
    EXECUTE format('LOCK TABLE %I.%I IN SHARE UPDATE EXCLUSIVE MODE', parent_schema, parent_name);
    IF to_regclass(format('%I.%I', parent_schema, part_name)) IS NOT NULL THEN
        RETURN false;
    END IF;

    -- Built as a standalone table and attached, which locks the parent less than CREATE ... PARTITION OF.
    EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)',
                   parent_schema, part_name, parent_schema, parent_name);

    SELECT i.inhrelid::regclass INTO default_part
      FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = parent AND pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT';
    IF default_part IS NOT NULL THEN
        SELECT string_agg(format('%I', attname), ', ' ORDER BY attnum) INTO column_list
          FROM pg_attribute
         WHERE attrelid = parent AND attnum > 0 AND NOT attisdropped;
        -- Blocks writers of the default partition until commit, so no row of this month slips in
        -- between the move and the attach.
        EXECUTE format('LOCK TABLE %s IN SHARE ROW EXCLUSIVE MODE', default_part);
        EXECUTE format('WITH moved AS (DELETE FROM %s WHERE %I >= $1 AND %I < $2 RETURNING %s) '
                       'INSERT INTO %I.%I (%s) SELECT %s FROM moved',
                       default_part, key_column, key_column, column_list,
                       parent_schema, part_name, column_list, column_list)
            USING month_start, month_end;
        GET DIAGNOSTICS moved = ROW_COUNT;
        IF moved > 0 THEN
            RAISE NOTICE 'moved % row(s) of % from % into %', moved, to_char(month_local, 'YYYY-MM'), default_part, part_name;
        END IF;
    END IF;

    EXECUTE format('ALTER TABLE %I.%I ATTACH PARTITION %I.%I FOR VALUES FROM (%L) TO (%L)',
                   parent_schema, parent_name, parent_schema, part_name,
                   to_char(month_local, 'YYYY-MM-DD') || ' 00:00:00+00',
                   to_char(month_local + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00');
    RETURN true;
END
$fn$;

-- Creates the partitions of `parent` for the previous month, the current month and the next
-- `months_ahead` months (UTC); existing ones are left alone. Returns how many were created.
CREATE FUNCTION create_monthly_partitions(parent regclass, months_ahead integer DEFAULT 3) RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    this_month date := date_trunc('month', now() AT TIME ZONE 'UTC')::date;
    created    integer := 0;
BEGIN
    IF months_ahead IS NULL OR months_ahead < 0 OR months_ahead > 120 THEN
        RAISE EXCEPTION 'months_ahead must be between 0 and 120, got %', months_ahead
            USING ERRCODE = 'invalid_parameter_value';
    END IF;
    FOR offset_months IN -1 .. months_ahead LOOP
        IF ${flyway:defaultSchema}.create_monthly_partition(parent, (this_month + make_interval(months => offset_months))::date) THEN
            created := created + 1;
        END IF;
    END LOOP;
    RETURN created;
END
$fn$;

-- Extends every monthly-partitioned table of this schema `months_ahead` months ahead; the
-- afterMigrate callback calls it on every migration run. Returns how many partitions were created.
CREATE FUNCTION create_upcoming_partitions(months_ahead integer DEFAULT 3) RETURNS integer
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    parent  regclass;
    created integer := 0;
BEGIN
    FOR parent IN
        SELECT c.oid::regclass
          FROM pg_partitioned_table pt JOIN pg_class c ON c.oid = pt.partrelid
         WHERE c.relnamespace = '${flyway:defaultSchema}'::regnamespace
           AND NOT c.relispartition
           AND pt.partstrat = 'r'
         ORDER BY c.relname
    LOOP
        created := created + ${flyway:defaultSchema}.create_monthly_partitions(parent, months_ahead);
    END LOOP;
    RETURN created;
END
$fn$;

-- Finishes a freshly created, still empty time-series table declared PARTITION BY RANGE (<time>):
-- with TimescaleDB it is rebuilt as a plain table of the same shape and made a hypertable on that
-- column (chunks of TimescaleDB's default interval); without it, it gets a DEFAULT partition
-- (<table>_default, so no insert outside the created months is ever rejected) and monthly
-- partitions for the previous, current and next three months. Create indexes after calling this.
-- Returns 'hypertable' or 'partitioned'.
CREATE FUNCTION setup_time_series(parent regclass, timescaledb_schema name DEFAULT ${flyway:defaultSchema}.ensure_timescaledb())
    RETURNS text
    LANGUAGE plpgsql
    SET search_path = pg_catalog, pg_temp
AS $fn$
DECLARE
    key_column    name := ${flyway:defaultSchema}.monthly_partition_key(parent);
    parent_schema name;
    parent_name   name;
    shape_name    text;
BEGIN
    IF key_column IS NULL THEN
        RAISE EXCEPTION '% must be declared PARTITION BY RANGE on its timestamptz column', parent
            USING ERRCODE = 'wrong_object_type';
    END IF;
    SELECT n.nspname, c.relname INTO parent_schema, parent_name
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.oid = parent;

    IF timescaledb_schema IS NOT NULL THEN
        shape_name := parent_name || '_shape';
        EXECUTE format('ALTER TABLE %I.%I RENAME TO %I', parent_schema, parent_name, shape_name);
        EXECUTE format('CREATE TABLE %I.%I (LIKE %I.%I INCLUDING ALL)', parent_schema, parent_name, parent_schema, shape_name);
        EXECUTE format('DROP TABLE %I.%I', parent_schema, shape_name);
        EXECUTE format('SELECT %I.create_hypertable($1, $2)', timescaledb_schema)
            USING format('%I.%I', parent_schema, parent_name)::regclass, key_column;
        RETURN 'hypertable';
    END IF;

    EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I DEFAULT', parent_schema, parent_name || '_default', parent_schema, parent_name);
    PERFORM ${flyway:defaultSchema}.create_monthly_partitions(parent, 3);
    RETURN 'partitioned';
END
$fn$;
