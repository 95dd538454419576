package org.conventionledger.command.oversight;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The command service with its tree-head signer ticking fast: heads settle after 4 s instead of minutes, so
 * tests see heads signed and holes taken in while they wait.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        properties = {
            "ledger.security.mode=oidc",
            "ledger.tree-heads.tick=PT0.2S",
            "ledger.tree-heads.settle-after=PT4S",
            "ledger.eventstore.transaction-timeout=PT2S"
        })
@interface TreeHeadsOnATick {}
