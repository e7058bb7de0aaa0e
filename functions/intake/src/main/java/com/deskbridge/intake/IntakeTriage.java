package com.deskbridge.intake;

import com.deskbridge.domain.intake.MessageTriage;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.sla.Milestone;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.sla.SellerSlaPolicy;
import com.deskbridge.domain.sla.SlaCalculator;
import com.deskbridge.domain.sla.SlaPolicies;
import com.deskbridge.domain.sla.WaitingTicket;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.intent.Intent;
import com.deskbridge.intent.IntentClassifier;
import com.deskbridge.intent.IntentResult;
import com.deskbridge.intent.Tagger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Intake's triage: the buyer message's intent and tags (multilingual classifier, seller rules) and the SLA
 * timeline it starts (seller policy, channel deadline, cancellation and delivery urgency).
 */
public final class IntakeTriage implements MessageTriage {
    private final IntentClassifier classifier;
    private final Tagger tagger;
    private final SlaCalculator sla;
    private final ZoneId sellerZone;

    public IntakeTriage(IntentClassifier classifier, Tagger tagger, SlaPolicies policies, ZoneId sellerZone) {
        this.classifier = Objects.requireNonNull(classifier);
        this.tagger = Objects.requireNonNull(tagger);
        this.sla = new SlaCalculator(Objects.requireNonNull(policies));
        this.sellerZone = Objects.requireNonNull(sellerZone);
    }

    /**
     * The default policy every seller has until it stores its own: business hours Monday to Friday 09:00-17:00 in
     * {@code timeZone}, targets 6 h inside and 12 h outside business hours, at risk at 75 % of the window.
     */
    public static SlaPolicies defaultPolicies(String timeZone) {
        SellerSlaPolicy.Builder policy = SellerSlaPolicy.builder().timeZone(timeZone);
        for (String day : List.of("mon", "tue", "wed", "thu", "fri")) {
            policy.open(day, "09:00", "17:00");
        }
        return SlaPolicies.of(policy.build());
    }

    @Override
    public Triage triage(InboundMessage message) {
        IntentResult result = classifier.classify(message.subject(), message.body());
        List<String> tags = tagger.tag(result, message.subject(), message.body(),
                message.receivedAt().atZone(sellerZone).toLocalDate()).tags();
        Intent intent = result.intent();
        WaitingTicket waiting = new WaitingTicket(message.channel(), message.receivedAt(),
                intent == Intent.DELIVERY_PROBLEM, null,
                intent == Intent.CANCELLATION_REQUEST ? message.receivedAt() : null);
        Map<MilestoneKind, Instant> milestones = new EnumMap<>(MilestoneKind.class);
        for (Milestone m : sla.timelineFor(waiting).milestones()) {
            milestones.put(m.kind(), m.at());
        }
        return new Triage(intent.name(), tags, milestones);
    }
}
