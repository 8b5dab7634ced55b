package dev.cardminer.annotate;

import dev.cardminer.testkit.ApiComments;
import org.junit.jupiter.api.Test;

/** Every public type and member of {@code annotate}'s API, outside its internal package, has a javadoc comment. */
class ApiCommentsTest {

    @Test
    void everyPublicMemberHasAComment() {
        ApiComments.check();
    }
}
