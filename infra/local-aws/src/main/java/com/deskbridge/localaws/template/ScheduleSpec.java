package com.deskbridge.localaws.template;

import java.util.List;

/**
 * A schedule: a function's Schedule/ScheduleV2 event, or an {@code AWS::Events::Rule} with a ScheduleExpression.
 *
 * @param id {@code Function.Event} or the rule's logical id
 * @param expression rate(...), cron(...) or at(...)
 * @param timezone IANA zone for cron/at (ScheduleExpressionTimezone), or null for UTC
 * @param enabled disabled schedules are listed but never run by the timer
 * @param v2 true for EventBridge Scheduler (ScheduleV2)
 * @param targets what the schedule invokes; each target carries its own Input
 */
public record ScheduleSpec(String id, String expression, String timezone, boolean enabled, boolean v2,
                           List<RuleSpec.Target> targets) {
}
