package ai.kaizen.migrations;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which PostgreSQL database to migrate.
 *
 * @param url            JDBC URL of the database, e.g. {@code jdbc:postgresql://localhost:5432/kaizen}
 * @param user           login role
 * @param password       its password (empty under trust authentication)
 * @param createDatabase whether to create the database first when it is missing
 */
public record DatabaseTarget(String url, String user, String password, boolean createDatabase) {

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/]+/)([A-Za-z_][A-Za-z0-9_]{0,62})(\\?.*)?$");

    public DatabaseTarget {
        if (!URL.matcher(url).matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a plain database name: " + url);
        }
    }

    public static DatabaseTarget fromEnvironment(Map<String, String> env) {
        return new DatabaseTarget(
                env.getOrDefault("KAIZEN_DB_URL", "jdbc:postgresql://localhost:5432/kaizen"),
                env.getOrDefault("KAIZEN_DB_USER", "postgres"),
                env.getOrDefault("KAIZEN_DB_PASSWORD", ""),
                Boolean.parseBoolean(env.getOrDefault("KAIZEN_DB_CREATE", "true")));
    }

    public String databaseName() {
        return matcher().group(2);
    }

    /** The same server's {@code postgres} database, used to create this one. */
    public String maintenanceUrl() {
        Matcher m = matcher();
        return m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
    }

    private Matcher matcher() {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException(url);
        }
        return m;
    }
}
