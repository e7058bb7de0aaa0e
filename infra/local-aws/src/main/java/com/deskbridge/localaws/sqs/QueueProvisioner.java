package com.deskbridge.localaws.sqs;

import com.deskbridge.localaws.template.QueueSpec;
import com.deskbridge.localaws.template.TemplateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueNameExistsException;

/**
 * Creates the template's queues in ElasticMQ, dead-letter queues before the queues that redrive to them, with the
 * RedrivePolicy set so that ElasticMQ itself moves a message to the DLQ after maxReceiveCount receives.
 */
public final class QueueProvisioner {
    private final SqsClient sqs;
    private final String region;
    private final Integer visibilityTimeoutOverride;

    /**
     * @param sqs client pointed at ElasticMQ
     * @param region region of the queue ARNs
     * @param visibilityTimeoutOverride seconds that replace every queue's VisibilityTimeout (quick local redrive),
     *                                  or null to keep the template's
     */
    public QueueProvisioner(SqsClient sqs, String region, Integer visibilityTimeoutOverride) {
        this.sqs = sqs;
        this.region = region;
        this.visibilityTimeoutOverride = visibilityTimeoutOverride;
    }

    /**
     * @param queues queues of the template
     * @return queue logical id to URL, in creation order
     */
    public Map<String, String> createAll(Collection<QueueSpec> queues) {
        Map<String, QueueSpec> byId = new LinkedHashMap<>();
        queues.forEach(q -> byId.put(q.logicalId(), q));
        Map<String, String> urls = new LinkedHashMap<>();
        List<QueueSpec> pending = new ArrayList<>(byId.values());
        while (!pending.isEmpty()) {
            List<QueueSpec> ready = pending.stream()
                    .filter(q -> q.deadLetterQueueLogicalId() == null || urls.containsKey(q.deadLetterQueueLogicalId()))
                    .toList();
            if (ready.isEmpty()) {
                throw new TemplateException("queues " + pending.stream().map(QueueSpec::logicalId).toList()
                        + " have RedrivePolicy targets that form a cycle or are not queues of this template");
            }
            for (QueueSpec queue : ready) {
                QueueSpec dlq = queue.deadLetterQueueLogicalId() == null ? null : byId.get(queue.deadLetterQueueLogicalId());
                urls.put(queue.logicalId(), create(queue, dlq));
            }
            pending.removeAll(ready);
        }
        return urls;
    }

    /**
     * @param queue a queue
     * @return its local ARN
     */
    public String arn(QueueSpec queue) {
        return "arn:aws:sqs:" + region + ":000000000000:" + queue.queueName();
    }

    private String create(QueueSpec queue, QueueSpec dlq) {
        Map<QueueAttributeName, String> attributes = new HashMap<>();
        int visibility = visibilityTimeoutOverride != null ? visibilityTimeoutOverride : queue.visibilityTimeoutSeconds();
        attributes.put(QueueAttributeName.VISIBILITY_TIMEOUT, String.valueOf(visibility));
        if (queue.messageRetentionPeriodSeconds() != null) {
            attributes.put(QueueAttributeName.MESSAGE_RETENTION_PERIOD,
                    String.valueOf(queue.messageRetentionPeriodSeconds()));
        }
        if (queue.delaySeconds() != null) {
            attributes.put(QueueAttributeName.DELAY_SECONDS, String.valueOf(queue.delaySeconds()));
        }
        if (queue.fifo()) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            if (queue.contentBasedDeduplication()) {
                attributes.put(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true");
            }
        }
        if (dlq != null) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + arn(dlq)
                    + "\",\"maxReceiveCount\":\"" + queue.maxReceiveCount() + "\"}");
        }
        try {
            return sqs.createQueue(r -> r.queueName(queue.queueName()).attributes(attributes)).queueUrl();
        } catch (QueueNameExistsException e) {
            // a persistent ElasticMQ restored the queue with other attributes (e.g. another visibility override):
            // the template's settings of this run win, the queue's messages stay
            String url = sqs.getQueueUrl(r -> r.queueName(queue.queueName())).queueUrl();
            Map<QueueAttributeName, String> settable = new HashMap<>(attributes);
            settable.remove(QueueAttributeName.FIFO_QUEUE);
            sqs.setQueueAttributes(r -> r.queueUrl(url).attributes(settable));
            return url;
        }
    }
}
