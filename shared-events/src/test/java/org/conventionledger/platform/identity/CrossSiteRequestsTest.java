package org.conventionledger.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The cross-site rule: forged browser requests refused, the ledger's own clients and reads let through. */
class CrossSiteRequestsTest {

    private static final String OWN = "https://ledger.example.org";

    @Test
    void aWriteFromAnotherSiteIsRefusedWhateverItCarries() {
        assertThat(CrossSiteRequests.refused("POST", "cross-site", null, OWN, true))
                .isTrue();
        assertThat(CrossSiteRequests.refused("POST", "cross-site", null, OWN, false))
                .isTrue();
        assertThat(CrossSiteRequests.refused("DELETE", "same-site", null, OWN, true))
                .isTrue();
        // an older browser without Fetch Metadata still names the page's origin
        assertThat(CrossSiteRequests.refused("POST", null, "https://evil.example", OWN, true))
                .isTrue();
        assertThat(CrossSiteRequests.refused("POST", null, "null", OWN, true)).isTrue();
    }

    @Test
    void aCredentialedReadFromAnotherSiteIsRefused() {
        assertThat(CrossSiteRequests.refused("GET", "cross-site", null, OWN, true))
                .isTrue();
        assertThat(CrossSiteRequests.refused("GET", null, "https://evil.example", OWN, true))
                .isTrue();
    }

    @Test
    void anAnonymousReadFromAnotherSiteIsAllowed() {
        assertThat(CrossSiteRequests.refused("GET", "cross-site", "https://city.example", OWN, false))
                .isFalse();
    }

    @Test
    void nonBrowserClientsAndTheLedgersOwnPagesAreAllowed() {
        assertThat(CrossSiteRequests.refused("POST", null, null, OWN, true)).isFalse();
        assertThat(CrossSiteRequests.refused("POST", "same-origin", OWN, OWN, true))
                .isFalse();
        assertThat(CrossSiteRequests.refused("POST", null, OWN, OWN, true)).isFalse();
        assertThat(CrossSiteRequests.refused("GET", "none", null, OWN, true)).isFalse();
    }
}
