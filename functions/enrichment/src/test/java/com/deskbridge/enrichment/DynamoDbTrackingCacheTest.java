package com.deskbridge.enrichment;

import com.deskbridge.logistics.TrackingFreshness;

/** {@link TrackingCacheContract} on DynamoDB Local (the tickets table and its DueBySweep index). */
class DynamoDbTrackingCacheTest extends TrackingCacheContract {

    private final TrackingCache cache = new DynamoDbTrackingCache(TestStack.get().dynamoDbClient(), TestStack.table(),
            clock, TrackingFreshness.defaults());

    @Override
    TrackingCache cache() {
        return cache;
    }

    @Override
    String number() {
        return "00340434" + TestStack.unique();
    }
}
