package com.deskbridge.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * A stratified random sample of sent replies: strata are agent × source (by hand, macro, suggestion, suggestion
 * edited, automatic). Each stratum gets its proportional share of the sample (largest remainder) and at least one reply
 * while the sample has room, so a small stratum (one agent's few macro replies) is never left out. The draw is
 * reproducible: the same population and seed (derived from the audit id) give the same sample.
 *
 * @param strata every stratum of the population, by key, with how many replies it has and how many were drawn
 */
public record AuditSample(List<AuditCopy.SentReply> replies, List<Stratum> strata) {

    public record Stratum(String agentId, String source, int population, int sampled) {
    }

    /** The seed of an audit's draw: the first 8 bytes of SHA-256 of its id. */
    public static long seed(String auditId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(auditId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(hash, 0, 8).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AuditSample draw(List<AuditCopy.SentReply> population, int size, long seed) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
        Map<String, List<AuditCopy.SentReply>> byStratum = new TreeMap<>();
        for (AuditCopy.SentReply r : population) {
            byStratum.computeIfAbsent(r.stratum(), k -> new ArrayList<>()).add(r);
        }
        List<String> keys = new ArrayList<>(byStratum.keySet());
        int[] counts = keys.stream().mapToInt(k -> byStratum.get(k).size()).toArray();
        int[] quota = allocate(counts, Math.min(size, population.size()));
        Random random = new Random(seed);
        List<AuditCopy.SentReply> drawn = new ArrayList<>();
        List<Stratum> strata = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            List<AuditCopy.SentReply> members = new ArrayList<>(byStratum.get(keys.get(i)));
            members.sort(Comparator.comparing(AuditCopy.SentReply::messageKey)); // independent of the store's order
            Collections.shuffle(members, random);
            drawn.addAll(members.subList(0, quota[i]));
            AuditCopy.SentReply first = members.get(0);
            strata.add(new Stratum(first.agentId(), first.source().wireName(), counts[i], quota[i]));
        }
        return new AuditSample(List.copyOf(drawn), List.copyOf(strata));
    }

    /** Proportional allocation of {@code n} over strata of these sizes, each at least one while n allows. */
    static int[] allocate(int[] counts, int n) {
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        int[] quota = new int[counts.length];
        if (n >= total) {
            return counts.clone();
        }
        double[] remainder = new double[counts.length];
        int given = 0;
        for (int i = 0; i < counts.length; i++) {
            double exact = (double) counts[i] * n / total;
            quota[i] = (int) Math.floor(exact);
            remainder[i] = exact - quota[i];
            given += quota[i];
        }
        // every stratum at least one, taken from the largest quotas, while the sample has room for all strata
        if (counts.length <= n) {
            for (int i = 0; i < counts.length; i++) {
                if (quota[i] == 0) {
                    quota[i] = 1;
                    given++;
                    remainder[i] = -1;
                }
            }
            while (given > n) {
                int largest = -1;
                for (int i = 0; i < counts.length; i++) {
                    if (quota[i] > 1 && (largest < 0 || quota[i] > quota[largest])) {
                        largest = i;
                    }
                }
                quota[largest]--;
                given--;
            }
        }
        while (given < n) {
            int best = -1;
            for (int i = 0; i < counts.length; i++) {
                if (quota[i] < counts[i] && (best < 0 || remainder[i] > remainder[best])) {
                    best = i;
                }
            }
            quota[best]++;
            remainder[best] = -2;
            given++;
        }
        return quota;
    }
}
