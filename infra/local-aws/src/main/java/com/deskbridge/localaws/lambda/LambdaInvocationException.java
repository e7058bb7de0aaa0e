package com.deskbridge.localaws.lambda;

/**
 * A function invocation failed: the handler threw, or its input/output could not be (de)serialised. Mirrors
 * Lambda's error result ({@code errorType}, {@code errorMessage}).
 */
public class LambdaInvocationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String functionLogicalId;
    private final String errorType;

    /**
     * @param functionLogicalId failing function
     * @param errorType exception class name (Lambda's errorType)
     * @param message error message
     * @param cause the handler's exception
     */
    public LambdaInvocationException(String functionLogicalId, String errorType, String message, Throwable cause) {
        super(functionLogicalId + " failed: " + errorType + ": " + message, cause);
        this.functionLogicalId = functionLogicalId;
        this.errorType = errorType;
    }

    /** @return logical id of the function */
    public String functionLogicalId() {
        return functionLogicalId;
    }

    /** @return Lambda's errorType, the exception class name */
    public String errorType() {
        return errorType;
    }
}
