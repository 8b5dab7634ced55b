package dev.cardminer.report.internal;

import com.kennycason.kumo.CollisionMode;
import com.kennycason.kumo.Word;
import com.kennycason.kumo.WordCloud;
import com.kennycason.kumo.WordFrequency;
import com.kennycason.kumo.bg.RectangleBackground;
import com.kennycason.kumo.font.KumoFont;
import com.kennycason.kumo.font.scale.SqrtFontScalar;
import com.kennycason.kumo.image.AngleGenerator;
import com.kennycason.kumo.palette.ColorPalette;
import com.kennycason.kumo.wordstart.WordStartStrategy;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Point;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Word clouds with kumo. Deterministic: kumo's own start points and angles come from a shared
 * unseeded {@code Random}, so this uses one horizontal angle and start points from a seeded one.
 */
public final class WordCloudRenderer {

    private static final Dimension SIZE = new Dimension(900, 520);

    /** Draws the words (text to weight), heaviest first, and writes a PNG. */
    public void write(Path file, Map<String, Long> weights, long seed) throws IOException {
        List<WordFrequency> words = weights.entrySet().stream()
                .filter(e -> e.getKey() != null && !e.getKey().isBlank() && e.getValue() > 0)
                .map(e -> new WordFrequency(e.getKey().strip(), (int) Math.min(Integer.MAX_VALUE, e.getValue())))
                // kumo sorts the list in place.
                .collect(Collectors.toCollection(ArrayList::new));
        WordCloud cloud = new WordCloud(SIZE, CollisionMode.PIXEL_PERFECT);
        cloud.setPadding(2);
        cloud.setBackground(new RectangleBackground(SIZE));
        cloud.setBackgroundColor(Color.WHITE);
        cloud.setKumoFont(new KumoFont(new Font(Font.SANS_SERIF, Font.BOLD, 12)));
        cloud.setColorPalette(new ColorPalette(ChartRenderer.PALETTE.subList(0, 4)));
        cloud.setFontScalar(new SqrtFontScalar(10, 50));
        cloud.setAngleGenerator(new AngleGenerator(0));
        cloud.setWordStartStrategy(new SeededStart(seed));
        cloud.build(words);
        Png.write(cloud.getBufferedImage(), file);
    }

    /** Start points near the centre, drawn from a seeded generator. */
    private static final class SeededStart implements WordStartStrategy {
        private final Random random;

        SeededStart(long seed) {
            this.random = new Random(seed);
        }

        @Override
        public Point getStartingPoint(Dimension dimension, Word word) {
            int w = word.getDimension().width;
            int h = word.getDimension().height;
            int x = (int) ((dimension.width - w) * (0.5 + 0.35 * (random.nextDouble() - 0.5)));
            int y = (int) ((dimension.height - h) * (0.5 + 0.35 * (random.nextDouble() - 0.5)));
            return new Point(Math.max(0, x), Math.max(0, y));
        }
    }
}
