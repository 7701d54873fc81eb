package fr.relais.app.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.util.Map;

/**
 * Relais' logging, set up in code (Logback's {@link Configurator}, found through {@code META-INF/services}) instead of
 * an XML file that Logback's Joran would parse at every start, a cold cost every command line paid (docs/benchmarks.md,
 * "Eleventh pass: a cold JVM"). Logs go to a rolling file in the user data folder only ({@link LogSetup}): the console
 * is the command line's own output. No names, INS or birth dates at INFO and above: log ids and codes.
 *
 * <p>A configuration file named with {@code -Dlogback.configurationFile} (an administrator's, through
 * {@code JDK_JAVA_OPTIONS}, docs/admin-guide.md) or a {@code logback-test.xml} on the class path (the tests') is still read by Logback as
 * before: this configurator then steps aside.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class RelaisLogConfigurator extends ContextAwareBase implements Configurator {
    static final String PATTERN = "%d{ISO8601} %-5level [%thread] %logger{36} - %msg%n";
    /** Libraries whose INFO lines say nothing a user or an administrator needs. */
    static final Map<String, Level> QUIET = Map.of("org.flywaydb", Level.WARN, "com.zaxxer.hikari", Level.WARN, "org.jooq", Level.WARN);

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        boolean fileToRead = System.getProperty("logback.configurationFile") != null
                || RelaisLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null;
        return fileToRead ? ExecutionStatus.INVOKE_NEXT_IF_ANY : configure(context, System.getProperty(LogSetup.LOG_DIR_PROPERTY,
                Path.of(System.getProperty("user.home"), ".local", "share", "relais", "logs").toString()));
    }

    /** The rolling file in {@code folder}, for every logger at INFO but {@link #QUIET}'s. */
    ExecutionStatus configure(LoggerContext context, String folder) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(folder + "/relais.log");

        SizeAndTimeBasedRollingPolicy<ILoggingEvent> rolling = new SizeAndTimeBasedRollingPolicy<>();
        rolling.setContext(context);
        rolling.setParent(file);
        rolling.setFileNamePattern(folder + "/relais-%d{yyyy-MM-dd}.%i.log.gz");
        rolling.setMaxFileSize(FileSize.valueOf("10MB"));
        rolling.setMaxHistory(30);
        rolling.setTotalSizeCap(FileSize.valueOf("300MB"));
        rolling.start();

        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        file.setRollingPolicy(rolling);
        file.setEncoder(encoder);
        file.start();

        QUIET.forEach((name, level) -> context.getLogger(name).setLevel(level));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.INFO);
        root.addAppender(file);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
