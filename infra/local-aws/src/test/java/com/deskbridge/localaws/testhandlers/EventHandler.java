package com.deskbridge.localaws.testhandlers;

import com.amazonaws.services.lambda.runtime.Context;
import java.util.Map;

/** Records any event as a map, through a handler method named in the template (not handleRequest). */
public class EventHandler {
    public Map<String, Object> onEvent(Map<String, Object> event, Context context) {
        Recorder.record("events:" + context.getFunctionName(), String.valueOf(event));
        return Map.of("seen", event.getOrDefault("detail-type", "input"));
    }
}
