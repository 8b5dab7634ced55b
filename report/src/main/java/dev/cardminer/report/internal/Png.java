package dev.cardminer.report.internal;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes an image as PNG, the bytes {@code ImageIO.write} gives, through a stream cached in memory whatever ImageIO's
 * process-wide {@code setUseCache} says: its temp-file cache, when a write fails (a full disk), leaves a half-made
 * stream that its shutdown hook then closes with a NullPointerException. The host's setting is left alone.
 */
final class Png {

    private Png() {
    }

    static void write(BufferedImage image, Path file) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWriters(ImageTypeSpecifier.createFromRenderedImage(image), "png");
        if (!writers.hasNext()) {
            throw new IOException("no PNG writer for this image type (" + image.getType() + ")");
        }
        ImageWriter writer = writers.next();
        try (OutputStream out = Files.newOutputStream(file);
             ImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), null);
        } finally {
            writer.dispose();
        }
    }
}
