package app.coherence.local.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packs {@link HelloFunctionApplication} with Spring Boot, Spring Cloud Function's GCP adapter and what
 * they need, taken from this JVM's class path, into one jar shaped like our deploy jars (Spring's
 * META-INF files merged, Start-Class in the manifest), so both start on equal terms.
 */
final class HelloJar {
    /** Only these libraries go in: Spring, JSON, logging and their few helpers; no cloud SDK. */
    private static final List<String> LIBRARIES = List.of("/org/springframework/", "/com/fasterxml/", "/com/google/code/gson/",
            "/org/slf4j/", "/ch/qos/logback/", "/io/projectreactor/", "/org/reactivestreams/", "/io/micrometer/",
            "/net/jodah/", "/org/yaml/", "/jakarta/annotation/");

    private HelloJar() {
    }

    static Path build(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, Set<String>> lines = new LinkedHashMap<>();
        Map<String, Set<String>> factories = new LinkedHashMap<>();
        String own = HelloFunctionApplication.class.getName().replace('.', '/') + ".class";
        try (InputStream in = HelloFunctionApplication.class.getClassLoader().getResourceAsStream(own)) {
            entries.put(own, in.readAllBytes());
        }
        for (String element : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (!element.endsWith(".jar") || LIBRARIES.stream().noneMatch(element::contains)
                    || element.contains("spring-boot-test") || element.contains("spring-test")) {
                continue;
            }
            try (JarFile jar = new JarFile(element)) {
                for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                    String name = entry.getName();
                    if (entry.isDirectory() || name.equals("META-INF/MANIFEST.MF") || name.endsWith("module-info.class")
                            || name.matches("META-INF/[^/]+\\.(SF|DSA|RSA)")) {
                        continue;
                    }
                    byte[] bytes;
                    try (InputStream in = jar.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    if (name.equals("META-INF/spring.factories")) {
                        Properties p = new Properties();
                        p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
                        p.forEach((k, v) -> {
                            Set<String> values = factories.computeIfAbsent((String) k, x -> new LinkedHashSet<>());
                            for (String value : ((String) v).split(",")) {
                                if (!value.isBlank()) {
                                    values.add(value.strip());
                                }
                            }
                        });
                    } else if (name.startsWith("META-INF/services/") || name.endsWith(".imports")) {
                        Set<String> merged = lines.computeIfAbsent(name, x -> new LinkedHashSet<>());
                        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
                            if (!line.isBlank()) {
                                merged.add(line.strip());
                            }
                        }
                    } else {
                        entries.putIfAbsent(name, bytes);
                    }
                }
            }
        }
        StringBuilder factoriesText = new StringBuilder();
        factories.forEach((k, v) -> factoriesText.append(k).append('=').append(String.join(",", v)).append('\n'));
        entries.put("META-INF/spring.factories", factoriesText.toString().getBytes(StandardCharsets.UTF_8));
        lines.forEach((name, merged) -> entries.put(name, (String.join("\n", merged) + "\n").getBytes(StandardCharsets.UTF_8)));

        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Start-Class", HelloFunctionApplication.class.getName());
        try (OutputStream file = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(file, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return target;
    }
}
