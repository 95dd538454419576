package org.conventionledger.query.platform;

import java.util.Set;

/**
 * The views that can be asked "as of" a past bound, one per key (a votation's ranking, a convention's
 * dashboard), and how the events of the log change them: the live projection's pure update class. The
 * checkpoints ({@link AsOfCheckpointing}) fold every key of every fold; a replay ({@link CheckpointedReplay})
 * one key of one fold.
 *
 * @param <S> the state of one key's view
 */
public interface AsOfFold<S> {

    /** The fold's name in the checkpoints; renaming it orphans its stored states until the next rebuild. */
    String name();

    /** The payload types that may change a view. */
    Set<Class<?>> types();

    /** The key of the view a payload of one of the {@link #types()} changes; null for none. */
    String keyOf(Object payload);

    /** The view of the key before the first event of the log. */
    S empty(String key);

    /** An independent copy of a view. */
    S copy(S state);

    /** Applies the payload, one of the key's, to its view. */
    void apply(S state, Object payload);
}
