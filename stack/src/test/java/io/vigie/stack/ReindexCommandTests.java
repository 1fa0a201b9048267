package io.vigie.stack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReindexCommandTests {

    @Test
    void theProgressBarFillsWithTheShareDone() {
        assertThat(ReindexCommand.progressLine(0, 200, 0)).startsWith("[------------------------------]   0%");
        assertThat(ReindexCommand.progressLine(100, 200, 5120.4)).startsWith("[###############---------------]  50%")
                .contains("100 / 200 documents").endsWith("5,120/s");
        assertThat(ReindexCommand.progressLine(12_345, 12_345, 0)).contains("100%").contains("12,345 / 12,345");
        assertThat(ReindexCommand.progressLine(7, 0, 0)).contains("100%");
    }
}
