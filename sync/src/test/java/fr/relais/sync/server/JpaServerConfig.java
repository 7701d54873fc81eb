package fr.relais.sync.server;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.PackageLoaderConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.searchparam.config.NicknameServiceConfig;
import ca.uhn.fhir.jpa.test.config.TestHSearchAddInConfig;
import ca.uhn.fhir.jpa.test.config.TestHapiJpaConfig;
import ca.uhn.fhir.jpa.test.config.TestJPAConfig;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicConfig;
import java.util.Properties;
import javax.sql.DataSource;
import org.apache.commons.dbcp2.BasicDataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * HAPI's own R4 JPA test configuration ({@code TestR4Config}: the same storage, search, transaction, paging and batch
 * modules) without what only HAPI's own tests use and every start and request of ours paid for: the Lucene full-text
 * index (Relais searches no text: {@code _content}, {@code _text} and {@code :text} appear nowhere), the data-source
 * proxy that records every SQL statement for query-count assertions, and a connection pool of a random size (3 to 8,
 * chosen to shake out HAPI's own deadlocks) where test classes run side by side.
 */
@Configuration
@Import({JpaR4Config.class, PackageLoaderConfig.class, TestHapiJpaConfig.class, TestJPAConfig.class,
        SubscriptionTopicConfig.class, TestHSearchAddInConfig.NoFT.class, JpaBatch2Config.class, Batch2JobsConfig.class,
        NicknameServiceConfig.class})
public class JpaServerConfig {
    private static final int CONNECTIONS = 10;

    @Bean
    public DataSource dataSource() {
        BasicDataSource pool = new BasicDataSource();
        pool.setDriver(new org.h2.Driver());
        pool.setUrl("jdbc:h2:mem:relais_sync_tests");
        pool.setUsername("");
        pool.setPassword("");
        pool.setMaxTotal(CONNECTIONS);
        pool.setMaxWait(java.time.Duration.ofSeconds(30));
        return pool;
    }

    @Bean
    public LocalContainerEntityManagerFactoryBean entityManagerFactory(ConfigurableListableBeanFactory beans, FhirContext fhir,
                                                                       JpaStorageSettings settings, DataSource dataSource,
                                                                       TestHSearchAddInConfig.IHSearchConfigurer fullText) {
        LocalContainerEntityManagerFactoryBean factory = HapiEntityManagerFactoryUtil.newEntityManagerFactory(beans, fhir, settings);
        factory.setPersistenceUnitName("PU_HapiFhirJpaR4");
        factory.setDataSource(dataSource);
        Properties jpa = new Properties();
        jpa.put("hibernate.format_sql", "false");
        jpa.put("hibernate.show_sql", "false");
        jpa.put("hibernate.hbm2ddl.auto", "update");
        jpa.put("hibernate.dialect", HapiFhirH2Dialect.class.getName());
        fullText.apply(jpa);
        factory.setJpaProperties(jpa);
        return factory;
    }
}
