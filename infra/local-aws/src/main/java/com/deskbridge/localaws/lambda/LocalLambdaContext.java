package com.deskbridge.localaws.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The {@link Context} of one local invocation. */
public final class LocalLambdaContext implements Context {
    private final String requestId;
    private final String functionName;
    private final String functionArn;
    private final int memoryLimitMb;
    private final long deadlineMillis;
    private final LambdaLogger logger;

    /**
     * @param requestId request id
     * @param functionName function name
     * @param functionArn function ARN
     * @param memoryLimitMb MemorySize
     * @param timeoutSeconds Timeout, from which the remaining time counts down
     * @param out where the logger writes
     */
    public LocalLambdaContext(String requestId, String functionName, String functionArn, int memoryLimitMb,
                              int timeoutSeconds, PrintStream out) {
        this.requestId = requestId;
        this.functionName = functionName;
        this.functionArn = functionArn;
        this.memoryLimitMb = memoryLimitMb;
        this.deadlineMillis = System.currentTimeMillis() + timeoutSeconds * 1000L;
        String prefix = "[" + functionName + " " + requestId + "] ";
        this.logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                out.println(prefix + message);
            }

            @Override
            public void log(byte[] message) {
                log(new String(message, StandardCharsets.UTF_8));
            }
        };
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + requestId.replace("-", "");
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, deadlineMillis - System.currentTimeMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryLimitMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }
}
