package io.vigie.esnode;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.common.settings.Settings;

/**
 * Sends the node's log to standard error, keeping standard output for the readiness line.
 *
 * <p>{@link LogConfigurator#configureWithoutConfig} wires Elasticsearch to log4j but installs no
 * appender, so without this every message, errors included, would be dropped.
 */
final class NodeLogging {

    private static final String PATTERN = "[%d{ISO8601}][%-5p][%c{1.}] %m%n";
    /** log4j is configured once per JVM; a node restarted in the same JVM keeps it. */
    private static final AtomicBoolean CONFIGURED = new AtomicBoolean();

    private NodeLogging() {
    }

    static void configureOnce(Settings settings, String level) {
        if (!CONFIGURED.compareAndSet(false, true)) {
            return;
        }
        LogConfigurator.configureWithoutConfig(settings);
        Configurator.reconfigure(toStandardError(Level.toLevel(level, Level.WARN)));
    }

    private static BuiltConfiguration toStandardError(Level level) {
        ConfigurationBuilder<BuiltConfiguration> config = ConfigurationBuilderFactory.newConfigurationBuilder();
        config.setStatusLevel(Level.ERROR);
        config.setConfigurationName("vigie-es-node");
        config.add(config.newAppender("stderr", "Console")
                .addAttribute("target", ConsoleAppender.Target.SYSTEM_ERR)
                .add(config.newLayout("PatternLayout").addAttribute("pattern", PATTERN)));
        config.add(config.newRootLogger(level).add(config.newAppenderRef("stderr")));
        return config.build();
    }
}
