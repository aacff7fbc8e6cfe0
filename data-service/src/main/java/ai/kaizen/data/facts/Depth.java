package ai.kaizen.data.facts;

import java.util.Locale;

/** How much to collect: quick (metadata, bytecode, ownership, proxy, creator), standard, comprehensive. */
public enum Depth {
    QUICK,
    STANDARD,
    COMPREHENSIVE;

    public static Depth parse(String text) {
        for (Depth depth : values()) {
            if (depth.name().equalsIgnoreCase(text)) {
                return depth;
            }
        }
        throw new IllegalArgumentException("depth must be quick, standard or comprehensive, not '"
                + (text.length() > 32 ? text.substring(0, 32) + "…" : text) + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
