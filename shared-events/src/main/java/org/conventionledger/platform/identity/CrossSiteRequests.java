package org.conventionledger.platform.identity;

import java.util.Locale;
import java.util.Set;

/**
 * The rule both services apply against cross-site request forgery. Neither keeps a session or reads a
 * cookie, but a browser that was once given HTTP Basic credentials for the ledger's origin attaches them
 * on its own to any later request to it, including a form another site submits. A forged request is
 * recognised by what browsers say about where it comes from, which a page cannot fake:
 * {@code Sec-Fetch-Site} (Fetch Metadata, sent by every current browser) and, for older ones,
 * {@code Origin}. Refused: any request that changes something, and any request carrying credentials,
 * sent from another site. Non-browser clients (the {@code ledger} tool, the voting platform, scripts)
 * send neither header and are not affected. Plain Java, so both services share it.
 */
public final class CrossSiteRequests {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private CrossSiteRequests() {}

    /**
     * Whether to refuse the request.
     *
     * @param method        the HTTP method
     * @param fetchSite     the {@code Sec-Fetch-Site} header, null if absent
     * @param origin        the {@code Origin} header, null if absent
     * @param ownOrigin     this service's origin as the request reached it ({@code scheme://host[:port]})
     * @param credentials   whether the request carries an {@code Authorization} header or a cookie
     */
    public static boolean refused(
            String method, String fetchSite, String origin, String ownOrigin, boolean credentials) {
        boolean sensitive = credentials || !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
        if (!sensitive) {
            return false;
        }
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            // "none": typed in the address bar or a bookmark; "same-origin": the ledger's own pages
            return !site.equals("none") && !site.equals("same-origin");
        }
        // an opaque origin ("null": a sandboxed frame, a redirect across sites) is another site too
        return origin != null && !origin.strip().equalsIgnoreCase(ownOrigin);
    }
}
