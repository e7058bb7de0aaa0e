package com.deskbridge.actions;

import com.deskbridge.spapi.Feed;
import com.deskbridge.spapi.FeedDocument;
import com.deskbridge.spapi.FeedDocumentUpload;
import com.deskbridge.spapi.SellerAccount;
import com.deskbridge.spapi.SpApiClient;
import com.deskbridge.spapi.SpApiException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** {@link Feeds} through the container's SP-API client (whose createFeed the transport never retries). */
public final class SpApiFeeds implements Feeds {

    private final SpApiClient spApi;
    private final SellerAccounts accounts;

    public SpApiFeeds(SpApiClient spApi, SellerAccounts accounts) {
        this.spApi = Objects.requireNonNull(spApi);
        this.accounts = Objects.requireNonNull(accounts);
    }

    @Override
    public String createFeedDocument(String sellerId, String contentType, byte[] document) {
        FeedDocumentUpload upload = spApi.feeds().createFeedDocument(account(sellerId), contentType);
        spApi.feeds().uploadFeedDocument(upload, contentType, document);
        return upload.feedDocumentId();
    }

    @Override
    public String createFeed(String sellerId, String feedType, String marketplaceId, String inputFeedDocumentId) {
        return spApi.feeds().createFeed(account(sellerId), feedType, List.of(marketplaceId), inputFeedDocumentId);
    }

    @Override
    public Optional<Feed> getFeed(String sellerId, String feedId) {
        return spApi.feeds().getFeed(account(sellerId), feedId);
    }

    @Override
    public byte[] getFeedDocument(String sellerId, String feedDocumentId) {
        FeedDocument document = spApi.feeds().getFeedDocument(account(sellerId), feedDocumentId)
                .orElseThrow(() -> new SpApiException("feeds.getFeedDocument", 404, null, "NotFound",
                        "result document " + feedDocumentId + " not found"));
        return spApi.feeds().downloadFeedDocument(document);
    }

    private SellerAccount account(String sellerId) {
        return accounts.account(sellerId);
    }
}
