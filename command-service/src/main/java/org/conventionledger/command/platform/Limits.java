package org.conventionledger.command.platform;

/**
 * Upper bounds on the lists a command may carry, checked by bean validation (a 400 naming the field):
 * well above any real convention, low enough that no single request can make a command, an event or a
 * projection document unreasonably large. Request bodies are bounded as a whole by {@link RequestGuard}.
 */
public final class Limits {

    /** Actions on a votation, and so choices on a ballot and counts in a desk's tally. */
    public static final int ITEMS = 500;
    /** People named in one command (a consent round's participants, a session's attendance). */
    public static final int PEOPLE = 1_000;
    /** Any other list (documents, criteria, grades, candidates, attachments, quotas, lists drawn from). */
    public static final int ENTRIES = 100;

    private Limits() {}
}
