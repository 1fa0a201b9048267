package io.vigie.stack;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts the embedded stack once per test run (a JUnit launcher session), not once per class.
 *
 * <p>A module opts in with the system property {@code vigie.stack}: {@code services} starts
 * PostgreSQL, Elasticsearch and Keycloak; {@code all} also starts the packaged API and UI. Services
 * already answering on the test ports are reused and left running, so an IDE run beside a running
 * test stack is quick. The test profile has its own ports and data, apart from the run command's.
 */
public class StackSessionListener implements LauncherSessionListener {

    private VigieStack stack;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String mode = System.getProperty("vigie.stack", "off");
        if ("off".equals(mode)) {
            return;
        }
        StackSettings settings = StackSettings.forProfile("test", "all".equals(mode));
        stack = VigieStack.start(settings, true);
        // Should the test JVM be stopped without closing the session, still stop the services.
        VigieStack started = stack;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "vigie-test-stack-stop"));
        TestStack.publish(stack);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (stack != null) {
            stack.close();
            stack = null;
        }
    }
}
