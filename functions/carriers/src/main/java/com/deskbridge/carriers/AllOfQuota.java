package com.deskbridge.carriers;

import com.deskbridge.http.Quota;
import java.util.List;

/**
 * A call needs a permit from every member (DHL: 1 per second and 250 per day). Members are asked in order and
 * asking stops at the first refusal; a permit already taken from an earlier member is then forfeited, which errs
 * on the side of fewer calls. So list quick-refilling rates first and scarce budgets last: only a cheap per-second
 * token is ever lost, never a daily one.
 */
public final class AllOfQuota implements Quota {

    private final List<Quota> members;

    public AllOfQuota(List<Quota> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("at least one quota");
        }
        this.members = List.copyOf(members);
    }

    @Override
    public synchronized Decision take() {
        for (Quota q : members) {
            Decision d = q.take();
            if (d instanceof Denied) {
                return d;
            }
        }
        return GRANTED;
    }
}
