package com.deskbridge.intake;

import com.amazonaws.services.lambda.runtime.Context;
import com.deskbridge.adapters.aws.PrimingWrites;
import com.deskbridge.adapters.aws.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;

/**
 * Lambda entry point for the overflow queue (template.yaml: IntakeOverflowFunction, at a low fixed concurrency):
 * the messages of sellers that went over their share of the intake queue ({@link FloodGate}), handled exactly as
 * intake handles them, with their receive time checked against when the intake queue first got them.
 */
public final class IntakeOverflowHandler implements RequestHandler<SQSEvent, SQSBatchResponse> {
    private final IntakeHandler handler;

    /**
     * SnapStart priming (template.yaml: SnapStart on every function): this function runs the intake handler, so it loads
     * the intake handler's class list and primes it with the same harmless request. Held here, the CRaC context holds
     * it weakly.
     */
    private final SnapStartPriming priming;

    /** Used by the Lambda runtime. */
    public IntakeOverflowHandler() {
        PrimingWrites writes = new PrimingWrites();
        this.handler = new IntakeHandler(IntakeWiring.fromEnvironment(IntakeWiring.Clients.fromEnvironment()
                .refusingWritesDuring(writes)), IntakeGuards.forOverflowFromEnvironment(), writes);
        this.priming = SnapStartPriming.register(IntakeHandler.class, handler::prime, SnapStartPriming.WRITE_PATH_ROUNDS);
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return handler.handleRequest(event, context);
    }
}
