package org.conventionledger.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.conventionledger.platform.storage.OwnerOnlyFiles;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/**
 * The data directory is owner-only before any store opens a file in it, and again once the service is
 * up (files the stores created while starting). The embedded H2's automatic mixed mode opens a TCP
 * server for the other service; {@code h2.bindAddress} keeps it on the loopback interface (H2 binds every
 * interface otherwise), set here before the first database opens. Each service imports it.
 */
@Configuration
public class DataDirectory {

    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    @Bean
    static BeanFactoryPostProcessor ownerOnlyDataDirectory(Environment environment) {
        return beanFactory -> {
            if (System.getProperty(H2_BIND_ADDRESS) == null) {
                System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
            }
            restrict(environment);
        };
    }

    @EventListener(ApplicationReadyEvent.class)
    void restrictWhatTheStoresCreated(ApplicationReadyEvent ready) {
        restrict(ready.getApplicationContext().getEnvironment());
    }

    private static void restrict(Environment environment) {
        try {
            OwnerOnlyFiles.restrict(Path.of(environment.getRequiredProperty("ledger.data-dir")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the data directory owner-only", e);
        }
    }
}
