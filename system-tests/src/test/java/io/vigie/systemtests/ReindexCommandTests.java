package io.vigie.systemtests;

import io.vigie.stack.ReindexCommand;
import io.vigie.stack.TestStack;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's rebuild command against the packaged API: it signs in, starts, follows and ends. */
class ReindexCommandTests {

    @Test
    void theCommandRebuildsTheIndexAndDrawsItsProgress() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ReindexCommand command = new ReindexCommand(TestStack.settings().apiUrl(), TestStack.settings().keycloakUrl());

        boolean done = command.run("emma.dubois", "demo", new PrintStream(printed, true, StandardCharsets.UTF_8));

        String output = printed.toString(StandardCharsets.UTF_8);
        assertThat(done).as(output).isTrue();
        assertThat(output).contains("100%").contains("documents").contains("now serves searches");
        assertThat(new ReindexCommand(TestStack.settings().apiUrl(), TestStack.settings().keycloakUrl())
                .run("bruno.petit", "demo", new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)))
                .as("an employee may not rebuild the index").isFalse();
    }
}
