package org.vmalab.lesson;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * A folder of resources on the class path as a {@link Path}: a plain folder when the classes run from a
 * directory (tests, {@code mvn exec}), a folder inside the jar (a read-only zip file system) when they run from
 * {@code vmalab.jar}. Used for the built-in lessons and for the macOS natives, which must be listed, not only read.
 */
public final class ResourceFolder {
    private ResourceFolder() {
    }

    /**
     * The folder {@code dir} (a resource path such as {@code org/vmalab/lessons}) that holds {@code anchor}, a file
     * always found there; null when the class path has no such file.
     */
    public static Path of(String dir, String anchor) {
        URL u = ResourceFolder.class.getClassLoader().getResource(dir + "/" + anchor);
        if (u == null) {
            return null;
        }
        try {
            URI uri = u.toURI();
            if ("jar".equalsIgnoreCase(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException open) {
                    // opened before: Path.of finds it
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException | FileSystemNotFoundException | IllegalArgumentException e) {
            return null;
        }
    }
}
