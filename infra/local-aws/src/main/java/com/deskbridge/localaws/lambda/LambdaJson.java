package com.deskbridge.localaws.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Converts between JSON and Java objects the way the Lambda Java runtime does: aws-lambda-java-events types go
 * through aws-lambda-java-serialization ({@link LambdaEventSerializers}), other types through Jackson.
 */
public final class LambdaJson {
    private static final String EVENTS_PACKAGE = "com.amazonaws.services.lambda.runtime.events";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private LambdaJson() {
    }

    /**
     * @param json JSON text
     * @param type target type (may be generic, such as {@code Map<String, Object>})
     * @param loader class loader of the handler
     * @return the deserialized object
     * @throws IOException when the JSON does not fit the type
     */
    public static Object fromJson(String json, Type type, ClassLoader loader) throws IOException {
        if (type instanceof Class<?> cls && isLambdaEvent(cls)) {
            return LambdaEventSerializers.serializerFor(cls, loader).fromJson(json);
        }
        JavaType javaType = MAPPER.getTypeFactory().constructType(type);
        return MAPPER.readValue(json, javaType);
    }

    /**
     * @param json JSON text
     * @param type target class
     * @param <T> target type
     * @return the deserialized object
     */
    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return type.cast(fromJson(json, type, type.getClassLoader() == null
                    ? LambdaJson.class.getClassLoader() : type.getClassLoader()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + type.getSimpleName() + " from " + json, e);
        }
    }

    /**
     * @param value object (null gives {@code null})
     * @return its JSON
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static String toJson(Object value) {
        if (value == null) {
            return "null";
        }
        try {
            if (isLambdaEvent(value.getClass())) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Class cls = value.getClass();
                LambdaEventSerializers.serializerFor(cls, cls.getClassLoader()).toJson(value, out);
                return out.toString(StandardCharsets.UTF_8);
            }
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON", e);
        }
    }

    /** @return the shared Jackson mapper */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    private static boolean isLambdaEvent(Class<?> cls) {
        return cls.getName().startsWith(EVENTS_PACKAGE);
    }
}
