package ai.kaizen.analysis.analyze;

import java.util.Locale;

/**
 * How deep an analysis goes (SPEC §2): quick (metadata, bytecode, ownership, proxy; no simulation), standard (the
 * default: + trade simulation, liquidity and LP status, holder distribution) and comprehensive (+ deployer history,
 * intel labels, social, holder sell replay; finishes in the background).
 */
public enum Depth {
    QUICK,
    STANDARD,
    COMPREHENSIVE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a result of this depth answers a request of {@code requested} depth. */
    public boolean covers(Depth requested) {
        return compareTo(requested) >= 0;
    }

    public static Depth parse(String text) {
        for (Depth depth : values()) {
            if (depth.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return depth;
            }
        }
        throw new IllegalArgumentException("depth must be quick, standard or comprehensive, not '"
                + (text.length() > 32 ? text.substring(0, 32) + "…" : text) + "'");
    }
}
