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

    public static final String DEFAULT_URL = "jdbc:postgresql://localhost:5432/kaizen";

    private static final Pattern URL = Pattern.compile("^(jdbc:postgresql://[^/?#]+/)([A-Za-z_][A-Za-z0-9_]{0,62})(\\?.*)?$");

    public DatabaseTarget {
        if (!URL.matcher(url).matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL with a plain database name"
                    + " (jdbc:postgresql://host[:port]/name[?options]): " + url);
        }
        if (user.isBlank()) {
            throw new IllegalArgumentException("The database user must not be blank");
        }
    }

    /**
     * Reads KAIZEN_DB_URL, KAIZEN_DB_USER, KAIZEN_DB_PASSWORD and KAIZEN_DB_CREATE (default true);
     * a variable set to an empty value counts as unset.
     */
    public static DatabaseTarget fromEnvironment(Map<String, String> env) {
        return new DatabaseTarget(
                value(env, "KAIZEN_DB_URL", DEFAULT_URL),
                value(env, "KAIZEN_DB_USER", "postgres"),
                value(env, "KAIZEN_DB_PASSWORD", ""),
                Boolean.parseBoolean(value(env, "KAIZEN_DB_CREATE", "true")));
    }

    private static String value(Map<String, String> env, String name, String fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    public String databaseName() {
        return matcher().group(2);
    }

    /** The same server's {@code postgres} database, used to create this one. */
    public String maintenanceUrl() {
        Matcher m = matcher();
        return m.group(1) + "postgres" + (m.group(3) == null ? "" : m.group(3));
    }

    /** The same server, login and options, pointing at another database. */
    public DatabaseTarget withDatabase(String databaseName) {
        Matcher m = matcher();
        return new DatabaseTarget(m.group(1) + databaseName + (m.group(3) == null ? "" : m.group(3)),
                user, password, createDatabase);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "DatabaseTarget[url=" + url + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***")
                + ", createDatabase=" + createDatabase + "]";
    }

    private Matcher matcher() {
        Matcher m = URL.matcher(url);
        if (!m.matches()) {
            throw new IllegalStateException(url);
        }
        return m;
    }
}
