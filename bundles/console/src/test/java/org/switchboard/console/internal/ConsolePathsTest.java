package org.switchboard.console.internal;

import static org.junit.Assert.assertEquals;

import java.util.Optional;
import org.junit.Test;

public class ConsolePathsTest {

    @Test
    public void filesBelowTheConsole() {
        assertEquals(Optional.of("index.html"), ConsolePaths.fileName("/index.html"));
        assertEquals(Optional.of("assets/app-1a2b.js.gz"), ConsolePaths.fileName("/assets/app-1a2b.js.gz"));
    }

    @Test
    public void refusedPaths() {
        for (String path : new String[] {null, "", "/", "index.html", "/..", "/../etc/passwd", "/assets/../../x.js",
                "/./index.html", "/.env", "/assets//a.js", "/assets/", "/assets", "/a.", "/a\\..\\b.js", "/a\u0000.js"}) {
            assertEquals(String.valueOf(path), Optional.empty(), ConsolePaths.fileName(path));
        }
    }
}
