package com.deskbridge.localaws.template;

import java.util.List;
import java.util.Map;

/**
 * An {@code AWS::DynamoDB::Table} (or {@code AWS::Serverless::SimpleTable}).
 *
 * @param logicalId logical id
 * @param tableName TableName, or the logical id
 * @param attributeDefinitions attribute name to type (S, N, B)
 * @param keySchema the table's key
 * @param globalSecondaryIndexes GSIs
 * @param localSecondaryIndexes LSIs
 * @param ttlAttribute TTL attribute when TimeToLiveSpecification is enabled, else null
 * @param streamViewType StreamSpecification.StreamViewType, or null
 */
public record TableSpec(String logicalId, String tableName, Map<String, String> attributeDefinitions,
                        List<KeyElement> keySchema, List<IndexSpec> globalSecondaryIndexes,
                        List<IndexSpec> localSecondaryIndexes, String ttlAttribute, String streamViewType) {

    /**
     * One key element.
     *
     * @param attributeName attribute
     * @param keyType HASH or RANGE
     */
    public record KeyElement(String attributeName, String keyType) {
    }

    /**
     * A secondary index.
     *
     * @param indexName name
     * @param keySchema key
     * @param projectionType ALL, KEYS_ONLY or INCLUDE
     * @param nonKeyAttributes projected attributes for INCLUDE
     */
    public record IndexSpec(String indexName, List<KeyElement> keySchema, String projectionType,
                            List<String> nonKeyAttributes) {
    }
}
