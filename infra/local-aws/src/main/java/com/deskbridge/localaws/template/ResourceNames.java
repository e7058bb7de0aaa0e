package com.deskbridge.localaws.template;

/**
 * Simple named resources: event buses and S3 buckets.
 *
 * @param logicalId logical id
 * @param name physical name
 */
public record ResourceNames(String logicalId, String name) {
}
