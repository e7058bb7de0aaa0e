package com.deskbridge.localaws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.deskbridge.localaws.template.FunctionSpec;
import com.deskbridge.localaws.template.IntrinsicResolver;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One function "container": the handler is created once (on first use, or by {@link #init()}) and each
 * invocation runs the way the Lambda Java runtime runs it: the event JSON is deserialized into the handler
 * method's declared input type, the method is called with a {@link Context}, and the result is serialized back to
 * JSON. Invocations of one function are serialised, as one Lambda instance handles one event at a time.
 */
public final class LambdaFunction {
    private final FunctionSpec spec;
    private final String arn;
    private final HandlerFactory factory;
    private final ClassLoader loader;
    private final PrintStream log;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Object handler;
    private Method method;
    private boolean streamHandler;

    /**
     * @param spec the function
     * @param region region for the function ARN
     * @param factory creates the handler instance
     * @param loader class loader to find the handler class
     * @param log where function logs go
     */
    public LambdaFunction(FunctionSpec spec, String region, HandlerFactory factory, ClassLoader loader,
                          PrintStream log) {
        this.spec = spec;
        this.arn = "arn:aws:lambda:" + region + ":" + IntrinsicResolver.ACCOUNT_ID + ":function:" + spec.functionName();
        this.factory = factory;
        this.loader = loader;
        this.log = log;
    }

    /** @return the function's template spec */
    public FunctionSpec spec() {
        return spec;
    }

    /** @return the function's local ARN */
    public String arn() {
        return arn;
    }

    /** @return whether the handler has been created */
    public boolean initialized() {
        return handler != null;
    }

    /**
     * Creates the handler (Lambda's init phase) if not done yet.
     *
     * @throws IllegalStateException when the class or method cannot be found or the handler cannot be built
     */
    public void init() {
        if (handler != null) {
            return;
        }
        lock.lock();
        try {
            if (handler != null) {
                return;
            }
            Class<?> cls;
            try {
                cls = Class.forName(spec.handlerClass(), true, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("function " + spec.logicalId() + ": handler class "
                        + spec.handlerClass() + " cannot be loaded (is its module on the classpath?)", e);
            }
            method = findMethod(cls);
            streamHandler = method.getParameterCount() >= 2
                    && InputStream.class.isAssignableFrom(method.getParameterTypes()[0])
                    && OutputStream.class.isAssignableFrom(method.getParameterTypes()[1]);
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(loader);
            try {
                handler = factory.create(spec, cls);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException("function " + spec.logicalId() + ": handler " + cls.getName()
                        + " failed in its constructor: " + e.getCause(), e.getCause());
            } catch (Exception e) {
                throw new IllegalStateException("function " + spec.logicalId() + ": cannot create handler "
                        + cls.getName() + ": " + e, e);
            } finally {
                thread.setContextClassLoader(previous);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Invokes the function with an event.
     *
     * @param eventJson the event as Lambda would deliver it
     * @return the response JSON ({@code null} for void handlers)
     * @throws LambdaInvocationException when the handler throws or the event does not fit its input type
     */
    public String invoke(String eventJson) {
        try {
            init();
        } catch (IllegalStateException e) {
            throw new LambdaInvocationException(spec.logicalId(), "Runtime.HandlerInitError", e.getMessage(), e);
        }
        String requestId = UUID.randomUUID().toString();
        Context context = new LocalLambdaContext(requestId, spec.functionName(), arn, spec.memorySize(),
                spec.timeoutSeconds(), log);
        lock.lock();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        long started = System.nanoTime();
        try {
            if (streamHandler) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Object[] args = method.getParameterCount() == 3
                        ? new Object[]{new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, context}
                        : new Object[]{new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out};
                method.invoke(handler, args);
                return out.toString(StandardCharsets.UTF_8);
            }
            Object[] args = arguments(eventJson, context);
            Object result = method.invoke(handler, args);
            return LambdaJson.toJson(result);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            context.getLogger().log("ERROR " + cause);
            throw new LambdaInvocationException(spec.logicalId(), cause.getClass().getName(),
                    String.valueOf(cause.getMessage()), cause);
        } catch (IllegalAccessException e) {
            throw new LambdaInvocationException(spec.logicalId(), "Runtime.HandlerNotAccessible", e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
            lock.unlock();
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (millis > spec.timeoutSeconds() * 1000L) {
                log.println("[" + spec.functionName() + " " + requestId + "] WARNING: took " + millis
                        + " ms, more than its Timeout of " + spec.timeoutSeconds() + " s (Lambda would have killed it)");
            }
        }
    }

    /**
     * Invokes the function with a Java event and reads the response as a type.
     *
     * @param event event object (serialised like Lambda's events)
     * @param responseType response class
     * @param <T> response type
     * @return the response, or null for void handlers
     */
    public <T> T invoke(Object event, Class<T> responseType) {
        String response = invoke(event instanceof String s ? s : LambdaJson.toJson(event));
        if (response == null || response.equals("null") || response.isEmpty()) {
            return null;
        }
        return LambdaJson.fromJson(response, responseType);
    }

    private Object[] arguments(String eventJson, Context context) {
        int count = method.getParameterCount();
        if (count == 0) {
            return new Object[0];
        }
        Type inputType = method.getGenericParameterTypes()[0];
        Object input;
        try {
            input = LambdaJson.fromJson(eventJson, inputType, loader);
        } catch (Exception e) {
            throw new LambdaInvocationException(spec.logicalId(), "Runtime.SerializationError",
                    "cannot deserialize the event into " + inputType.getTypeName() + ": " + e.getMessage(), e);
        }
        return count == 1 ? new Object[]{input} : new Object[]{input, context};
    }

    private Method findMethod(Class<?> cls) {
        String name = spec.handlerMethod() == null ? "handleRequest" : spec.handlerMethod();
        List<Method> candidates = Arrays.stream(cls.getMethods())
                .filter(m -> m.getName().equals(name) && !m.isBridge() && !m.isSynthetic())
                .filter(m -> !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() <= 3)
                .filter(m -> m.getParameterCount() < 2 || Context.class.isAssignableFrom(
                        m.getParameterTypes()[m.getParameterCount() - 1])
                        || OutputStream.class.isAssignableFrom(m.getParameterTypes()[1]))
                .sorted(Comparator.comparingInt(Method::getParameterCount).reversed()
                        .thenComparing(m -> m.getParameterCount() > 0 && m.getParameterTypes()[0] == Object.class))
                .toList();
        if (candidates.isEmpty()) {
            throw new IllegalStateException("function " + spec.logicalId() + ": handler " + spec.handler()
                    + " has no public method " + name + "(input[, Context]) or (InputStream, OutputStream[, Context])");
        }
        return candidates.get(0);
    }
}
