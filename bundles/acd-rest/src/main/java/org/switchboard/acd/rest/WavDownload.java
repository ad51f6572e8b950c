package org.switchboard.acd.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import javax.ws.rs.core.Response;
import org.switchboard.api.rest.ProblemException;

/** A recorded WAV file served as an attachment; 410 when the file has gone from the disk. */
final class WavDownload {

    private WavDownload() {
    }

    /** {@code what} names the kind of record in the 410 ("recording", "message"). */
    static Response of(String file, String id, String what) {
        Path path = Paths.get(file);
        if (!Files.isRegularFile(path)) {
            throw new ProblemException(410, "Gone", "The file of " + what + " '" + id + "' is no longer there", null);
        }
        return Response.ok(path.toFile(), "audio/wav")
                .header("Content-Disposition", "attachment; filename=\"" + id + ".wav\"").build();
    }
}
