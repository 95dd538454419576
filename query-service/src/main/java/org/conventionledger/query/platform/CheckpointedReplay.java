package org.conventionledger.query.platform;

import org.springframework.stereotype.Component;

/**
 * "As of" replays that read only the tail of the log: a view (one key of an {@link AsOfFold}) as of a
 * bound starts from the latest persisted checkpoint all of whose events the bound includes
 * ({@link AsOfCheckpoints}, taken by {@link AsOfCheckpointing} as the log is written), passes over the
 * checkpoints whose events it neither includes nor stops at (all recorded after the instant, none more
 * than the clock slack after it), and reads the rest from the log ({@link LogTail}); its view is the one
 * the full replay of {@link LogReplay} gives.
 *
 * <p>A checkpoint holds what had been committed when it was taken: a transaction that committed later
 * with a lower position left a gap in the checkpoint's token, and a stream opened at that token delivers
 * the late event first, so the replay applies it (once: it keeps the positions it applied). Should such
 * a late event be one the replay must stop at, the checkpoints cannot say which of their events the full
 * replay would have left out, and the view is rebuilt by a full replay instead; so is a view whose stored
 * state a rebuild of the checkpoints has just dropped, or that the checkpoints could not fold.
 */
@Component
public class CheckpointedReplay {

    /** The view rebuilt, and what was read for it. */
    public record Result<S>(S state, LogReplay.Replayed replayed) {}

    private record Key(String fold, String key, LogReplay.Bound bound) {}

    private final LogReplay fullReplay;
    private final AsOfCheckpoints checkpoints;
    private final AsOfCache cache;

    public CheckpointedReplay(LogReplay fullReplay, AsOfCheckpoints checkpoints, AsOfCache cache) {
        this.fullReplay = fullReplay;
        this.checkpoints = checkpoints;
        this.cache = cache;
    }

    /** The view of {@code key} as of the bound, from the {@link AsOfCache} or replayed (then kept there). */
    public <S> Result<S> asOf(AsOfFold<S> fold, String key, LogReplay.Bound bound) {
        return cache.get(
                new Key(fold.name(), key, bound),
                () -> replay(fold, key, bound),
                r -> r.replayed().settled());
    }

    /**
     * The view of {@code key} as of the bound, from the checkpoints; under the same limit of concurrent
     * replays as {@link LogReplay}.
     */
    public <S> Result<S> replay(AsOfFold<S> fold, String key, LogReplay.Bound bound) {
        return fullReplay.withPermit(() -> {
            Result<S> result = fromCheckpoints(fold, key, bound);
            if (result != null) {
                return result;
            }
            S state = fold.empty(key);
            LogReplay.Replayed replayed = fullReplay.scan(
                    bound, fold.types(), p -> key.equals(fold.keyOf(p)), e -> fold.apply(state, e.getPayload()));
            return new Result<>(state, replayed);
        });
    }

    @SuppressWarnings("unchecked")
    private <S> Result<S> fromCheckpoints(AsOfFold<S> fold, String key, LogReplay.Bound bound) {
        AsOfCheckpoints.Known known = checkpoints.known();
        int base = LogTail.base(known.checkpoints(), bound);
        String view = AsOfCheckpoints.viewKey(fold, key);
        long storedAt = known.storedAt(view, base);
        S state;
        long applied;
        if (storedAt == 0) {
            state = fold.empty(key);
            applied = 0;
        } else {
            AsOfCheckpoints.StateDocument stored = checkpoints.state(known.epoch(), view, storedAt);
            if (stored == null || stored.state() == null) {
                return null;
            }
            state = (S) stored.state();
            applied = stored.applied();
        }
        LogReplay.Replayed replayed = LogTail.read(
                fullReplay.eventStore(),
                fullReplay.pages(),
                fullReplay.clockSlack(),
                bound,
                known.checkpoints(),
                base,
                applied,
                new LogTail.Selection(
                        fold.types(), p -> key.equals(fold.keyOf(p)), e -> fold.apply(state, e.getPayload())));
        return replayed == null ? null : new Result<>(state, replayed);
    }
}
