package com.deskbridge.localaws.template;

/**
 * A template parameter with the value the local stack uses.
 *
 * @param name parameter name
 * @param type CloudFormation type such as {@code String} or {@code Number}
 * @param defaultValue the template's default, or null
 * @param value the effective value (override, else default), or null when neither exists
 * @param overridden whether the value came from an override
 */
public record TemplateParameter(String name, String type, String defaultValue, String value, boolean overridden) {
}
