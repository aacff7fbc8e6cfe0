-- Runs after every migration run of a schema with time-series tables: keeps monthly partitions
-- created three months ahead (a no-op for hypertables, whose chunks TimescaleDB creates itself).
SELECT ${flyway:defaultSchema}.create_upcoming_partitions(3);
