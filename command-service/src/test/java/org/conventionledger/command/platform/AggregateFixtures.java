package org.conventionledger.command.platform;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/** An aggregate's test fixture with the collaborators its handlers take as parameters. */
public final class AggregateFixtures {

    private AggregateFixtures() {}

    public static <T> FixtureConfiguration<T> fixture(Class<T> aggregate, Object... resources) {
        FixtureConfiguration<T> fixture = new AggregateTestFixture<>(aggregate);
        for (Object resource : resources) {
            fixture.registerInjectableResource(resource);
        }
        return fixture;
    }
}
