package io.vigie.moderation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param autoHideReports distinct people whose open reports hide an item until a moderator decides
 */
@ConfigurationProperties("vigie.moderation")
public record ModerationProperties(@DefaultValue("3") int autoHideReports) {}
