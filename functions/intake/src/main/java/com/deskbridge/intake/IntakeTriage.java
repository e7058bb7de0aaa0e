package com.deskbridge.intake;

import com.deskbridge.domain.intake.MessageTriage;
import com.deskbridge.domain.intake.Triage;
import com.deskbridge.domain.sla.Milestone;
import com.deskbridge.domain.sla.MilestoneKind;
import com.deskbridge.domain.sla.SlaCalculator;
import com.deskbridge.domain.sla.SlaPolicies;
import com.deskbridge.domain.sla.WaitingTicket;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import com.deskbridge.intent.Intent;
import com.deskbridge.intent.IntentClassifier;
import com.deskbridge.intent.IntentResult;
import com.deskbridge.intent.Language;
import com.deskbridge.intent.Tagger;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Intake's triage: the buyer message's intent with its calibrated confidence, its language, and tags (learned
 * classifier, seller rules; an uncertain intent adds the reserved tag {@code needs-triage}), and the SLA timeline it
 * starts (seller policy, channel deadline, cancellation and delivery urgency). The milestones follow the model's
 * best intent even when it needs triage: a possible cancellation keeps its deadline until a person has looked.
 */
public final class IntakeTriage implements MessageTriage {
    private final IntentClassifier classifier;
    private final Function<SellerId, Tagger> taggers;
    private final Function<SellerId, SlaPolicies> policies;

    /**
     * @param taggers  the seller's tagger (its own rules, or none)
     * @param policies the seller's SLA policies (stored, or the default)
     */
    public IntakeTriage(IntentClassifier classifier, Function<SellerId, Tagger> taggers,
                        Function<SellerId, SlaPolicies> policies) {
        this.classifier = Objects.requireNonNull(classifier);
        this.taggers = Objects.requireNonNull(taggers);
        this.policies = Objects.requireNonNull(policies);
    }

    @Override
    public Triage triage(InboundMessage message) {
        SlaPolicies sellerPolicies = policies.apply(message.seller());
        ZoneId sellerZone = sellerPolicies.sellerDefault().calendar().zone();
        IntentResult result = classifier.classify(message.subject(), message.body());
        List<String> tags = taggers.apply(message.seller()).tag(result, message.subject(), message.body(),
                message.receivedAt().atZone(sellerZone).toLocalDate()).tags();
        Intent intent = result.intent();
        WaitingTicket waiting = new WaitingTicket(message.channel(), message.receivedAt(),
                intent == Intent.DELIVERY_PROBLEM, null,
                intent == Intent.CANCELLATION_REQUEST ? message.receivedAt() : null);
        Map<MilestoneKind, Instant> milestones = new EnumMap<>(MilestoneKind.class);
        for (Milestone m : new SlaCalculator(sellerPolicies).timelineFor(waiting).milestones()) {
            milestones.put(m.kind(), m.at());
        }
        String language = result.language() == Language.UNKNOWN ? null : result.language().code();
        return new Triage(intent.name(), tags, milestones, language, result.confidence(), result.needsTriage());
    }
}
