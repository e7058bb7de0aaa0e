package com.deskbridge.localaws.lambda;

import com.deskbridge.localaws.template.FunctionSpec;

/**
 * Creates the handler object of a function (once per function, like a Lambda container's init phase).
 */
@FunctionalInterface
public interface HandlerFactory {

    /**
     * @param function the function whose handler is needed
     * @param handlerClass the class named in its Handler
     * @return the handler instance
     * @throws Exception when it cannot be created
     */
    Object create(FunctionSpec function, Class<?> handlerClass) throws Exception;

    /** @return the default: the public no-arg constructor, as the Lambda Java runtime uses */
    static HandlerFactory reflective() {
        return (function, handlerClass) -> handlerClass.getDeclaredConstructor().newInstance();
    }
}
