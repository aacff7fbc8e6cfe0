package ai.kaizen.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

/**
 * The chart as {@code helm template} renders it, hooks included, parsed into plain objects.
 *
 * <p>helm-java's template returns the release manifest without hooks, so rendering runs on a copy of
 * the chart under {@code target/} with one extra template that includes every hook template file and
 * carries its output as text in a ConfigMap (text in a data field is not a hook to Helm). That
 * ConfigMap is unwrapped again here, so the objects are exactly those the chart's own templates make.
 */
record RenderedChart(List<Map<String, Object>> objects) {

    static final String RELEASE = "kaizen";
    private static final String PROBE = "kaizen-test-render-hooks";
    private static Path probeChart;

    static RenderedChart render() {
        return render(Map.of());
    }

    /** Renders release {@value #RELEASE} with {@code --set} overrides; Helm's errors surface as exceptions. */
    static RenderedChart render(Map<String, Object> sets) {
        TemplateCommand template = new Helm(chartWithHookProbe()).template().withName(RELEASE).withNamespace("kaizen");
        new LinkedHashMap<>(sets).forEach(template::set);
        List<Map<String, Object>> objects = new ArrayList<>();
        for (Map<String, Object> object : Yamls.documents(template.call())) {
            if (PROBE.equals(name(object))) {
                Yamls.map(object, "data").values().forEach(text -> objects.addAll(Yamls.documents((String) text)));
            } else {
                objects.add(object);
            }
        }
        return new RenderedChart(objects);
    }

    private static synchronized Path chartWithHookProbe() {
        if (probeChart == null) {
            try {
                Path copy = Path.of("target", "chart-with-hook-probe", "kaizen").toAbsolutePath();
                deleteRecursively(copy); // a file removed from the chart must not linger from an earlier run
                Files.createDirectories(copy);
                StringBuilder probe = new StringBuilder("""
                        apiVersion: v1
                        kind: ConfigMap
                        metadata:
                          name: %s
                        data:
                        """.formatted(PROBE));
                try (Stream<Path> files = Files.walk(KaizenServices.CHART)) {
                    for (Path source : files.toList()) {
                        Path target = copy.resolve(KaizenServices.CHART.relativize(source).toString());
                        if (Files.isDirectory(source)) {
                            Files.createDirectories(target);
                            continue;
                        }
                        Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                        String relative = KaizenServices.CHART.relativize(source).toString().replace('\\', '/');
                        if (relative.startsWith("templates/") && Files.readString(source).contains("helm.sh/hook:")) {
                            String file = relative.substring("templates/".length());
                            probe.append("  %s: {{ include (print $.Template.BasePath \"/%s\") . | toJson }}%n"
                                    .formatted(file.replace('/', '_'), file));
                        }
                    }
                }
                Files.writeString(copy.resolve("templates/zz-test-render-hooks.yaml"), probe);
                probeChart = copy;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return probeChart;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    Optional<Map<String, Object>> find(String kind, String name) {
        return ofKind(kind).stream().filter(named(name)).findFirst();
    }

    Map<String, Object> get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in " + names()));
    }

    List<String> names(String kind) {
        return ofKind(kind).stream().map(RenderedChart::name).toList();
    }

    List<String> names() {
        return objects.stream().map(o -> o.get("kind") + "/" + name(o)).toList();
    }

    /** Objects labelled as belonging to one service. */
    List<Map<String, Object>> ofComponent(String service) {
        return objects.stream().filter(o -> service.equals(component(o))).toList();
    }

    /** Object name of a service's Deployment, Service, HPA, ConfigMap... */
    static String objectName(String service) {
        return RELEASE + "-" + service;
    }

    static String name(Map<String, Object> object) {
        return Yamls.string(object, "metadata.name");
    }

    static Predicate<Map<String, Object>> named(String name) {
        return o -> name.equals(name(o));
    }

    static String component(Map<String, Object> object) {
        Object component = Yamls.map(object, "metadata.labels").get("app.kubernetes.io/component");
        return component == null ? null : component.toString();
    }

    static Map<String, Object> annotations(Map<String, Object> object) {
        return Yamls.map(object, "metadata.annotations");
    }
}
