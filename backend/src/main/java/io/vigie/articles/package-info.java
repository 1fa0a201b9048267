/**
 * The collaborative trend-watch's raw material: articles people share into spaces. One article
 * per canonical URL, many shares; an article is visible through the shares a reader may see.
 */
package io.vigie.articles;
