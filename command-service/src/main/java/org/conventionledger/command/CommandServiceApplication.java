package org.conventionledger.command;

import org.conventionledger.platform.ApiSecurity;
import org.conventionledger.platform.DataDirectory;
import org.conventionledger.platform.ErrorProblems;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** The write side: REST commands → aggregates → the event log (port 8081). */
@SpringBootApplication
// the platform both services share, outside their component scan
@Import({DataDirectory.class, ErrorProblems.class, ApiSecurity.class})
public class CommandServiceApplication {

    static {
        // A city's system makes no outbound calls: Axon's usage reporting reads this before Spring starts.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(CommandServiceApplication.class, args);
    }
}
