package com.deskbridge.sender;

import com.deskbridge.adapters.aws.SnapStartPriming;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.deskbridge.adapters.aws.AwsClients;
import com.deskbridge.adapters.config.Env;
import com.deskbridge.adapters.dynamodb.DynamoDbTicketStore;
import com.deskbridge.adapters.dynamodb.DynamoDbUnsentReplies;
import com.deskbridge.adapters.logging.Correlation;
import com.deskbridge.adapters.logging.JsonLogging;
import com.deskbridge.adapters.sqs.SqsReplyDispatcher;
import java.time.Clock;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Lambda entry point of the reply re-drive schedule (template.yaml: ReplyRedriveFunction); see {@link ReplyRedrive}. */
public final class ReplyRedriveHandler implements RequestHandler<Map<String, Object>, ReplyRedrive.Pass> {
    private static final Logger LOG = LoggerFactory.getLogger(ReplyRedriveHandler.class);

    static {
        JsonLogging.install();
    }

    private final ReplyRedrive redrive;

    /** SnapStart priming (template.yaml: SnapStart on every function); held here, the CRaC context holds it weakly. */
    private SnapStartPriming priming;

    /** Used by the Lambda runtime: real adapters from the environment template.yaml sets. */
    public ReplyRedriveHandler() {
        var dynamo = AwsClients.dynamoDb();
        String table = Env.require("TICKETS_TABLE");
        this.redrive = new ReplyRedrive(new DynamoDbUnsentReplies(dynamo, table), new DynamoDbTicketStore(dynamo, table),
                new SqsReplyDispatcher(AwsClients.sqs(), Env.require("OUTBOUND_QUEUE_URL")),
                Clock.systemUTC());
        priming = SnapStartPriming.register(ReplyRedriveHandler.class, redrive::prime); // reads only (ReplyRedrive#prime)
    }

    public ReplyRedriveHandler(ReplyRedrive redrive) {
        this.redrive = redrive;
    }

    @Override
    public ReplyRedrive.Pass handleRequest(Map<String, Object> event, Context context) {
        return Correlation.invocation(context, () -> {
            ReplyRedrive.Pass pass = redrive.run();
            LOG.info("reply re-drive: handedOver={} resent={} failed={}", pass.handedOver(), pass.resent(), pass.failed());
            return pass;
        });
    }
}
