package org.conventionledger.query;

import org.conventionledger.platform.ApiSecurity;
import org.conventionledger.platform.DataDirectory;
import org.conventionledger.platform.ErrorProblems;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The read side: event processors → MongoDB projections → REST read API (port 8082). */
@SpringBootApplication
// the platform both services share, outside their component scan
@Import({DataDirectory.class, ErrorProblems.class, ApiSecurity.class})
@EnableScheduling
public class QueryServiceApplication {

    static {
        // A city's system makes no outbound calls: Axon's usage reporting reads this before Spring starts.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    public static void main(String[] args) {
        SpringApplication.run(QueryServiceApplication.class, args);
    }
}
