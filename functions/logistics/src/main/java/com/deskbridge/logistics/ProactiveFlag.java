package com.deskbridge.logistics;

/** Conditions worth telling an agent about before the buyer writes (see {@link ProactiveFlags}). */
public enum ProactiveFlag {
    DELAYED, EXCEPTION, LOST, RETURNED_TO_SENDER
}
