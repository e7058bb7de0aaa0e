package com.deskbridge.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.deskbridge.domain.ticket.Channel;
import com.deskbridge.localaws.s3.LocalS3;
import com.deskbridge.domain.ticket.InboundMessage;
import com.deskbridge.domain.ticket.SellerId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The S3 read side against S3Mock, a real S3 emulator running in-process on an ephemeral port. */
class S3RawMailStoreTest {
    private static final String BUCKET = "deskbridge-raw-mail";

    @TempDir
    static Path storeRoot;

    private static LocalS3 s3Mock;
    private static S3Client s3;

    @BeforeAll
    static void startEmulator() {
        s3Mock = LocalS3.start(0, storeRoot, "eu-west-1");
        s3Mock.createBuckets(List.of(BUCKET));
        s3 = s3Mock.client();
    }

    @AfterAll
    static void stopEmulator() {
        if (s3Mock != null) {
            s3Mock.close();
        }
    }

    @Test
    void fetchesTheStoredBytesUnchanged() {
        byte[] raw = MailFixtures.amazonRelayPlain().getBytes(StandardCharsets.UTF_8);
        String key = "relay/A2SELLER01/0f1e2d3c4b5a";
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(raw));

        byte[] fetched = new S3RawMailStore(s3).fetch(BUCKET, key);

        assertThat(fetched).isEqualTo(raw);
        InboundMessage message = new InboundMailParser().parse(fetched, new SellerId("A2SELLER01"), Instant.EPOCH);
        assertThat(message.channel()).isEqualTo(Channel.AMAZON);
        assertThat(message.orderId()).isEqualTo("302-1234567-7654321");
    }

    @Test
    void fetchesBinaryContentByteForByte() {
        byte[] raw = new byte[70_000];
        for (int i = 0; i < raw.length; i++) {
            raw[i] = (byte) (i * 31 + 7);
        }
        String key = "relay/A2SELLER01/binary";
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(raw));

        assertThat(new S3RawMailStore(s3).fetch(BUCKET, key)).isEqualTo(raw);
    }

    @Test
    void missingKeyIsPermanent() {
        S3RawMailStore store = new S3RawMailStore(s3);

        assertThatThrownBy(() -> store.fetch(BUCKET, "relay/A2SELLER01/never-written"))
                .isInstanceOf(RawMailNotFoundException.class)
                .isInstanceOf(PermanentMailException.class)
                .hasMessageContaining("s3://" + BUCKET + "/relay/A2SELLER01/never-written")
                .satisfies(e -> {
                    RawMailNotFoundException notFound = (RawMailNotFoundException) e;
                    assertThat(notFound.bucket()).isEqualTo(BUCKET);
                    assertThat(notFound.key()).isEqualTo("relay/A2SELLER01/never-written");
                });
    }

    @Test
    void missingBucketPropagatesAsSdkError() {
        S3RawMailStore store = new S3RawMailStore(s3);

        assertThatThrownBy(() -> store.fetch("no-such-bucket-here", "relay/A2SELLER01/x"))
                .isInstanceOf(S3Exception.class)
                .isNotInstanceOf(PermanentMailException.class);
    }

    @Test
    void objectOverTheLimitIsRejected() {
        String key = "relay/A2SELLER01/huge";
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(new byte[2048]));
        S3RawMailStore store = new S3RawMailStore(s3, 1024);

        assertThatThrownBy(() -> store.fetch(BUCKET, key))
                .isInstanceOf(MailTooLargeException.class)
                .hasMessageContaining("2048 bytes")
                .hasMessageContaining("limit 1024");
    }

    @Test
    void objectExactlyAtTheLimitIsAccepted() {
        String key = "relay/A2SELLER01/at-limit";
        s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(new byte[1024]));

        assertThat(new S3RawMailStore(s3, 1024).fetch(BUCKET, key)).hasSize(1024);
    }
}
