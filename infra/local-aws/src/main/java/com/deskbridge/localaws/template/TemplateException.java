package com.deskbridge.localaws.template;

/**
 * A template construct that cannot be loaded, resolved or run locally. The message always names the place in the
 * template (resource and property) so the author can find it.
 */
public class TemplateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and where */
    public TemplateException(String message) {
        super(message);
    }

    /**
     * @param message what is wrong and where
     * @param cause underlying failure
     */
    public TemplateException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param location template path such as {@code Resources.Fn.Properties.Environment}
     * @param problem what is wrong there
     * @return an exception naming the location
     */
    public static TemplateException at(String location, String problem) {
        return new TemplateException(location + ": " + problem);
    }
}
