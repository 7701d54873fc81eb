package fr.relais.teamserver;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import ca.uhn.fhir.mdm.api.IMdmRuleValidator;
import ca.uhn.fhir.mdm.rules.config.MdmRuleValidator;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.jpa.searchparam.submit.config.SearchParamSubmitterConfig;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binstore.DatabaseBinaryContentStorageSvcImpl;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * HAPI FHIR JPA R4 as Relais needs it, on the database the settings name. HAPI's own configurations bring the DAOs,
 * the resource providers, versioning and history, transactions and the Batch2 jobs behind Bulk Data {@code $export};
 * what is left to this class is the database (a HikariCP pool, PostgreSQL or H2 with HAPI's dialect, the schema
 * created and updated by HAPI's Hibernate mapping) and the storage settings. No validator is registered: the server
 * stores FR Core and Relais's own extensions as sent, whatever profiles they claim.
 */
@Configuration
@Import({JpaR4Config.class, HapiJpaConfig.class, JpaBatch2Config.class, Batch2JobsConfig.class,
        // The in-memory message channels HAPI's storage and subscription matching send through (one node; a cluster
        // of nodes would share a broker instead).
        SubscriptionSubmitterConfig.class, SubscriptionProcessorConfig.class, SubscriptionChannelConfig.class,
        SearchParamSubmitterConfig.class, ThreadPoolFactoryConfig.class})
public class TeamServerJpaConfig {

    @Bean
    public JpaStorageSettings storageSettings() {
        JpaStorageSettings settings = new JpaStorageSettings();
        // Relais pushes each record under its own UUID (PUT Resource/uuid): the server must accept client ids.
        settings.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ANY);
        // A team member's export (a new laptop's first sync) is a small Batch2 job: with fast tracking each step starts
        // when the previous one ends, instead of at HAPI's next maintenance pass (about a minute a step), so a small
        // team's first sync by export takes seconds, not minutes.
        settings.setJobFastTrackingEnabled(true);
        return settings;
    }

    @Bean
    public PartitionSettings partitionSettings() {
        return new PartitionSettings();
    }

    @Bean
    public SubscriptionSettings subscriptionSettings() {
        return new SubscriptionSettings();
    }

    @Bean(destroyMethod = "close")
    public HikariDataSource dataSource(TeamServerSettings settings) {
        HikariConfig pool = new HikariConfig();
        pool.setJdbcUrl(settings.jdbcUrl());
        pool.setUsername(settings.jdbcUser());
        pool.setPassword(settings.jdbcPassword());
        pool.setPoolName("relais-team-server");
        // HAPI holds a connection per request and a few for its jobs; PostgreSQL's default max_connections is 100.
        pool.setMaximumPoolSize(20);
        return new HikariDataSource(pool);
    }

    @Bean
    public LocalContainerEntityManagerFactoryBean entityManagerFactory(ConfigurableListableBeanFactory beans, FhirContext fhir,
                                                                       JpaStorageSettings storage, DataSource dataSource,
                                                                       TeamServerSettings settings) {
        LocalContainerEntityManagerFactoryBean factory = HapiEntityManagerFactoryUtil.newEntityManagerFactory(beans, fhir, storage);
        factory.setPersistenceUnitName("HAPI_PU");
        factory.setDataSource(dataSource);
        Properties jpa = new Properties();
        jpa.put("hibernate.dialect", settings.postgres() ? HapiFhirPostgresDialect.class.getName() : HapiFhirH2Dialect.class.getName());
        // HAPI's mapping creates the schema on a new database and adds what a newer HAPI needs (docs/admin-guide.md,
        // "Mise à jour": a major upgrade runs HAPI's migrator first).
        jpa.put("hibernate.hbm2ddl.auto", "update");
        jpa.put("hibernate.format_sql", "false");
        jpa.put("hibernate.show_sql", "false");
        jpa.put("hibernate.search.enabled", "false");
        // A pushed transaction's rows (versions, index rows, tags) sent to PostgreSQL in batches rather than one
        // statement at a time (HAPI's starter server does the same); no second-level or query cache.
        jpa.put("hibernate.jdbc.batch_size", "30");
        jpa.put("hibernate.order_inserts", "true");
        jpa.put("hibernate.order_updates", "true");
        jpa.put("hibernate.cache.use_query_cache", "false");
        jpa.put("hibernate.cache.use_second_level_cache", "false");
        factory.setJpaProperties(jpa);
        return factory;
    }

    @Bean
    @Primary
    public JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
        return new JpaTransactionManager(entityManagerFactory);
    }

    /**
     * Subscription matching needs a mail sender; the team server delivers no e-mail (a nurse's data would leave by an
     * unencrypted channel), so an e-mail subscription's delivery fails, visibly, in the server's log.
     */
    @Bean
    public IEmailSender emailSender() {
        return email -> {
            throw new UnsupportedOperationException("The Relais team server sends no e-mail (subscription " + email.getSubscriptionId() + ")");
        };
    }

    /** HAPI's JPA stack validates MDM rules when some are given; Relais gives none, the validator is still wired. */
    @Bean
    public IMdmRuleValidator mdmRuleValidator(FhirContext fhir, ISearchParamRegistry searchParameters) {
        return new MdmRuleValidator(fhir, searchParameters);
    }

    /** Bulk export files and any Binary stay in the database: one thing to back up (pg_dump). */
    @Bean
    public IBinaryStorageSvc binaryStorage() {
        return new DatabaseBinaryContentStorageSvcImpl();
    }
}
