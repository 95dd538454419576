package org.conventionledger.command;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The write side: REST commands → aggregates → the event log (port 8081). */
@SpringBootApplication
public class CommandServiceApplication {

    static {
        // A city's system makes no outbound calls: Axon's usage reporting reads this before Spring starts.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
