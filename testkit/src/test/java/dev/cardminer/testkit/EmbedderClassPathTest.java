package dev.cardminer.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbedderClassPathTest {

    @Test
    void readsMavensListLeavingOutWhatADependentDoesNotGet() {
        EmbedderClassPath path = EmbedderClassPath.parse(List.of(
                "",
                "The following files have been resolved:",
                "   org.slf4j:slf4j-api:jar:1.7.36:compile:/m2/slf4j-api-1.7.36.jar -- module org.slf4j [auto]",
                "   dev.cardminer:cardminer-core:jar:0.1.0-SNAPSHOT:compile:/work/core/target/classes",
                "   org.duckdb:duckdb_jdbc:jar:1.5.6.0:runtime:/m2/duckdb_jdbc-1.5.6.0.jar (optional) -- module duckdb.jdbc [auto]",
                "   org.example:native-lib:jar:linux-x86_64:1.0:runtime:/m2/native-lib-1.0-linux-x86_64.jar",
                ""));
        assertThat(path.artifacts()).containsExactly("org.slf4j:slf4j-api", "dev.cardminer:cardminer-core",
                "org.example:native-lib");
        // a classifier is one field more before the file, not part of it
        assertThat(path.files()).containsExactly(java.nio.file.Path.of("/m2/slf4j-api-1.7.36.jar"),
                java.nio.file.Path.of("/work/core/target/classes"),
                java.nio.file.Path.of("/m2/native-lib-1.0-linux-x86_64.jar"));
    }
}
