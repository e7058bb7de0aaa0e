package com.deskbridge.carriers;

import com.deskbridge.logistics.MappedStatus;
import java.time.Instant;

/** One carrier event read from the wire, before it becomes a {@code TrackingEvent}. */
record ParsedEvent(Instant at, String code, String text, String location, MappedStatus mapped) {
}
