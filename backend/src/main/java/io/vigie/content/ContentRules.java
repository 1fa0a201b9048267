package io.vigie.content;

import io.vigie.web.ApiProblems;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;
import java.util.Locale;

/**
 * Size limits of user text, with messages a person can act on.
 *
 * @param postMaxLength    characters of Markdown in a post
 * @param commentMaxLength characters of Markdown in a comment
 * @param titleMaxLength   characters of a title (shared articles, spaces)
 * @param maxHashtags      distinct hashtags one item may carry
 * @param maxMentions      distinct people one item may mention
 */
@ConfigurationProperties("vigie.content")
public record ContentRules(@DefaultValue("20000") int postMaxLength,
                           @DefaultValue("5000") int commentMaxLength,
                           @DefaultValue("200") int titleMaxLength,
                           @DefaultValue("30") int maxHashtags,
                           @DefaultValue("50") int maxMentions) {

    /**
     * What is wrong with this text, if anything: empty (or only spaces), or over the limit. The
     * length is counted as the browser's {@code maxlength} counts it, in UTF-16 units, so the
     * composer and the API agree.
     */
    public List<ApiProblems.FieldError> check(String field, String text, int maxLength) {
        if (text == null || text.isBlank()) {
            return List.of(new ApiProblems.FieldError(field, "must not be empty"));
        }
        if (text.length() > maxLength) {
            return List.of(new ApiProblems.FieldError(field, String.format(Locale.ENGLISH,
                    "is %,d characters long; the limit is %,d", text.length(), maxLength)));
        }
        return List.of();
    }

    /** Checks what rendering found against the limits. */
    public List<ApiProblems.FieldError> checkTags(String field, UserText.Rendered rendered) {
        if (rendered.hashtags().size() > maxHashtags) {
            return List.of(new ApiProblems.FieldError(field, String.format(Locale.ENGLISH,
                    "has %d hashtags; the limit is %d", rendered.hashtags().size(), maxHashtags)));
        }
        if (rendered.mentions().size() > maxMentions) {
            return List.of(new ApiProblems.FieldError(field, String.format(Locale.ENGLISH,
                    "mentions %d people; the limit is %d", rendered.mentions().size(), maxMentions)));
        }
        return List.of();
    }
}
