package com.deskbridge.audit;

import com.deskbridge.domain.ticket.SellerId;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The audit store in memory, for the module's tests (the DynamoDB one has its own test in adapters). */
final class InMemoryAuditStore implements AuditStore {
    final Map<String, AuditCopy> copies = new LinkedHashMap<>();
    final Map<String, AuditReport> reports = new LinkedHashMap<>();

    @Override
    public void record(AuditCopy copy) {
        copies.putIfAbsent(copy.seller().value() + "/" + copy.messageKey(), copy);
    }

    @Override
    public List<AuditCopy.SentReply> sent(SellerId seller, AuditPeriod period) {
        return copies.values().stream().filter(c -> c.seller().equals(seller) && period.contains(c.sentAt()))
                .map(AuditCopy::ref).toList();
    }

    @Override
    public List<AuditCopy> copies(SellerId seller, List<AuditCopy.SentReply> replies) {
        List<AuditCopy> out = new ArrayList<>();
        replies.forEach(r -> Optional.ofNullable(copies.get(seller.value() + "/" + r.messageKey())).ifPresent(out::add));
        return out;
    }

    @Override
    public Set<SellerId> sellersWithCopies(String quarterKey) {
        Set<SellerId> out = new HashSet<>();
        copies.values().forEach(c -> {
            if (AuditPeriod.quarterKey(LocalDate.ofInstant(c.sentAt(), ZoneOffset.UTC)).equals(quarterKey)) {
                out.add(c.seller());
            }
        });
        return out;
    }

    @Override
    public boolean save(SellerId seller, AuditReport report) {
        return reports.putIfAbsent(seller.value() + "/" + report.id(), report) == null;
    }

    @Override
    public Optional<AuditReport> report(SellerId seller, String id) {
        return Optional.ofNullable(reports.get(seller.value() + "/" + id));
    }

    @Override
    public List<AuditReport> reports(SellerId seller) {
        return reports.values().stream().filter(r -> r.sellerId().equals(seller.value()))
                .sorted(Comparator.comparing(AuditReport::createdAt).reversed()).toList();
    }
}
