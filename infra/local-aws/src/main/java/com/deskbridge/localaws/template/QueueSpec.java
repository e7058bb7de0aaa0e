package com.deskbridge.localaws.template;

/**
 * An {@code AWS::SQS::Queue}.
 *
 * @param logicalId logical id
 * @param queueName QueueName, or the logical id (with {@code .fifo} for FIFO queues)
 * @param fifo FifoQueue
 * @param contentBasedDeduplication ContentBasedDeduplication
 * @param visibilityTimeoutSeconds VisibilityTimeout (default 30)
 * @param messageRetentionPeriodSeconds MessageRetentionPeriod, or null
 * @param delaySeconds DelaySeconds, or null
 * @param deadLetterQueueLogicalId logical id of the RedrivePolicy target, or null
 * @param maxReceiveCount RedrivePolicy maxReceiveCount, or 0
 */
public record QueueSpec(String logicalId, String queueName, boolean fifo, boolean contentBasedDeduplication,
                        int visibilityTimeoutSeconds, Integer messageRetentionPeriodSeconds, Integer delaySeconds,
                        String deadLetterQueueLogicalId, int maxReceiveCount) {
}
