package dev.cardminer.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlEscaperTest {

    private final HtmlEscaper escaper = new HtmlEscaper();

    @Test
    void escapesMarkupAndQuotes() {
        assertThat(escaper.escape("<script>alert('x')</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(escaper.escape("\" onmouseover=\"x")).isEqualTo("&quot; onmouseover=&quot;x");
        assertThat(escaper.escape("a & b &amp;")).isEqualTo("a &amp; b &amp;amp;");
    }

    @Test
    void keepsPlainTextAndReplacesControlCharacters() {
        String plain = "apache-2.0 — ünïcødé 🤗\tand\nlines";
        assertThat(escaper.escape(plain)).isSameAs(plain);
        assertThat(escaper.escape("a\u0000b\u001bc")).isEqualTo("a\uFFFDb\uFFFDc");
        assertThat(escaper.escape(null)).isEmpty();
    }
}
