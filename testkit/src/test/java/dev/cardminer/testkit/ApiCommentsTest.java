package dev.cardminer.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiCommentsTest {

    @TempDir
    Path src;

    private void write(String path, String text) throws Exception {
        Files.createDirectories(src.resolve(path).getParent());
        Files.writeString(src.resolve(path), text);
    }

    @Test
    void undocumentedPublicMembersAreListedWithTheirLine() throws Exception {
        write("dev/x/A.java", """
                package dev.x;

                /** A. */
                public class A {
                    /** Documented. */
                    public A() {
                    }

                    public void run() {
                    }

                    protected int size;

                    void packagePrivate() {
                    }

                    private void hidden() {
                    }

                    @Override
                    public String toString() {
                        return "";
                    }

                    /** Nested. */
                    public enum Kind { ONE }

                    public interface Reader {
                        String read();
                    }
                }
                """);
        assertThat(ApiComments.missing(src)).containsExactly(
                "dev/x/A.java:9: method run",
                "dev/x/A.java:12: field size",
                "dev/x/A.java:26: constant or field ONE",
                "dev/x/A.java:28: interface Reader",
                "dev/x/A.java:29: method read");
    }

    @Test
    void recordComponentsNeedAParamAndClassesAnExplicitConstructor() throws Exception {
        write("dev/x/R.java", """
                package dev.x;

                /**
                 * R.
                 *
                 * @param a the a
                 */
                public record R(int a, String b) {
                    /** Checks. */
                    public R {
                    }
                }
                """);
        write("dev/x/C.java", """
                package dev.x;

                /** C, with the default constructor. */
                public final class C {
                }
                """);
        assertThat(ApiComments.missing(src)).containsExactly(
                "dev/x/C.java:4: class C has the default constructor, which has no comment: declare it",
                "dev/x/R.java:8: record R: no @param for component b");
    }

    @Test
    void internalPackagesAndNonPublicTypesAreLeftOut() throws Exception {
        write("dev/x/internal/I.java", "package dev.x.internal;\npublic class I { public void run() {} }\n");
        write("dev/x/internal/deep/J.java", "package dev.x.internal.deep;\npublic class J { public void run() {} }\n");
        write("dev/x/P.java", "package dev.x;\nclass P { public void run() {} }\n");
        assertThat(ApiComments.missing(src)).isEmpty();
    }

    @Test
    void everyPublicMemberOfThisModuleHasAComment() {
        ApiComments.check();
    }

    @Test
    void aSourceThatDoesNotParseIsAnErrorNotASilentPass() throws Exception {
        write("dev/x/D.java", "package dev.x;\n/** D. */\npublic interface D { void run( }\n");
        assertThatThrownBy(() -> ApiComments.missing(src)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("D.java");
        assertThat(ApiComments.missing(src.resolve("nothing-here"))).isEmpty();
    }
}
