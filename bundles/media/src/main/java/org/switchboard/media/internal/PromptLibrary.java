package org.switchboard.media.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

/** The prompts of a folder, named by their path without ".wav" (e.g. {@code ru/welcome}), read once when first played. */
final class PromptLibrary {

    private final Path folder;
    private final ConcurrentMap<String, Prompt> loaded = new ConcurrentHashMap<>();

    PromptLibrary(Path folder) {
        this.folder = folder;
    }

    /** A prompt; IllegalArgumentException naming it when there is no such prompt. */
    Prompt prompt(String name) {
        return loaded.computeIfAbsent(name, this::load);
    }

    private Prompt load(String name) {
        Path file = folder.resolve(name + ".wav").normalize();
        if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no prompt '" + name + "' in " + folder);
        }
        try {
            return new Prompt(WavReader.read(file));
        } catch (IOException e) {
            throw new UncheckedIOException("prompt '" + name + "' cannot be read: " + e.getMessage(), e);
        }
    }

    Path folder() {
        return folder;
    }

    Set<String> names() {
        Set<String> names = new TreeSet<>();
        if (!Files.isDirectory(folder)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(".wav")).forEach(f -> {
                String relative = folder.relativize(f).toString().replace('\\', '/');
                names.add(relative.substring(0, relative.length() - ".wav".length()));
            });
        } catch (IOException e) {
            throw new UncheckedIOException("the prompt folder " + folder + " cannot be listed", e);
        }
        return names;
    }
}
