package fr.relais.app.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RelaisLogConfiguratorTest {
    @TempDir
    Path dir;

    /** What a nurse's command line or desktop logs goes to the data folder's rolling file, never to her terminal. */
    @Test
    void relaisLogsToARollingFileInTheDataFolderAndLeavesLibrariesQuiet() throws Exception {
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter()); // as SLF4J's provider gives it
        RelaisLogConfigurator configurator = new RelaisLogConfigurator();
        configurator.setContext(context);

        assertThat(configurator.configure(context, dir.toString())).isEqualTo(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        context.getLogger("fr.relais.core.identity.PatientService").info("Patient {} created with status PROV", "p-1");
        context.getLogger("fr.relais.core.identity.PatientService").debug("not at INFO");
        context.getLogger("org.flywaydb.core.FlywayExecutor").info("Database: jdbc:sqlite:x");
        context.getLogger("org.flywaydb.core.FlywayExecutor").warn("Flyway warns");
        var appender = (RollingFileAppender<?>) context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("FILE");
        context.stop();

        String log = Files.readString(dir.resolve("relais.log"), StandardCharsets.UTF_8);
        assertThat(log).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3} INFO  \\[[^]]+\\] "
                + "f\\.r\\.core\\.identity\\.PatientService - Patient p-1 created with status PROV");
        assertThat(log).contains("WARN").contains("Flyway warns").doesNotContain("not at INFO").doesNotContain("Database: jdbc");
        var rolling = (SizeAndTimeBasedRollingPolicy<?>) appender.getRollingPolicy();
        assertThat(rolling.getFileNamePattern()).isEqualTo(dir + "/relais-%d{yyyy-MM-dd}.%i.log.gz");
        assertThat(appender.getTriggeringPolicy()).isSameAs(rolling);
    }

    /** An administrator's file (-Dlogback.configurationFile) or the tests' logback-test.xml is still read by Logback. */
    @Test
    void aLogbackFileOfTheTestsOrOfAnAdministratorIsStillRead() {
        LoggerContext context = new LoggerContext();
        RelaisLogConfigurator configurator = new RelaisLogConfigurator();
        configurator.setContext(context);

        assertThat(configurator.configure(context)).as("logback-test.xml is on the tests' class path")
                .isEqualTo(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .as("Logback finds it as a service").contains(RelaisLogConfigurator.class);
    }
}
