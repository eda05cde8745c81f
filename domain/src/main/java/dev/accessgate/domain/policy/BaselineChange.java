package dev.accessgate.domain.policy;

/**
 * What a baseline did to one part of the state (objects or containers).
 *
 * @param listed       distinct things the baseline lists
 * @param superseded   of those, how many were ignored because a newer baseline covers them
 * @param newlyBlocked things blocked now that were not blocked before
 * @param unblocked    things blocked before that are not blocked now
 */
public record BaselineChange(long listed, long superseded, long newlyBlocked, long unblocked) {

    /** No change at all. */
    public static final BaselineChange NONE = new BaselineChange(0, 0, 0, 0);

    public BaselineChange {
        if (listed < 0 || superseded < 0 || newlyBlocked < 0 || unblocked < 0 || superseded > listed) {
            throw new IllegalArgumentException("invalid counts " + listed + "/" + superseded + "/" + newlyBlocked
                    + "/" + unblocked);
        }
    }
}
